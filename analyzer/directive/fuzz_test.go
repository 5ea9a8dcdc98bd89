package directive

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/rules"
)

// FuzzParse: the directive parser of Go, JS/TS and YAML comments takes any
// comment text without a panic, and what it accepts names known rules.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"dypai:ignore DYP101 reason", " dypai-ignore DYP201,DYP301 the admin screen", "dypai-ignore", "dypai-ignore DYP999",
		"dypai:ignore\tDYP101", "nolint:dypailint", "dypai-ignore  ,,, ", "dypai-ignore DYP101\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, prefix := range []string{GoPrefix, JSPrefix} {
			d, ok := Parse(text, prefix)
			if !ok {
				continue
			}
			for _, r := range d.Rules {
				if rules.ByID(r) == nil {
					t.Fatalf("Parse(%q) names unknown rule %q", text, r)
				}
			}
		}
	})
}

// FuzzParseGo: directives of any Go file that parses, at lines of the file.
func FuzzParseGo(f *testing.F) {
	f.Add("package p\n\n//dypai:ignore DYP101 demo key\nvar x = 1\n")
	f.Add("package p\n/* dypai:ignore */ //dypai:ignore DYP001\n")
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
		if err != nil {
			return
		}
		lines := strings.Count(src, "\n") + 1
		for _, d := range ParseGo(fset, file) {
			if d.Line < 1 || d.Line > lines {
				t.Fatalf("directive at line %d of a %d-line file", d.Line, lines)
			}
		}
	})
}
