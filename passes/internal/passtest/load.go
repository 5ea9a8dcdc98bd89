package passtest

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/packages"

	"github.com/dypai/dypailint/internal/scantree"
)

// load loads the packages the patterns name in the fixture tree dir (a
// GOPATH root, or a module's root), with their tests.
//
// Every fixture package they import is parsed and type-checked from
// source, as analysistest does, so facts flow between fixtures; the
// standard library comes from export data (what go vet gives a vet tool),
// not from source: that load was most of what a pass test cost. The
// standard library's packages are left without files or imports, so a pass
// with facts runs on them over nothing.
func load(dir string, module bool, patterns []string) ([]*packages.Package, error) {
	env := append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off")
	if module {
		env = append(os.Environ(), "GO111MODULE=on", "GOPROXY=off", "GOWORK=off")
	}

	// The import graph first (go list alone), to learn which packages
	// the patterns name and which fixture packages they reach.
	graph, err := packages.Load(&packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps,
		Dir:   dir,
		Env:   env,
		Tests: true,
	}, patterns...)
	if err != nil {
		return nil, err
	}
	if len(graph) == 0 {
		return nil, fmt.Errorf("no packages matched %s", patterns)
	}
	named := make(map[string]bool, len(graph))
	for _, p := range graph {
		if p.Name == "" {
			return nil, fmt.Errorf("failed to load %q: %v", p.PkgPath, p.Errors)
		}
		named[p.ID] = true
	}
	real, err := filepath.EvalSymlinks(dir) // go list may name either
	if err != nil {
		return nil, err
	}
	fixtures := map[string]bool{}
	packages.Visit(graph, nil, func(p *packages.Package) {
		if scantree.Within(p.Dir, dir) || scantree.Within(p.Dir, real) {
			fixtures[p.PkgPath] = true
		}
	})
	paths := slices.Sorted(maps.Keys(fixtures))

	// Then the fixtures as roots, from source; their other imports from
	// export data.
	loaded, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
		Dir:   dir,
		Env:   env,
		Tests: true,
	}, paths...)
	if err != nil {
		return nil, err
	}
	source := make(map[*packages.Package]bool, len(loaded))
	for _, p := range loaded {
		source[p] = true
	}
	var roots []*packages.Package
	for _, p := range loaded {
		if named[p.ID] {
			roots = append(roots, p)
		}
		for _, imp := range p.Imports {
			if !source[imp] {
				fromExportData(imp)
			}
		}
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("no packages matched %s", patterns)
	}
	return roots, nil
}

// fromExportData cuts a package loaded from export data off from its own
// imports (go/packages loads only a source package's direct imports) and
// gives it the empty type information a pass over no files expects.
func fromExportData(p *packages.Package) {
	p.Imports = nil
	if p.TypesInfo == nil {
		p.TypesInfo = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Instances:    map[*ast.Ident]types.Instance{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			Scopes:       map[ast.Node]*types.Scope{},
			FileVersions: map[*ast.File]string{},
		}
	}
}
