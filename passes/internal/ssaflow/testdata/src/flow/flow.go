package flow

import (
	"fmt"
	"strings"
)

func source() string { return "secret" }
func sink(v ...any)  {}
func clean(v any)    {}

func direct() {
	sink(source()) // want `reaches sink`
}

func assigned() {
	s := source()
	t := s + "!"
	u := strings.ToUpper(t)
	sink(fmt.Sprintf("%s", u)) // want `reaches sink`
	clean(u)
	sink(len(u), u != "") // not data
}

type Pair struct{ A, B string }

func fields() {
	p := Pair{A: source(), B: "x"}
	sink(p.B)
	sink(p.A) // want `reaches sink`
	sink(p)   // want `reaches sink`
	q := &Pair{B: source()}
	sink(q.A)
	sink(q) // want `reaches sink`
}

type Outer struct {
	In  Pair
	Ptr *Pair
	N   int
}

func nested() {
	o := Outer{In: Pair{A: source()}, N: 1}
	sink(o.In.B, o.N)
	sink(o.In.A) // want `reaches sink`
	inner := &Pair{A: source()}
	o2 := Outer{Ptr: inner}
	sink(o2.Ptr.B)
	sink(o2.Ptr.A) // want `reaches sink`
}

func maps() {
	m := map[string]string{"k": source()}
	sink(m) // want `reaches sink`
	sl := []string{"a", source()}
	sink(sl[0]) // want `reaches sink`
}

func closures() {
	s := source()
	f := func() {
		sink(s) // want `reaches sink`
	}
	f()
	p := &Pair{A: source()}
	g := func() {
		sink(p.B)
		sink(p.A) // want `reaches sink`
	}
	g()
}

func get() string { return source() }

func identity(s string) string { return s }

func returns() {
	sink(get())           // want `reaches sink`
	sink(identity("ok"))  // context-sensitive: not the tainted call
	sink(identity(get())) // want `reaches sink`
}

func helper(v any) { sink(v) }

func calls() {
	helper("fine")
	helper(source()) // want `reaches sink via helper`
}

func fill(p *Pair) { p.A = source() }

func outParam() {
	var p Pair
	fill(&p)
	sink(p.B)
	sink(p.A) // want `reaches sink`
}

var global string

func setGlobal() { global = source() }

func readGlobal() {
	sink(global) // want `reaches sink`
}

func compared() {
	if source() == "x" {
		sink("branch")
	}
}

func recurse(s string, n int) string {
	if n == 0 {
		return s
	}
	return recurse(s+"x", n-1)
}

func recursion() {
	sink(recurse(source(), 3)) // want `reaches sink`
	sink(recurse("ok", 3))
}

func channels() {
	ch := make(chan string, 1)
	ch <- source()
	sink(<-ch) // want `reaches sink`
}

func loops() {
	s := ""
	for i := 0; i < 3; i++ {
		s += source()
	}
	sink(s) // want `reaches sink`
}

func deferred() {
	s := source()
	defer sink(s) // want `reaches sink`
}

func probe(s string) {}

// Reached reports what the last run tracked.
func reachedProbe() {
	v := source()
	w := "constant"
	probe(v) // want `reached`
	probe(w) // want `not reached`
}

// IntoPointers: the call writes the value into the pointers it is given,
// a variadic argument's included.
func scan(src string, dst ...any) {}

func scanned() {
	var a, b, c string
	scan(source(), &a, &b)
	sink(c)
	sink(b) // want `reaches sink`
}

// Site.Fields: which fields of a tracked struct hold the data, nil when
// all of it does.
func inspect(p *Pair) {}

func inspectFields() {
	var p Pair
	p.B = source()
	inspect(&p) // want `reaches inspect fields \[1\]`
}

func inspectWhole() {
	var p Pair
	scan(source(), &p)
	inspect(&p) // want `reaches inspect whole`
}

// Boxed in an interface, a struct keeps its marks.
func inspectAny(v any) {}

func inspectBoxed() {
	var p Pair
	p.A = source()
	inspectAny(&p) // want `reaches inspect fields \[0\]`
	inspectAny(p)  // want `reaches inspect fields \[0\]`
}
