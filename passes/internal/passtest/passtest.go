// Package passtest runs analysistest over a pass's fixtures together with
// the shared ones in passes/internal/testdata/src: the fake DYPAI SDK
// (example.com/dypai, after docs/go-sdk-model.md) and stubs of the web and
// browser frameworks. Each test gets a fresh GOPATH holding both trees, so
// the fakes exist once and every pass's testdata/src stays small.
//
// What a pass test costs is not that copy (a few files, milliseconds) but
// analysistest's load: every Run parses and type-checks from source the
// standard library the fixtures import (net/http and what it imports),
// about a gigabyte of short-lived objects. A test binary that imports this
// package therefore collects garbage only as its heap nears 1 GiB, which
// halves the CPU the pass tests take; GOGC or GOMEMLIMIT set in the
// environment win.
package passtest

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

func init() {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(1 << 30)
	}
}

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

// Run is analysistest.Run over the merged GOPATH.
func Run(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	return analysistest.Run(t, Dir(t), a, pkgs...)
}

// RunWithSuggestedFixes is analysistest.RunWithSuggestedFixes over the
// merged GOPATH; golden files sit beside the fixtures.
func RunWithSuggestedFixes(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*analysistest.Result {
	t.Helper()
	return analysistest.RunWithSuggestedFixes(t, Dir(t), a, pkgs...)
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
