// Package fix applies the findings' suggested fixes (-fix) or shows them as
// a unified diff (-diff). Only mechanical fixes are suggested by the rules
// (dropping an identity field from a payload); where two fixes overlap, the
// first wins and the other is left for the next run.
package fix

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/scantree"
)

// Result says what Apply did.
type Result struct {
	Files   []string // files changed (or that would change)
	Applied int      // fixes applied
	Skipped int      // fixes skipped because they overlapped another
	// Refused are the files not touched because they lead outside the
	// scanned tree (through a link).
	Refused []error
}

// Apply applies the first suggested fix of each finding. With diff set it
// writes a unified diff to w instead of changing files; rel shortens paths
// for display. Files that lead outside tree are neither read nor written.
func Apply(fs []finding.Finding, tree *scantree.Tree, diff bool, w io.Writer, rel func(string) string) (*Result, error) {
	byFile := map[string][][]finding.Edit{}
	for _, f := range fs {
		if len(f.Fixes) == 0 {
			continue
		}
		edits := f.Fixes[0].Edits
		if len(edits) == 0 {
			continue
		}
		// A fix's edits are grouped per file so they apply or skip together.
		perFile := map[string][]finding.Edit{}
		for _, e := range edits {
			perFile[e.File] = append(perFile[e.File], e)
		}
		for file, es := range perFile {
			byFile[file] = append(byFile[file], es)
		}
	}
	res := &Result{}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, file := range files {
		if err := tree.Check(file, "file to fix"); err != nil {
			res.Refused = append(res.Refused, err)
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return res, err
		}
		var accepted []finding.Edit
		for _, group := range byFile[file] {
			if overlaps(accepted, group, len(src)) {
				res.Skipped++
				continue
			}
			accepted = append(accepted, group...)
			res.Applied++
		}
		out := ApplyEdits(src, accepted)
		if bytes.Equal(out, src) {
			continue
		}
		res.Files = append(res.Files, file)
		if diff {
			name := rel(file)
			io.WriteString(w, Unified("a/"+name, "b/"+name, string(src), string(out)))
			continue
		}
		fi, err := os.Stat(file)
		if err != nil {
			return res, err
		}
		if err := os.WriteFile(file, out, fi.Mode().Perm()); err != nil {
			return res, err
		}
	}
	return res, nil
}

func overlaps(accepted, group []finding.Edit, size int) bool {
	for _, e := range group {
		if e.Start < 0 || e.End < e.Start || e.End > size {
			return true // stale position: the file changed since analysis
		}
		for _, a := range accepted {
			if e.Start < a.End && a.Start < e.End || e.Start == a.Start && e.End == a.End {
				return true
			}
		}
	}
	return false
}

// ApplyEdits applies non-overlapping edits to src, in any order.
func ApplyEdits(src []byte, edits []finding.Edit) []byte {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b finding.Edit) int { return cmp.Compare(a.Start, b.Start) })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.Start])
		out.WriteString(e.NewText)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes()
}

// Summary is the one-line report of a fix run.
func (r *Result) Summary(diff bool) string {
	verb := "applied"
	if diff {
		verb = "would apply"
	}
	s := fmt.Sprintf("%s %d fixes in %d files", verb, r.Applied, len(r.Files))
	if r.Skipped > 0 {
		s += fmt.Sprintf(" (%d overlapping fixes left for another run)", r.Skipped)
	}
	return s
}
