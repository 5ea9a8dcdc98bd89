package jslex

import (
	"strings"
	"testing"
)

func TestIdentChars(t *testing.T) {
	for _, c := range []byte("aZ_$\x80\xff") {
		if !IsIdentStart(c) || !IsIdentPart(c) {
			t.Errorf("%q: want an identifier start and part", c)
		}
	}
	for _, c := range []byte("09") {
		if IsIdentStart(c) || !IsIdentPart(c) {
			t.Errorf("%q: want an identifier part only", c)
		}
	}
	for _, c := range []byte(" .-'\"`/\n") {
		if IsIdentPart(c) {
			t.Errorf("%q: not an identifier byte", c)
		}
	}
	for _, c := range []byte(" \t\n\r\f\v") {
		if !IsSpace(c) {
			t.Errorf("%q: want a space", c)
		}
	}
}

func TestLineEnd(t *testing.T) {
	if got := LineEnd("ab\ncd", 0); got != 2 {
		t.Errorf("LineEnd = %d, want 2", got)
	}
	if got := LineEnd([]byte("ab\ncd"), 3); got != 5 {
		t.Errorf("LineEnd at the last line = %d, want 5", got)
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		src      string // from the opening quote
		end      int
		esc      bool
		complete bool
	}{
		{`'abc' x`, 4, false, true},
		{`"a\"b" x`, 5, true, true},
		{`'it\'s'`, 6, true, true},
		{"'a\\\nb'", 5, true, true}, // a line continuation
		{"'abc\nd'", 4, false, false},
		{`'abc`, 4, false, false},
		{`'ab\`, 4, true, false},
	}
	for _, tt := range tests {
		end, esc := String(tt.src, 1, tt.src[0])
		if end != tt.end || esc != tt.esc {
			t.Errorf("String(%q) = %d, %v; want %d, %v", tt.src, end, esc, tt.end, tt.esc)
		}
		complete := end < len(tt.src) && tt.src[end] == tt.src[0]
		if complete != tt.complete {
			t.Errorf("String(%q): closed = %v, want %v", tt.src, complete, tt.complete)
		}
	}
}

func TestBlockComment(t *testing.T) {
	src := "x /* a */ y"
	if textEnd, end := BlockComment(src, 2); src[4:textEnd] != " a " || end != 9 {
		t.Errorf("BlockComment = %q, %d; want \" a \", 9", src[4:textEnd], end)
	}
	if textEnd, end := BlockComment("/*/ x", 0); textEnd != 5 || end != 5 {
		t.Errorf("unclosed BlockComment = %d, %d; want 5, 5", textEnd, end)
	}
}

func TestRegex(t *testing.T) {
	tests := []struct {
		src string // after the opening '/'
		end int
		ok  bool
	}{
		{`ab/g.test(x)`, 4, true},
		{`a[/]b/ x`, 6, true},
		{`a\/b/`, 5, true},
		{`[\]/]/i;`, 7, true},
		{"a\n/", 1, false},
		{"a\r\n/", 1, false},
		{`abc`, 3, false},
	}
	for _, tt := range tests {
		end, ok := Regex([]byte(tt.src), 0)
		if end != tt.end || ok != tt.ok {
			t.Errorf("Regex(%q) = %d, %v; want %d, %v", tt.src, end, ok, tt.end, tt.ok)
		}
	}
	for _, w := range []string{"return", "typeof", "case", "await"} {
		if !RegexAfter(w) {
			t.Errorf("RegexAfter(%q) = false", w)
		}
	}
	for _, w := range []string{"x", "this", "returns"} {
		if RegexAfter(w) {
			t.Errorf("RegexAfter(%q) = true", w)
		}
	}
}

func TestTemplate(t *testing.T) {
	tests := []struct {
		src  string // after the backtick
		end  int
		stop TemplateStop
	}{
		{"ab` x", 2, TemplateClose},
		{"a\\`b` x", 4, TemplateClose},
		{"a${x}`", 1, TemplateSubst},
		{"a$b{`", 4, TemplateClose},
		{"a\nb", 3, TemplateOpen},
	}
	for _, tt := range tests {
		end, stop := Template(tt.src, 0)
		if end != tt.end || stop != tt.stop {
			t.Errorf("Template(%q) = %d, %v; want %d, %v", tt.src, end, stop, tt.end, tt.stop)
		}
	}
}

func TestSkipLiteral(t *testing.T) {
	tests := []struct {
		src string
		end int // after the literal; -1: unterminated
	}{
		{`'a' + b`, 3},
		{`"a\"b", c`, 6},
		{"`a${b}c` d", 8},
		{"`a${ {x: '}'} }c` d", 17},
		{"`a${`b${c}`}d` e", 14},
		{"`a${ /* } */ b}` c", 16},
		{"`a${ // }\n b}` c", 14},
		{"`multi\nline` x", 12},
		{"'a\nb'", -1},
		{"`a${b", -1},
		{"`abc", -1},
	}
	for _, tt := range tests {
		end, ok := SkipLiteral(tt.src, 0)
		if !ok {
			end = -1
		}
		if end != tt.end {
			t.Errorf("SkipLiteral(%q) = %d, want %d", tt.src, end, tt.end)
		}
	}
	// Garbage nesting ends, unterminated, without exhausting the stack.
	deep := strings.Repeat("`${", 100000)
	if _, ok := SkipLiteral(deep, 0); ok {
		t.Error("deeply nested templates: want unterminated")
	}
}

func TestDecode(t *testing.T) {
	tests := map[string]string{
		`plain`:             "plain",
		`a\nb\tc`:           "a\nb\tc",
		`\x41\u0042\u{43}`:  "ABC",
		`\ud83d\ude00`:      "\U0001F600",
		`\q\'\"`:            `q'"`,
		"a\\\nb":            "ab",
		"a\\\r\nb":          "ab",
		`\xZZ\u{}\u12`:      "xZZu{}u12",
		`\u{110000000}`:     "u{110000000}",
		`trailing\`:         `trailing\`,
		`\0`:                "\x00",
		`\b\f\v\r`:          "\b\f\v\r",
		`\u{1F600}`:         "\U0001F600",
		`\ud83d alone`:      "\ufffd alone",
		`\uD83D\u0041`:      "\ufffdA",
		`\x4`:               "x4",
		`\u004`:             "u004",
		`\u{41`:             "u{41",
		`\u{41}\u{42}rest`:  "ABrest",
		`mixed \x41 and \n`: "mixed A and \n",
	}
	for in, want := range tests {
		if got := Decode(in); got != want {
			t.Errorf("Decode(%q) = %q, want %q", in, got, want)
		}
		if got := Decode([]byte(in)); got != want {
			t.Errorf("Decode([]byte(%q)) = %q, want %q", in, got, want)
		}
	}
}
