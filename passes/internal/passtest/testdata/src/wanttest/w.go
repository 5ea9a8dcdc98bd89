package wanttest // want package:"checked"

func bad() {}

func use() {
	bad() // want "call of bad"
	bad() // want "call of good"
	bad()
	// want +1 `call of bad`
	bad()
	bad() // want "call of bad" "call of bad"
}

func marked() {} // want marked:"marked"

func unmarked() {} // want unmarked:"marked"

func extra() {}

// want "never reported"
