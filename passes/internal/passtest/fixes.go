package passtest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"os"
	"sort"

	"golang.org/x/tools/go/analysis/checker"
)

// An edit replaces the bytes [start, end) of a file.
type edit struct {
	start, end int
	text       string
}

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
	edits := map[string][]edit{}
	for _, d := range act.Diagnostics {
	fixes:
		for _, fix := range d.SuggestedFixes {
			for _, e := range fix.TextEdits {
				if generated[pkg.Fset.File(e.Pos).Name()] {
					continue fixes
				}
			}
			for _, e := range fix.TextEdits {
				f := pkg.Fset.File(e.Pos)
				edits[f.Name()] = append(edits[f.Name()], edit{f.Offset(e.Pos), f.Offset(e.End), string(e.NewText)})
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
func compareGolden(name string, edits []edit) error {
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
		return fmt.Errorf("%s: the fixed file differs from its golden copy\n-- fixed --\n%s\n-- want --\n%s", name, fixed, want)
	}
	return nil
}

// apply applies edits to src: identical edits count once, overlapping
// different ones are an error.
func apply(src []byte, edits []edit) ([]byte, error) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var out []byte
	at := 0
	for i, e := range edits {
		if i > 0 && e == edits[i-1] {
			continue
		}
		if e.start < at || e.end < e.start || e.end > len(src) {
			return nil, fmt.Errorf("fix edits overlap or leave the file at offset %d", e.start)
		}
		out = append(append(out, src[at:e.start]...), e.text...)
		at = e.end
	}
	return append(out, src[at:]...), nil
}
