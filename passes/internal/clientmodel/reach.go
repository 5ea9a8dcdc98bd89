package clientmodel

import (
	"go/ast"
	"go/build/constraint"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/internal/gostd"
)

// BrowserPackage is an import path (with its subpackages) whose importers
// run in a browser, and the short name messages use for it.
type BrowserPackage struct{ Path, Name string }

// BrowserPackages are syscall/js and the Go browser UI frameworks.
var BrowserPackages = []BrowserPackage{
	{"syscall/js", "syscall/js"},
	{"github.com/maxence-charriere/go-app", "go-app"},
	{"github.com/hexops/vecty", "vecty"},
	{"github.com/gopherjs/vecty", "vecty"},
}

// clientTags are the build tags that select browser/wasm builds.
var clientTags = []string{"js", "wasm", "wasip1"}

// browserPackage returns the short name of a browser package, or "".
func browserPackage(path string) string {
	for _, p := range BrowserPackages {
		if path == p.Path || strings.HasPrefix(path, p.Path+"/") {
			return p.Name
		}
	}
	return ""
}

// computeReach decides which code of the package is client-reachable: a
// package importing a browser package; a main package that reaches one
// through the project's own packages, has files built only for js/wasm or
// wasip1, or declares wasm exports or imports (a wasm main); otherwise the
// files built only for js/wasm or wasip1.
//
// The target GOOS alone does not decide: go vet with GOOS=js over ./...
// builds server mains for js too, and they are not browser code.
func (s *state) computeReach() {
	pkg := s.pass.Pkg
	var why string
	for _, imp := range pkg.Imports() {
		if why = browserPackage(imp.Path()); why != "" {
			break
		}
	}
	for _, f := range s.pass.Files {
		tf := s.pass.Fset.File(f.Pos())
		if build := clientFile(f, tf.Name()); build != "" {
			s.fileReach[tf] = &Reach{Label: filepath.Base(tf.Name()) + " (" + build + " build)"}
		}
	}
	if pkg.Name() == "main" && (why != "" || len(s.fileReach) > 0 || reachesBrowser(pkg) || wasmDirectives(s.pass.Files)) {
		s.pkgReach = &Reach{Label: "wasm main"}
		return
	}
	if why != "" {
		s.pkgReach = &Reach{Label: "package " + pkg.Name() + " (imports " + why + ")"}
	}
}

// reachesBrowser reports whether pkg imports a browser package through
// packages outside the standard library (whose syscall imports syscall/js
// in every js build).
func reachesBrowser(pkg *types.Package) bool {
	seen := map[*types.Package]bool{}
	var visit func(*types.Package) bool
	visit = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, q := range p.Imports() {
			if browserPackage(q.Path()) != "" {
				return true
			}
			if !gostd.IsStdlib(q.Path()) && visit(q) {
				return true
			}
		}
		return false
	}
	return visit(pkg)
}

// wasmDirectives reports whether a file declares wasm exports or imports.
func wasmDirectives(files []*ast.File) bool {
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, "//go:wasmexport ") || strings.HasPrefix(c.Text, "//go:wasmimport ") {
					return true
				}
			}
		}
	}
	return false
}

// clientFile reports whether a file is built only for js/wasm or wasip1,
// by its name (_js.go, _wasm.go, _wasip1.go) or its //go:build line, and
// returns "js/wasm" or "wasip1", or "".
func clientFile(f *ast.File, filename string) string {
	name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(filename), ".go"), "_test")
	if parts := strings.Split(name, "_"); len(parts) >= 2 && parts[0] != "" {
		last := parts[len(parts)-1]
		if last == "wasip1" || (last == "wasm" && len(parts) >= 3 && parts[len(parts)-2] == "wasip1") {
			return "wasip1"
		}
		if last == "js" || last == "wasm" {
			return "js/wasm"
		}
	}
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				continue
			}
			if onlyClient(expr) {
				if strings.Contains(c.Text, "wasip1") && !strings.Contains(c.Text, "js") {
					return "wasip1"
				}
				return "js/wasm"
			}
		}
	}
	return ""
}

// onlyClient reports whether a build constraint can be satisfied with a
// client tag set and cannot be satisfied without one.
func onlyClient(expr constraint.Expr) bool {
	var tags []string
	var walk func(constraint.Expr)
	walk = func(e constraint.Expr) {
		switch e := e.(type) {
		case *constraint.AndExpr:
			walk(e.X)
			walk(e.Y)
		case *constraint.OrExpr:
			walk(e.X)
			walk(e.Y)
		case *constraint.NotExpr:
			walk(e.X)
		case *constraint.TagExpr:
			if !contains(tags, e.Tag) {
				tags = append(tags, e.Tag)
			}
		}
	}
	walk(expr)
	if len(tags) > 12 {
		return false
	}
	with, without := false, false
	for mask := 0; mask < 1<<len(tags); mask++ {
		set := func(tag string) bool {
			for i, t := range tags {
				if t == tag {
					return mask&(1<<i) != 0
				}
			}
			return false
		}
		if !expr.Eval(set) {
			continue
		}
		client := false
		for _, t := range clientTags {
			client = client || set(t)
		}
		if client {
			with = true
		} else {
			without = true
		}
	}
	return with && !without
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }
