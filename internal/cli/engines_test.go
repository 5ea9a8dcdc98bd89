package cli

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/discover"
	"github.com/dypai/dypailint/internal/scantree"
)

// fakeEngine reports one front end and a finding saying how many front
// ends it was given.
type fakeEngine struct{ dir string }

func (e fakeEngine) Run(_ context.Context, in *Input) Output {
	return Output{
		Findings:  []finding.Finding{{RuleID: "DYP407", Loc: finding.Location{File: filepath.Join(e.dir, "f"), Line: 1 + len(in.Frontends)}}},
		Frontends: []finding.Frontend{{Dir: e.dir, Kind: finding.KindJS}},
		Errors:    []error{finding.Notef(e.dir, "seen")},
	}
}

// The engines of one stage run side by side; a later stage sees every
// front end the earlier ones found; notes stay notes.
func TestStages(t *testing.T) {
	root := t.TempDir()
	a, b, c := filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "c")
	defer func(s [][]Engine) { stages = s }(stages)
	stages = [][]Engine{{fakeEngine{a}, fakeEngine{b}}, {fakeEngine{c}}}
	plan := &discover.Plan{Tree: scantree.New(root, []string{root})}
	run := lint(context.Background(), plan, &options{}, Hooks{Logf: func(string, ...any) {}, Secret: func(string) {}}, nil)
	var got []string
	for _, f := range run.Findings {
		rel, _ := filepath.Rel(root, f.Loc.File)
		got = append(got, rel+":"+string(rune('0'+f.Loc.Line)))
	}
	if want := []string{"a/f:1", "b/f:1", "c/f:3"}; !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v", got, want)
	}
	if len(run.Errors) != 0 || len(run.Notes) != 3 {
		t.Errorf("errors %v, notes %v; want 3 notes", run.Errors, run.Notes)
	}
}
