package project

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"

	"github.com/dypai/dypailint/internal/jsscan/jsast"
	"github.com/dypai/dypailint/internal/jsscan/transform"
	"github.com/dypai/dypailint/internal/scantree"
)

// ViteAlias reads resolve.alias from the project's Vite config without
// running it: the config is compiled and parsed, and each replacement is
// evaluated when it is a string or a path built from __dirname,
// process.cwd(), import.meta.url and string literals (path.resolve,
// path.join, fileURLToPath(new URL(…))). Keys are matched as prefixes.
func ViteAlias(t *scantree.Tree, root string) map[string]string {
	if path, src := viteConfig(t, root); path != "" {
		if !strings.Contains(string(src), "alias") {
			return nil
		}
		tr := api.Transform(string(src), api.TransformOptions{Loader: transform.LoaderFor(path), LogLevel: api.LogLevelSilent, Target: api.ESNext, Supported: transform.Lowered})
		if len(tr.Errors) > 0 {
			return nil
		}
		prog, err := parser.ParseFile(nil, path, string(tr.Code), 0, parser.IsModule, parser.WithDisableSourceMaps)
		if err != nil {
			return nil
		}
		out := map[string]string{}
		var visit func(n ast.Node)
		visit = func(n ast.Node) {
			if pk, ok := n.(*ast.PropertyKeyed); ok {
				if k, ok := jsast.PropName(pk); ok && k == "alias" {
					collectAlias(pk.Value, root, out)
					return
				}
			}
			jsast.EachChild(n, visit)
		}
		visit(prog)
		return out
	}
	return nil
}

// viteConfigNames are the names of a Vite config, in the order they are
// looked for.
var viteConfigNames = []string{"vite.config.ts", "vite.config.mts", "vite.config.js", "vite.config.mjs", "vite.config.cts", "vite.config.cjs"}

// viteConfig returns the path and contents of the project's Vite config,
// or "" when it has none.
func viteConfig(t *scantree.Tree, root string) (string, []byte) {
	for _, name := range viteConfigNames {
		path := filepath.Join(root, name)
		if src, err := t.ReadFile(path); err == nil {
			return path, src
		}
	}
	return "", nil
}

func collectAlias(e ast.Expression, root string, out map[string]string) {
	switch e := e.(type) {
	case *ast.ObjectLiteral:
		for _, p := range e.Value {
			pk, ok := p.(*ast.PropertyKeyed)
			if !ok {
				continue
			}
			k, ok := jsast.PropName(pk)
			if !ok {
				continue
			}
			if v, ok := staticPath(pk.Value, root); ok {
				out[k] = v
			}
		}
	case *ast.ArrayLiteral:
		for _, x := range e.Value {
			o, ok := x.(*ast.ObjectLiteral)
			if !ok {
				continue
			}
			var find, repl string
			var okF, okR bool
			for _, p := range o.Value {
				pk, ok := p.(*ast.PropertyKeyed)
				if !ok {
					continue
				}
				switch k, _ := jsast.PropName(pk); k {
				case "find":
					if s, ok := pk.Value.(*ast.StringLiteral); ok {
						find, okF = string(s.Value), true
					}
				case "replacement":
					repl, okR = staticPath(pk.Value, root)
				}
			}
			if okF && okR {
				out[find] = repl
			}
		}
	}
}

// staticPath evaluates a path expression of a Vite config.
func staticPath(e ast.Expression, root string) (string, bool) {
	switch e := e.(type) {
	case *ast.StringLiteral:
		return literalPath(string(e.Value), root)
	case *ast.Identifier:
		if e.Name == "__dirname" {
			return root, true
		}
	case *ast.DotExpression:
		// import.meta.dirname, import.meta.url, new URL(…).pathname
		if e.Identifier.Name == "dirname" || e.Identifier.Name == "url" {
			if _, ok := e.Left.(*ast.MetaProperty); ok {
				return root, true
			}
		}
		if e.Identifier.Name == "pathname" {
			return staticPath(e.Left, root)
		}
	case *ast.TemplateLiteral:
		var b strings.Builder
		for i, el := range e.Elements {
			b.WriteString(string(el.Parsed))
			if i < len(e.Expressions) {
				s, ok := staticPath(e.Expressions[i], root)
				if !ok {
					return "", false
				}
				b.WriteString(s)
			}
		}
		return literalPath(b.String(), root)
	case *ast.NewExpression:
		// new URL("./src", import.meta.url)
		if id, ok := e.Callee.(*ast.Identifier); ok && id.Name == "URL" && len(e.ArgumentList) == 2 {
			rel, ok1 := e.ArgumentList[0].(*ast.StringLiteral)
			base, ok2 := staticPath(e.ArgumentList[1], root)
			if ok1 && ok2 {
				return filepath.Join(base, filepath.FromSlash(string(rel.Value))), true
			}
		}
	case *ast.CallExpression:
		name := ""
		switch c := e.Callee.(type) {
		case *ast.Identifier:
			name = string(c.Name)
		case *ast.DotExpression:
			name = string(c.Identifier.Name)
			if id, ok := c.Left.(*ast.Identifier); ok && id.Name == "process" && name == "cwd" {
				return root, true
			}
		}
		switch name {
		case "resolve", "join":
			var parts []string
			for _, a := range e.ArgumentList {
				s, ok := staticPath(a, root)
				if !ok {
					return "", false
				}
				if filepath.IsAbs(s) {
					parts = []string{s}
				} else {
					parts = append(parts, s)
				}
			}
			if len(parts) == 0 {
				return "", false
			}
			p := filepath.Join(parts...)
			if !filepath.IsAbs(p) {
				p = filepath.Join(root, p)
			}
			return p, true
		case "fileURLToPath":
			if len(e.ArgumentList) == 1 {
				return staticPath(e.ArgumentList[0], root)
			}
		}
	}
	return "", false
}

func literalPath(s, root string) (string, bool) {
	switch {
	case strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../"):
		return filepath.Join(root, filepath.FromSlash(s)), true
	case strings.HasPrefix(s, "/"):
		if _, err := os.Stat(s); err == nil {
			return s, true
		}
		return filepath.Join(root, filepath.FromSlash(s)), true
	case strings.HasPrefix(s, "file://"):
		return filepath.FromSlash(strings.TrimPrefix(s, "file://")), true
	}
	return s, true
}
