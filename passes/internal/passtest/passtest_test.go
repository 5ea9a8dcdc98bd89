package passtest

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dypai/dypailint/analyzer/finding"
)

type marked struct{}

func (*marked) AFact()         {}
func (*marked) String() string { return "marked" }

type checked struct{}

func (*checked) AFact()         {}
func (*checked) String() string { return "checked" }

// probe reports each call of a function named bad, marks the functions
// named marked and extra, and the package as checked.
var probe = &analysis.Analyzer{
	Name:      "probe",
	Doc:       "reports calls of bad; marks marked and extra",
	FactTypes: []analysis.Fact{new(marked), new(checked)},
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ExportPackageFact(new(checked))
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "bad" {
						pass.Reportf(n.Pos(), "call of bad")
					}
				case *ast.FuncDecl:
					if n.Name.Name == "marked" || n.Name.Name == "extra" {
						pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name].(*types.Func), new(marked))
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

// recorder is a Testing that keeps what it is told.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Helper() {}

// TestCheck runs check over a fixture whose want comments are met, unmet
// and missing in each of the ways check must tell.
func TestCheck(t *testing.T) {
	dir, _ := filepath.Abs("testdata")
	pkgs, err := load(dir, false, []string{"wanttest"})
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{probe}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var r recorder
	for _, act := range graph.Roots {
		check(&r, filepath.Join(dir, "src"), act)
	}
	want := []string{
		"wanttest/w.go:7:2: diagnostic \"call of bad\" does not match pattern `call of good`",
		"wanttest/w.go:8:2: unexpected diagnostic: call of bad",
		"wanttest/w.go:18:6: unexpected fact: marked",
		"wanttest/w.go:7: no diagnostic was reported matching `call of good`",
		"wanttest/w.go:11: no diagnostic was reported matching `call of bad`",
		"wanttest/w.go:16: no fact was reported matching `marked`",
		"wanttest/w.go:20: no diagnostic was reported matching `never reported`",
	}
	if !slices.Equal(r.errors, want) {
		t.Errorf("check reported:\n%s\nwant:\n%s", strings.Join(r.errors, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseWant(t *testing.T) {
	for _, tc := range []struct {
		text  string
		delta int
		want  string // the expectations, or the error
	}{
		{` "a" ` + "`b+`", 0, `diagnostic:a diagnostic:b+`},
		{` +2 "a" f:"x" package:"p"`, 2, `diagnostic:a f:x package:p`},
		{` `, 0, ``},
		{` f "x"`, 0, `error: got String after f, want ':'`},
		{` f:3`, 0, `error: got Int, want regular expression`},
		{` "("`, 0, "error: error parsing regexp: missing closing ): `(`"},
		{` +x`, 0, `error: got +x, want +N`},
		{` 3`, 0, `error: unexpected Int`},
	} {
		delta, expects, err := parseWant(tc.text)
		var got []string
		for _, e := range expects {
			name := "diagnostic"
			if e.fact {
				name = e.name
			}
			got = append(got, name+":"+e.rx.String())
		}
		s := strings.Join(got, " ")
		if err != nil {
			s = "error: " + err.Error()
		}
		if s != tc.want || delta != tc.delta {
			t.Errorf("parseWant(%q) = %d, %q; want %d, %q", tc.text, delta, s, tc.delta, tc.want)
		}
	}
}

func TestApply(t *testing.T) {
	src := []byte("0123456789")
	got, err := apply(src, []finding.Edit{{Start: 5, End: 7, NewText: "x"}, {Start: 1, End: 2, NewText: ""}, {Start: 5, End: 7, NewText: "x"}, {Start: 9, End: 9, NewText: "!"}})
	if err != nil || string(got) != "0234x78!9" {
		t.Errorf("apply = %q, %v; want \"0234x78!9\"", got, err)
	}
	if _, err := apply(src, []finding.Edit{{Start: 1, End: 4, NewText: "a"}, {Start: 3, End: 5, NewText: "b"}}); err == nil {
		t.Error("overlapping edits applied")
	}
	if _, err := apply(src, []finding.Edit{{Start: 8, End: 12, NewText: ""}}); err == nil {
		t.Error("an edit past the end applied")
	}
}

// TestNamed: a run picks the loaded packages its patterns name, by import
// path pattern, each with its test variants.
func TestNamed(t *testing.T) {
	var roots []*packages.Package
	for _, path := range []string{"a", "a", "a_test", "a.test", "a/b", "ab", "c/d/e"} {
		roots = append(roots, &packages.Package{ID: fmt.Sprint(len(roots)), PkgPath: path})
	}
	f := &Fixtures{roots: roots}
	for _, tc := range []struct {
		patterns []string
		want     string // the IDs picked, or the error
	}{
		{nil, "0 1 2 3 4 5 6"},
		{[]string{"a"}, "0 1 2 3"},
		{[]string{"a/..."}, "0 1 2 3 4"},
		{[]string{"c/.../e", "ab"}, "6 5"},
		{[]string{"a/b", "a/..."}, "4 0 1 2 3"},
		{[]string{"a", "b"}, "error: no loaded package matches b"},
		{[]string{"./a"}, "error: ./a: a run names loaded packages by import path, not by directory"},
	} {
		pkgs, err := f.named(tc.patterns)
		var ids []string
		for _, p := range pkgs {
			ids = append(ids, p.ID)
		}
		got := strings.Join(ids, " ")
		if err != nil {
			got = "error: " + err.Error()
		}
		if got != tc.want {
			t.Errorf("named(%q) = %s, want %s", tc.patterns, got, tc.want)
		}
	}
}
