package passtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/dypai/dypailint/internal/goload"
	"github.com/dypai/dypailint/internal/scantree"
)

// load loads the packages the patterns name in the fixture tree dir (a
// GOPATH root, or a module's root), with their tests, as the CLI loads a
// module (goload): one go list, every fixture package they import parsed
// and type-checked from source, as analysistest does, so facts flow
// between fixtures; the standard library from export data, not from
// source, which was most of what a pass test cost.
func load(dir string, module bool, patterns []string) ([]*packages.Package, error) {
	// go list -export compiles the fixtures too, and each test copies them
	// to a new directory: -trimpath keeps the directory out of the build
	// cache's key, so an unchanged fixture is compiled once, not per test.
	env := []string{"GOWORK=off", "GOFLAGS=" + strings.TrimSpace(os.Getenv("GOFLAGS")+" -trimpath")}
	if module {
		env = append(env, "GO111MODULE=on")
	} else {
		env = append(env, "GOPATH="+dir, "GO111MODULE=off")
	}
	real, err := filepath.EvalSymlinks(dir) // go list may name either
	if err != nil {
		return nil, err
	}
	res, err := goload.Load(goload.Request{
		Dir:      dir,
		Patterns: patterns,
		Env:      env,
		Tests:    true,
		Offline:  true,
		// A handful of fixture packages, compiled once (-trimpath): one
		// go list is cheaper than a second for the export data.
		ExportAll: true,
		Source: func(p *packages.Package) bool {
			return scantree.Within(p.Dir, dir) || scantree.Within(p.Dir, real)
		},
	})
	if err != nil {
		return nil, err
	}
	if res.NotLoaded != nil {
		return nil, res.NotLoaded
	}
	if len(res.Errors) > 0 {
		return nil, errors.Join(res.Errors...)
	}
	if len(res.Roots) == 0 {
		return nil, fmt.Errorf("no packages matched %s", patterns)
	}
	return res.Roots, nil
}
