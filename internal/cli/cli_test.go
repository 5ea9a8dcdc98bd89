package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/output"
	"github.com/dypai/dypailint/internal/scantree"
)

// Whatever an engine returns, nothing outside the tree is reported: a
// finding there is dropped, a related location there is cut, with a note.
func TestInsideTree(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(repo, "main.go"), filepath.Join(base, "other", "lib.go")
	run := &output.Run{Findings: []finding.Finding{
		{RuleID: "DYP101", Loc: finding.Location{File: in, Line: 3}, Related: []finding.Related{
			{Location: finding.Location{File: out, Line: 7}, Message: "constructs the client"},
			{Location: finding.Location{File: in, Line: 1}, Message: "wasm main"},
		}},
		{RuleID: "DYP104", Loc: finding.Location{File: out, Line: 9}},
	}}
	got := insideTree(scantree.New(repo, []string{repo}), run)
	if len(got) != 1 || got[0].Loc.File != in || len(got[0].Related) != 1 || got[0].Related[0].File != in {
		t.Fatalf("kept %+v", got)
	}
	if len(run.Errors) != 1 || !finding.IsNotice(run.Errors[0]) {
		t.Fatalf("errors = %v, want one note", run.Errors)
	}
}

// A tree built to be deep names a few of its deep directories, and counts
// the rest.
func TestCollapseDepthNotes(t *testing.T) {
	var errs []error
	for i := range 10 {
		errs = append(errs, scantree.DepthNotice(filepath.Join("c", strconv.Itoa(i))))
	}
	errs = append(errs, finding.Notef("", "other"))
	got := collapseDepthNotes(errs)
	if len(got) != maxDepthNotes+2 || got[maxDepthNotes].Error() != "other" ||
		got[len(got)-1].Error() != "7 more directories are more than 64 deep and were not scanned" {
		t.Errorf("got %v", got)
	}
}
