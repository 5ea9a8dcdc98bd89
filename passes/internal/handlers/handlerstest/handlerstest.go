// Package handlerstest runs passtest over a pass's fixtures with the
// HTTP framework stand-ins of passes/internal/handlers/testdata/src
// (github.com/gin-gonic/gin, github.com/labstack/echo/v4,
// github.com/go-chi/chi/v5, github.com/gofiber/fiber/v2,
// github.com/gorilla/mux) on top of the shared fixtures passtest provides
// (the fake DYPAI SDK, example.com/dypai).
package handlerstest

import (
	"path/filepath"
	"runtime"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/dypai/dypailint/passes/internal/passtest"
)

// Frameworks returns the directory holding the framework stand-ins (a
// GOPATH src tree).
func Frameworks() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "src")
}

// Dir returns a GOPATH holding the shared fixtures, the framework
// stand-ins and the calling test's testdata/src.
func Dir(t testing.TB) string {
	t.Helper()
	dir := passtest.Dir(t)
	src := filepath.Join(dir, "src")
	for _, sub := range []string{"github.com/gin-gonic", "github.com/labstack", "github.com/go-chi", "github.com/gofiber", "github.com/gorilla", "github.com/go-pkgz", "github.com/julienschmidt"} {
		if err := passtest.CopyTree(filepath.Join(Frameworks(), sub), filepath.Join(src, sub)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Run is passtest.RunDir over Dir.
func Run(t *testing.T, a *analysis.Analyzer, pkgs ...string) []*checker.Action {
	t.Helper()
	return passtest.RunDir(t, Dir(t), a, pkgs...)
}

// Load is passtest.LoadDir over Dir, for several runs over the packages.
func Load(t *testing.T, pkgs ...string) *passtest.Fixtures {
	t.Helper()
	return passtest.LoadDir(t, Dir(t), pkgs...)
}
