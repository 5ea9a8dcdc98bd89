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
// that load was about 85% of what a pass test cost.
package passtest

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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
	return RunDir(t, Dir(t), a, patterns...)
}

// RunWithSuggestedFixes is Run, and also checks that the diagnostics'
// suggested fixes, applied, turn each file they edit into its golden copy
// beside it (name.go.golden).
func RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, patterns ...string) []*checker.Action {
	t.Helper()
	acts := Run(t, a, patterns...)
	for _, act := range acts {
		checkFixes(t, act)
	}
	return acts
}

// RunDir is Run over the fixture tree dir as it is: a GOPATH root, or a
// module when it holds a go.mod.
func RunDir(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []*checker.Action {
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
		check(t, root, act)
	}
	return graph.Roots
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
