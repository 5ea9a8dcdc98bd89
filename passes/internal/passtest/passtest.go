// Package passtest runs a pass over its fixtures and checks its diagnostics
// and facts against their "// want" comments, as analysistest does and with
// the same comment syntax (see check), and its suggested fixes against
// golden files.
//
// Two things differ from analysistest. The fixtures are a pass's own
// testdata/src merged with the shared ones in passes/internal/testdata/src
// (the fake DYPAI SDK, example.com/dypai, after docs/go-sdk-model.md, and
// stubs of the web and browser frameworks), in a fresh GOPATH per test, so
// the fakes exist once. And they are loaded as the CLI loads a module
// (internal/goload): one go list, fixture packages from source, facts and
// all, the standard library from export data, as go vet gives it to a vet
// tool, rather than parsed and type-checked from source for every test:
// that load was about 85% of what a pass test cost. Tests that run a pass
// in several configurations, or several passes, over the same fixtures
// load them once (Load) and run over parts of them (Fixtures.Run).
package passtest

import (
	"fmt"
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Shared returns the shared fixture tree (a GOPATH root).
func Shared() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata")
}

// Dir returns a GOPATH holding the shared fixtures and the calling test's
// testdata/src (its own files win).
func Dir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, root := range []string{Shared(), "testdata"} {
		if err := CopyTree(filepath.Join(root, "src"), filepath.Join(dir, "src")); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Testing is what the checks report to (a *testing.T, or a recorder in
// this package's own tests).
type Testing interface {
	Errorf(format string, args ...any)
	Helper()
}

// Run runs a over the packages the patterns name in the merged GOPATH
// (Dir) and checks its diagnostics and facts against the fixtures' want
// comments (see check). It returns the action of each package named.
func Run(t *testing.T, a *analysis.Analyzer, patterns ...string) []*checker.Action {
	t.Helper()
	return Load(t, patterns...).Run(t, a)
}

// RunWithSuggestedFixes is Run, and also checks that the diagnostics'
// suggested fixes, applied, turn each file they edit into its golden copy
// beside it (name.go.golden).
func RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, patterns ...string) []*checker.Action {
	t.Helper()
	return Load(t, patterns...).RunWithSuggestedFixes(t, a)
}

// RunDir is Run over the fixture tree dir as it is: a GOPATH root, or a
// module when it holds a go.mod.
func RunDir(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*checker.Action {
	t.Helper()
	return LoadDir(t, dir, patterns...).Run(t, a)
}

// Fixtures are fixture packages loaded once for the runs of several
// passes, or of one pass in several configurations, over them: the go list
// of a load is most of what it costs.
type Fixtures struct {
	root  string // where want comments name files from
	roots []*packages.Package
}

// Load loads the packages the patterns name in the merged GOPATH (Dir),
// with their tests.
func Load(t *testing.T, patterns ...string) *Fixtures {
	t.Helper()
	return LoadDir(t, Dir(t), patterns...)
}

// LoadDir is Load over the fixture tree dir as it is: a GOPATH root, or a
// module when it holds a go.mod.
func LoadDir(t *testing.T, dir string, patterns ...string) *Fixtures {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Want comments name files from the GOPATH's src, or the module's root.
	root, module := filepath.Join(dir, "src"), false
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		root, module = dir, true
	}
	pkgs, err := load(dir, module, patterns)
	if err != nil {
		t.Fatalf("loading %s: %v", patterns, err)
	}
	return &Fixtures{root: root, roots: pkgs}
}

// Run runs a over the loaded packages the patterns name (import path
// patterns, as go list reads them; every loaded package when there are
// none), with their tests, and checks its diagnostics and facts against
// the fixtures' want comments (see check). It returns the action of each
// package named.
func (f *Fixtures) Run(t *testing.T, a *analysis.Analyzer, patterns ...string) []*checker.Action {
	t.Helper()
	pkgs, err := f.named(patterns)
	if err != nil {
		t.Fatal(err)
	}
	if !a.RunDespiteErrors {
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, err := range p.Errors {
				t.Log(err)
			}
		})
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatalf("analyzing %s: %v", patterns, err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("analyzing %s: %v", act, act.Err)
			continue
		}
		check(t, f.root, act)
	}
	return graph.Roots
}

// RunWithSuggestedFixes is Run, and also checks the suggested fixes as
// the function RunWithSuggestedFixes does.
func (f *Fixtures) RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, patterns ...string) []*checker.Action {
	t.Helper()
	acts := f.Run(t, a, patterns...)
	for _, act := range acts {
		checkFixes(t, act)
	}
	return acts
}

// named returns the loaded packages the patterns name, each with its test
// variants (p [p.test], p_test and p.test go with p); all when there are
// no patterns.
func (f *Fixtures) named(patterns []string) ([]*packages.Package, error) {
	if len(patterns) == 0 {
		return f.roots, nil
	}
	var pkgs []*packages.Package
	for _, pattern := range patterns {
		if build.IsLocalImport(pattern) {
			return nil, fmt.Errorf("%s: a run names loaded packages by import path, not by directory", pattern)
		}
		match, n := matchPattern(pattern), len(pkgs)
		for _, p := range f.roots {
			if match(strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")) && !slices.Contains(pkgs, p) {
				pkgs = append(pkgs, p)
			}
		}
		if len(pkgs) == n {
			return nil, fmt.Errorf("no loaded package matches %s", pattern)
		}
	}
	return pkgs, nil
}

// matchPattern reports whether an import path matches an import path
// pattern as go list reads it: "..." matches any string, and a trailing
// "/..." matches the path before it too.
func matchPattern(pattern string) func(string) bool {
	re := strings.ReplaceAll(regexp.QuoteMeta(pattern), `\.\.\.`, `.*`)
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	return regexp.MustCompile(`^` + re + `$`).MatchString
}

// Wasm sets GOOS=js GOARCH=wasm for the rest of the test, so that packages
// importing syscall/js and files built for js/wasm load.
func Wasm(t *testing.T) {
	t.Setenv("GOOS", "js")
	t.Setenv("GOARCH", "wasm")
	t.Setenv("CGO_ENABLED", "0")
}

// CopyTree copies a directory tree (nothing when from does not exist).
func CopyTree(from, to string) error {
	if _, err := os.Stat(from); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
