// Package output renders findings as text, JSON or SARIF 2.1.0. Paths are
// shown relative to the directory the run started in; output is sorted and
// deterministic.
package output

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/finding"
)

// Formats are the names -format accepts.
var Formats = []string{"text", "json", "sarif"}

// Run is what one run produced.
type Run struct {
	Root     string // absolute directory the run started in (SARIF's SRCROOT)
	Version  string // tool version
	Findings []finding.Finding
	Errors   []error // input errors, reported beside the findings
	Notes    []error // gaps in what was seen (unresolved imports, skipped files): reported, not failing
	// Baselined counts findings hidden by a baseline file.
	Baselined int
}

// Write renders run in the named format.
func Write(w io.Writer, format string, run *Run) error {
	run = inDisplayOrder(run)
	switch format {
	case "text":
		return writeText(w, run)
	case "json":
		return writeJSON(w, run)
	case "sarif":
		return writeSARIF(w, run)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// inDisplayOrder returns run with its findings sorted by the path the user
// sees, so the order does not depend on where the project is checked out
// (an absolute path outside the root would otherwise sort against the root).
func inDisplayOrder(run *Run) *Run {
	sorted := *run
	sorted.Findings = slices.Clone(run.Findings)
	slices.SortStableFunc(sorted.Findings, func(a, b finding.Finding) int {
		return cmp.Or(
			cmp.Compare(Rel(run.Root, a.Loc.File), Rel(run.Root, b.Loc.File)),
			cmp.Compare(a.Loc.Line, b.Loc.Line),
			cmp.Compare(a.Loc.Col, b.Loc.Col),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return &sorted
}

// Rel returns path relative to root with forward slashes, or path itself
// when it lies outside root.
func Rel(root, path string) string {
	if root == "" || !filepath.IsAbs(path) {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

func writeText(w io.Writer, run *Run) error {
	for _, f := range run.Findings {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", Escape(Rel(run.Root, f.Loc.File)), f.Loc.Line, f.Loc.Col, Escape(f.Message), f.RuleID); err != nil {
			return err
		}
		for _, r := range f.Related {
			fmt.Fprintf(w, "\t%s:%d:%d: %s\n", Escape(Rel(run.Root, r.File)), r.Line, r.Col, Escape(r.Message))
		}
	}
	return nil
}
