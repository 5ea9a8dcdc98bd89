package jsscan

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/scantree"
	"github.com/dypai/dypailint/internal/testtree"
)

// A source nested deeper than the parsers are given is skipped with a note;
// the rest of the project is still checked, and a nesting that only looks
// deep (brackets in strings and comments) is not skipped.
func TestNestingBound(t *testing.T) {
	dir := t.TempDir()
	deep := "export const a = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	looksDeep := "export const s = '" + strings.Repeat("(", 2000) + "' // " + strings.Repeat("[", 2000) + "\n" + leakyApp
	testtree.Write(t, dir, map[string]string{
		"package.json":      `{"dependencies":{"next":"14"}}`,
		"app/deep.ts":       deep,
		"app/page.tsx":      "'use client'\nimport { a } from './deep'\nimport './strings'\nexport default () => a\n",
		"app/strings.ts":    looksDeep,
		"app/other/page.ts": leakyApp,
	})
	res := scan(t, &config.Config{}, dir)
	if got, want := summary(res.Findings), "page.ts:03:DYP101 strings.ts:04:DYP101"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	var notes []string
	for _, e := range res.Errors {
		var ie *finding.Problem
		if !errors.As(e, &ie) || !ie.Notice {
			t.Errorf("not a notice: %v", e)
			continue
		}
		notes = append(notes, filepath.Base(ie.File)+": "+ie.Msg)
	}
	if want := "deep.ts: " + source.TooDeepNote; len(notes) != 1 || notes[0] != want {
		t.Errorf("notes = %q, want [%q]", notes, want)
	}
}

func TestNesting(t *testing.T) {
	for src, want := range map[string]int{
		"":                              0,
		"f(a[1], {b: [2]})":             3,
		"`${ `${ x }` }`":               2,
		"'((((' + \"[[[[\" // {{{{":     0,
		"/* ((( */ x = /[(]/.test(y)":   1,
		"a = ))) + (b)":                 1,
		"const t = `a ${ {x: [1]} } b`": 3,
	} {
		if got := source.Nesting([]byte(src)); got != want {
			t.Errorf("nesting(%q) = %d, want %d", src, got, want)
		}
	}
}

// A project past its time bound stops with a note and keeps what it found.
func TestProjectTimeBound(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json": `{"dependencies":{"next":"14"}}`,
		"app/page.tsx": leakyApp,
	})
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{}
	ps, errs := project.Discover([]string{dir}, cfg, scantree.New(dir, []string{dir}))
	if len(ps) != 1 || len(errs) > 0 {
		t.Fatalf("discover: %d projects, errors %v", len(ps), errs)
	}
	files := source.NewFiles(nil)
	r := scanProject(&proj{&build.Builder{Project: ps[0]}}, cfg, files, time.Now().Add(-time.Second))
	fs, errs := r.Findings, r.Errors
	if len(fs) != 0 {
		t.Errorf("findings after the deadline: %v", fs)
	}
	if len(errs) == 0 {
		t.Fatal("no time-bound note")
	}
	for _, e := range errs { // one per build, identical: the CLI shows one
		if !errors.Is(e, build.ErrTimeBound) || !finding.IsNotice(e) || !strings.Contains(e.Error(), "analysis stopped at its time bound") {
			t.Errorf("error %v, want a time-bound note", e)
		}
	}
}
