package jsscan

import (
	"os"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
)

// serverExports are the pages-router exports that run only on the server.
var serverExports = map[string]bool{"getServerSideProps": true, "getStaticProps": true, "getStaticPaths": true, "getInitialProps": false}

// stripServerExports does for the client build what Next.js's SSG transform
// does: it removes getServerSideProps / getStaticProps / getStaticPaths from
// a page, and the imports only they used, so that a module imported only for
// them is not counted as shipped. The page is compiled to JS with an inline
// source map; removed ranges are blanked with spaces so that the map stays
// valid and esbuild chains it to the original positions. It returns false
// when there is nothing to strip or the page does not compile (the build
// then reports the error).
func stripServerExports(path string, target api.Target) (string, bool) {
	src, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(src), "get") {
		return "", false
	}
	code, ok := compile(path, target)
	if !ok {
		return "", false
	}
	prog, err := parser.ParseFile(nil, path, code, 0, parser.IsModule, parser.WithDisableSourceMaps)
	if err != nil {
		return "", false
	}
	type span struct{ from, to int }
	var cut []span
	end := func(i int) int {
		if i+1 < len(prog.Body) {
			return int(prog.Body[i+1].Idx0()) - 1
		}
		if j := strings.LastIndex(code, "//# sourceMappingURL="); j >= 0 {
			return j
		}
		return len(code)
	}
	inCut := func(off int) bool {
		for _, s := range cut {
			if off >= s.from && off < s.to {
				return true
			}
		}
		return false
	}
	for i, st := range prog.Body {
		ed, ok := st.(*ast.ExportDeclaration)
		if !ok {
			continue
		}
		if isServerExport(ed) {
			cut = append(cut, span{int(ed.Idx0()) - 1, end(i)})
		}
	}
	if len(cut) == 0 {
		return "", false
	}
	// Names referenced outside the cut ranges and the imports.
	used := map[string]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ImportDeclaration:
			return
		case *ast.Identifier:
			if !inCut(int(n.Idx) - 1) {
				used[string(n.Name)] = true
			}
			return
		case *ast.DotExpression:
			visit(n.Left)
			return
		}
		eachChild(n, visit)
	}
	for _, st := range prog.Body {
		visit(st)
	}
	for i, st := range prog.Body {
		imp, ok := st.(*ast.ImportDeclaration)
		if !ok || imp.ImportClause == nil {
			continue // side-effect imports stay
		}
		var names []string
		c := imp.ImportClause
		if c.ImportedDefaultBinding != nil {
			names = append(names, string(c.ImportedDefaultBinding.Name))
		}
		if c.NameSpaceImport != nil {
			names = append(names, string(c.NameSpaceImport.ImportedBinding))
		}
		if c.NamedImports != nil {
			for _, s := range c.NamedImports.ImportsList {
				local := s.Alias
				if local == "" {
					local = s.IdentifierName
				}
				names = append(names, string(local))
			}
		}
		keep := false
		for _, n := range names {
			keep = keep || used[n]
		}
		if !keep && len(names) > 0 {
			cut = append(cut, span{int(imp.Idx0()) - 1, end(i)})
		}
	}
	b := []byte(code)
	for _, s := range cut {
		for k := s.from; k < s.to && k < len(b); k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	return string(b), true
}

func isServerExport(ed *ast.ExportDeclaration) bool {
	switch {
	case ed.HoistableDeclaration != nil && ed.HoistableDeclaration.FunctionDeclaration != nil:
		if n := ed.HoistableDeclaration.FunctionDeclaration.Function.Name; n != nil {
			return serverExports[string(n.Name)]
		}
	case ed.LexicalDeclaration != nil:
		return allServer(ed.LexicalDeclaration.List)
	case ed.Variable != nil:
		return allServer(ed.Variable.List)
	}
	return false
}

func allServer(list []*ast.Binding) bool {
	for _, b := range list {
		id, ok := b.Target.(*ast.Identifier)
		if !ok || !serverExports[string(id.Name)] {
			return false
		}
	}
	return len(list) > 0
}
