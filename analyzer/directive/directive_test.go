package directive

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		text           string
		ok             bool
		rules, problem string
		reason         string
	}{
		{"dypai:ignore DYP101 demo key, read-only", true, "DYP101", "", "demo key, read-only"},
		{" dypai:ignore DYP101,dyp201 two reasons", true, "DYP101,DYP201", "", "two reasons"},
		{"dypai:ignore DYP101", true, "DYP101", "gives no reason: say why the finding does not apply", ""},
		{"dypai:ignore", true, "", "names no rule: write dypai:ignore DYPnnn reason", ""},
		{"dypai:ignore DYP999 because", true, "", `names unknown rule "DYP999"`, "because"},
		{"dypai:ignoreDYP101 x", false, "", "", ""},
		{"nolint:dypailint", false, "", "", ""},
		{"just a comment mentioning dypai:ignore", false, "", "", ""},
	} {
		d, ok := Parse(tc.text, GoPrefix)
		if ok != tc.ok {
			t.Errorf("%q: ok = %v", tc.text, ok)
			continue
		}
		if !ok {
			continue
		}
		if got := strings.Join(d.Rules, ","); got != tc.rules || d.Problem != tc.problem || d.Reason != tc.reason {
			t.Errorf("%q: got rules %q problem %q reason %q", tc.text, got, d.Problem, d.Reason)
		}
	}
	if d, ok := Parse(" dypai-ignore DYP102 public demo project", JSPrefix); !ok || d.Rules[0] != "DYP102" {
		t.Errorf("JS directive: %+v %v", d, ok)
	}
}

func TestIndex(t *testing.T) {
	src := `package p

//dypai:ignore DYP101 the demo key is scoped read-only
var a = 1

var b = 2 //dypai:ignore DYP201 admins act on other users

//dypai:ignore DYP101 nothing here any more

/* dypai:ignore DYP101 block comments are not directives */
var c = 3
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds := ParseGo(fset, f)
	if len(ds) != 3 {
		t.Fatalf("got %d directives, want 3", len(ds))
	}
	ix := NewIndex(ds)
	if !ix.Suppressed("p.go", 4, "DYP101") {
		t.Error("line above does not suppress")
	}
	if !ix.Suppressed("p.go", 6, "DYP201") {
		t.Error("same line does not suppress")
	}
	if ix.Suppressed("p.go", 6, "DYP101") {
		t.Error("directive suppressed another rule")
	}
	if ix.Suppressed("p.go", 11, "DYP101") {
		t.Error("block comment suppressed")
	}
	unused := ix.Unused(func(string) bool { return true })
	if len(unused) != 1 || unused[0].Line != 8 {
		t.Errorf("unused = %+v", unused)
	}
	if got := ix.Unused(func(id string) bool { return id != "DYP101" }); len(got) != 0 {
		t.Errorf("directives of inactive rules reported: %+v", got)
	}
}
