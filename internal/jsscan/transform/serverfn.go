package transform

import (
	"bytes"
	"strings"

	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// startServerCode is what TanStack Start's compiler removes from the client
// build, by the name the construct is imported as from a @tanstack/ module.
// The function passed to createServerFn(…).handler(fn) — after any
// .validator / .inputValidator / .middleware in the chain — becomes an RPC
// stub; a middleware's and an isomorphic function's .server(fn) and
// createServerOnlyFn(fn) run on the server only; server routes
// (createServerFileRoute(…).methods(…), the older createAPIFileRoute(…)(…),
// and the server: { handlers } option of a file route) are not in the
// client bundle at all. What only they use goes with them (see sweep).
var startServerCode = struct {
	// method: the arguments of .method(…) on a chain starting at the
	// constructor.
	method map[string]string
	// args: the arguments of the constructor's own call.
	args map[string]bool
	// whole: the whole chain starting at the constructor.
	whole map[string]bool
	// option: the property of the route options object passed to the
	// constructor's chain.
	option map[string]string
}{
	method: map[string]string{"createServerFn": "handler", "createMiddleware": "server", "createIsomorphicFn": "server"},
	args:   map[string]bool{"createServerOnlyFn": true, "serverOnly": true},
	whole:  map[string]bool{"createServerFileRoute": true, "createAPIFileRoute": true},
	option: map[string]string{"createFileRoute": "server", "createRootRoute": "server", "createRootRouteWithContext": "server"},
}

// mentionsServerFn is the cheap test before parsing a module for
// serverFnSpans.
func mentionsServerFn(src []byte) bool {
	if !bytes.Contains(src, []byte("@tanstack/")) {
		return false
	}
	for _, m := range []map[string]bool{startServerCode.args, startServerCode.whole} {
		for name := range m {
			if bytes.Contains(src, []byte(name)) {
				return true
			}
		}
	}
	for name := range startServerCode.method {
		if bytes.Contains(src, []byte(name)) {
			return true
		}
	}
	for name, prop := range startServerCode.option {
		if bytes.Contains(src, []byte(name)) && bytes.Contains(src, []byte(prop)) {
			return true
		}
	}
	return false
}

// serverFnSpans finds the server-only code of TanStack Start in a compiled
// module (see startServerCode).
func serverFnSpans(prog *ast.Program, code string) []span {
	imported := map[string]string{} // local name -> name exported by @tanstack/*
	for _, st := range prog.Body {
		imp, ok := st.(*ast.ImportDeclaration)
		if !ok || imp.ImportClause == nil || imp.ImportClause.NamedImports == nil || imp.FromClause == nil ||
			!strings.HasPrefix(string(imp.FromClause.ModuleSpecifier), "@tanstack/") {
			continue
		}
		for _, sp := range imp.ImportClause.NamedImports.ImportsList {
			local := sp.Alias
			if local == "" {
				local = sp.IdentifierName
			}
			imported[string(local)] = string(sp.IdentifierName)
		}
	}
	if len(imported) == 0 {
		return nil
	}
	var out []span
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		c, ok := n.(*ast.CallExpression)
		if !ok {
			jsast.EachChild(n, visit)
			return
		}
		root := imported[chainRoot(c)]
		switch {
		case root == "":
		case startServerCode.whole[root]:
			out = append(out, span{from: int(c.Idx0()) - 1, to: int(c.Idx1()) - 1, zero: true})
			return
		case startServerCode.args[root]:
			if _, direct := c.Callee.(*ast.Identifier); direct {
				out = append(out, argSpan(c)...)
			}
		case startServerCode.method[root] != "":
			if d, ok := c.Callee.(*ast.DotExpression); ok && string(d.Identifier.Name) == startServerCode.method[root] {
				out = append(out, argSpan(c)...)
			}
		case startServerCode.option[root] != "":
			if len(c.ArgumentList) > 0 {
				if o, ok := c.ArgumentList[0].(*ast.ObjectLiteral); ok {
					out = append(out, propertySpans(o, startServerCode.option[root], code)...)
				}
			}
		}
		jsast.EachChild(n, visit)
	}
	visit(prog)
	return out
}

// chainRoot is the name a call chain starts with: createServerFn for
// createServerFn({…}).validator(v).handler(fn).
func chainRoot(e ast.Expression) string {
	for {
		switch x := e.(type) {
		case *ast.CallExpression:
			e = x.Callee
		case *ast.DotExpression:
			e = x.Left
		case *ast.Identifier:
			return string(x.Name)
		default:
			return ""
		}
	}
}

// argSpan is the range of a call's arguments.
func argSpan(c *ast.CallExpression) []span {
	if len(c.ArgumentList) == 0 {
		return nil
	}
	return []span{{from: int(c.ArgumentList[0].Idx0()) - 1, to: int(c.ArgumentList[len(c.ArgumentList)-1].Idx1()) - 1}}
}

// propertySpans are the ranges of an object literal's properties named
// name, each with the comma after it.
func propertySpans(o *ast.ObjectLiteral, name, code string) []span {
	var out []span
	for _, p := range o.Value {
		pk, ok := p.(*ast.PropertyKeyed)
		if !ok {
			continue
		}
		if k, ok := jsast.PropName(pk); !ok || k != name || pk.Kind != ast.PropertyKindValue {
			continue
		}
		from, to := int(pk.Key.Idx0())-1, int(pk.Value.Idx1())-1
		for k := to; k < len(code); k++ {
			if c := code[k]; c == ',' {
				to = k + 1
				break
			} else if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				break
			}
		}
		out = append(out, span{from: from, to: to})
	}
	return out
}
