package jsscan

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/parser"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

// fixtures are the projects under testdata; each has a .golden file.
// The bug-* fixtures reproduce constructs of real apps that broke the
// scanner, each named after the bug.
var fixtures = []string{"nextapp", "secretsdk", "supabase-kit", "pagesapp", "viteapp", "worker", "broken",
	"bug-for-await", "bug-class-field-get", "bug-parser-gaps", "bug-unparsed-output",
	"bug-workspace-package", "bug-utf16-source", "supabase-vite", "supabase-next", "nextsession",
	"expoapp", "remixapp", "remixclassic", "tanstackapp", "bug-tsconfig-paths-missing", "bug-broken-tsconfig",
	"vueapp", "nuxtapp", "sveltekitapp", "vuepages"}

// fixtureConfigs are the configurations of fixtures that need one: the
// Supabase profile selected as with -sdk supabase (supabase-next selects
// it in its dypai.yaml instead).
var fixtureConfigs = map[string]*config.Config{
	"supabase-vite":    {Profile: "supabase"},
	"supabase-kit":     {Profile: "supabase"},
	"bug-utf16-source": {Profile: "supabase"},
}

// fixtureProjects is the number of projects of a fixture, when not 1.
var fixtureProjects = map[string]int{"bug-workspace-package": 4}

// fixtureHooks set up a fixture's test and return the function undoing it.
var fixtureHooks = map[string]func() func(){
	"bug-unparsed-output": parserGapHook,
}

// parserGapHook makes the parser reject output containing ??= or the
// string "dypai-test-parser-gap", at the first of them, as sobek rejects
// syntax it does not know.
func parserGapHook() func() {
	orig := build.ParseJS
	build.ParseJS = func(name, code string) (*ast.Program, error) {
		at := -1
		for _, marker := range []string{"??=", `"dypai-test-parser-gap"`} {
			if i := strings.Index(code, marker); i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
		if at < 0 {
			return orig(name, code)
		}
		line := strings.Count(code[:at], "\n") + 1
		col := at - (strings.LastIndex(code[:at], "\n") + 1) + 1
		return nil, parser.ErrorList{{Position: file.Position{Filename: name, Line: line, Column: col}, Message: "Unexpected token (simulated)"}}
	}
	return func() { build.ParseJS = orig }
}

// render prints findings and errors as the CLI does, with paths relative
// to dir.
func render(t *testing.T, dir string, res *Result) string {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string {
		r, err := filepath.Rel(abs, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	var b strings.Builder
	for _, f := range res.Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s (%s)\n", rel(f.Loc.File), f.Loc.Line, f.Loc.Col, f.Message, f.RuleID)
		for _, r := range f.Related {
			fmt.Fprintf(&b, "\trelated %s:%d:%d: %s\n", rel(r.File), r.Line, r.Col, r.Message)
		}
	}
	for _, e := range res.Errors {
		var ie *finding.Problem
		if errors.As(e, &ie) {
			kind := "error"
			if ie.Notice {
				kind = "note"
			}
			fmt.Fprintf(&b, "%s: %s:%d:%d: %s\n", kind, rel(ie.File), ie.Line, ie.Col, ie.Msg)
		} else {
			fmt.Fprintf(&b, "error: %s\n", strings.ReplaceAll(e.Error(), abs+string(filepath.Separator), ""))
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			if hook := fixtureHooks[name]; hook != nil {
				defer hook()()
			}
			dir := filepath.Join("testdata", name)
			cfg := fixtureConfigs[name]
			if cfg == nil {
				cfg = &config.Config{}
			}
			res, err := Scan(context.Background(), []string{dir}, cfg)
			if err != nil {
				t.Fatal(err)
			}
			if want := max(fixtureProjects[name], 1); res.Projects != want {
				t.Errorf("Projects = %d, want %d", res.Projects, want)
			}
			// The want comments are checked first, and with -update too:
			// a golden file is rewritten only to what they allow.
			checkWants(t, dir, res.Findings)
			got := render(t, dir, res)
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if t.Failed() {
					t.Fatalf("%s not rewritten: the findings do not match the want comments", golden)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run go test -update after checking):\n--- got\n%s--- want\n%s", golden, got, want)
			}
		})
	}
}

var wantRE = regexp.MustCompile(`want((?:\s+DYP\d{3})+)`)

// checkWants compares the findings with the "want DYPnnn" comments in the
// fixture sources: each marks a line where those rules must be reported,
// and no other line may have a finding.
func checkWants(t *testing.T, dir string, fs []finding.Finding) {
	t.Helper()
	want := map[string][]string{} // "file:line" -> rules
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !project.IsSource(d.Name()) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		abs, _ := filepath.Abs(path)
		for i, line := range strings.Split(string(data), "\n") {
			for _, c := range source.Comments([]byte(line)) {
				if m := wantRE.FindStringSubmatch(c.Text); m != nil && strings.HasPrefix(strings.TrimSpace(c.Text), "want") {
					key := fmt.Sprintf("%s:%d", abs, i+1)
					want[key] = append(want[key], strings.Fields(m[1])...)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, f := range fs {
		key := fmt.Sprintf("%s:%d", f.Loc.File, f.Loc.Line)
		got[key] = append(got[key], f.RuleID)
	}
	for key, rules := range want {
		g := slices.Clone(got[key])
		slices.Sort(g)
		g = slices.Compact(g)
		w := slices.Clone(rules)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			t.Errorf("%s: got %v, want %v", key, g, w)
		}
	}
	for key, rules := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("%s: unexpected %v (no want comment)", key, rules)
		}
	}
}
