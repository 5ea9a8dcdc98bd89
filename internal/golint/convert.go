package golint

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/finding"
)

// Convert turns an analysis diagnostic into a finding. The diagnostic's
// category is its rule ID (passes/internal/report sets it).
func Convert(fset *token.FileSet, d analysis.Diagnostic) finding.Finding {
	loc := func(pos, end token.Pos) finding.Location {
		p := fset.Position(pos)
		l := finding.Location{File: p.Filename, Line: p.Line, Col: p.Column}
		if end.IsValid() {
			e := fset.Position(end)
			l.EndLine, l.EndCol = e.Line, e.Column
		}
		return l
	}
	f := finding.Finding{RuleID: d.Category, Loc: loc(d.Pos, d.End), Message: d.Message}
	for _, r := range d.Related {
		f.Related = append(f.Related, finding.Related{Location: loc(r.Pos, r.End), Message: r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := finding.Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			start := fset.Position(e.Pos)
			end := start
			if e.End.IsValid() {
				end = fset.Position(e.End)
			}
			fix.Edits = append(fix.Edits, finding.Edit{File: start.Filename, Start: start.Offset, End: end.Offset, NewText: string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}
