package passtest

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"os"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis/checker"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/fix"
)

// checkFixes applies every suggested fix of act's diagnostics to the files
// they edit (generated files excepted) and reports each result that,
// formatted, differs from the file's golden copy (name.go.golden, whole,
// formatted too).
func checkFixes(t Testing, act *checker.Action) {
	t.Helper()
	pkg := act.Package
	generated := map[string]bool{}
	for _, f := range pkg.Syntax {
		generated[pkg.Fset.File(f.Pos()).Name()] = ast.IsGenerated(f)
	}
	edits := map[string][]finding.Edit{}
	for _, d := range act.Diagnostics {
	fixes:
		for _, sf := range d.SuggestedFixes {
			for _, e := range sf.TextEdits {
				if generated[pkg.Fset.File(e.Pos).Name()] {
					continue fixes
				}
			}
			for _, e := range sf.TextEdits {
				f := pkg.Fset.File(e.Pos)
				edits[f.Name()] = append(edits[f.Name()], finding.Edit{Start: f.Offset(e.Pos), End: f.Offset(e.End), NewText: string(e.NewText)})
			}
		}
	}
	names := make([]string, 0, len(edits))
	for name := range edits {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := compareGolden(name, edits[name]); err != nil {
			t.Errorf("%v", err)
		}
	}
}

// compareGolden applies edits to the file name and compares the result
// with name.golden, both formatted.
func compareGolden(name string, edits []finding.Edit) error {
	original, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	fixed, err := apply(original, edits)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if fixed, err = format.Source(fixed); err != nil {
		return fmt.Errorf("%s: the fixed file does not parse: %v\n%s", name, err, fixed)
	}
	want, err := os.ReadFile(name + ".golden")
	if err != nil {
		return err
	}
	if want, err = format.Source(want); err != nil {
		return fmt.Errorf("%s.golden: %v", name, err)
	}
	if !bytes.Equal(fixed, want) {
		return fmt.Errorf("%s: the fixed file differs from its golden copy\n%s", name, fix.Unified(name+".golden", name+" (fixed)", string(want), string(fixed)))
	}
	return nil
}

// apply applies edits to src: identical edits count once, overlapping
// different ones are an error.
func apply(src []byte, edits []finding.Edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b finding.Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	edits = slices.Compact(edits)
	at := 0
	for _, e := range edits {
		if e.Start < at || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("fix edits overlap or leave the file at offset %d", e.Start)
		}
		at = e.End
	}
	return fix.ApplyEdits(src, edits), nil
}
