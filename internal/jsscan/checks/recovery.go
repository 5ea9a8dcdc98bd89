package checks

import (
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/token"

	"github.com/dypai/dypailint/internal/jsscan/eval"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// The set-password handler of DYP407. An invitation link makes the SDK
// emit the profile's SetPasswordEvent (PASSWORD_RECOVERY); an invite-only
// app must show a set-password screen then. This records, per project,
// where the client build handles it: a callback given to an SDK client's
// auth.onAuthStateChange that compares its first parameter with the event
// (==, ===, !=, !==, or a switch case), the event written as a string or
// read from a constant. The rule itself is decided per app, from every
// front end under its dypai.yaml (finding.Frontend).

// authListener handles client.auth.onAuthStateChange(cb): in the client
// build, the first handler found is the project's.
func (ca *checker) authListener(e *ast.CallExpression, args []*eval.Value) {
	if !ca.Reporting() || !ca.a.b.Client || ca.a.recov != nil || len(e.ArgumentList) == 0 {
		return
	}
	fn := callbackNode(e.ArgumentList[0], args[0])
	if fn == nil {
		return
	}
	at, ok := ca.handlesEvent(fn, ca.a.prof.SetPasswordEvent)
	if !ok {
		return
	}
	if loc, ok := ca.loc(at); ok && !ca.a.p.Excluded(loc.File) {
		ca.a.recov = &loc
	}
}

// callbackNode returns the function an argument passes: a function or
// arrow literal, or a name bound to a function. A build prints one output
// chunk (build.go), so a function imported from another module is still a
// node of this chunk and its offsets map through this chunk's source map.
func callbackNode(arg ast.Expression, v *eval.Value) ast.Node {
	switch arg := arg.(type) {
	case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
		return arg
	}
	if v != nil && v.Kind == eval.Func {
		return v.Fn
	}
	return nil
}

// handlesEvent reports where fn compares its first parameter with event.
func (ca *checker) handlesEvent(fn ast.Node, event string) (file.Idx, bool) {
	if event == "" {
		return 0, false
	}
	var params *ast.ParameterList
	var body ast.Node
	switch fn := fn.(type) {
	case *ast.FunctionLiteral:
		params, body = fn.ParameterList, fn.Body
	case *ast.ArrowFunctionLiteral:
		params, body = fn.ParameterList, fn.Body
	}
	if params == nil || len(params.List) == 0 || body == nil {
		return 0, false
	}
	id, ok := params.List[0].Target.(*ast.Identifier)
	if !ok {
		return 0, false
	}
	name := string(id.Name)
	isParam := func(e ast.Expression) bool {
		id, ok := e.(*ast.Identifier)
		return ok && string(id.Name) == name
	}
	var at file.Idx
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		if at != 0 || n == nil {
			return
		}
		switch n := n.(type) {
		case *ast.FunctionLiteral:
			if declaresParam(n.ParameterList, name) {
				return // the name means another function's parameter here
			}
		case *ast.ArrowFunctionLiteral:
			if declaresParam(n.ParameterList, name) {
				return
			}
		case *ast.BinaryExpression:
			if equality(n.Operator) && (isParam(n.Left) && ca.isString(n.Right, event) || isParam(n.Right) && ca.isString(n.Left, event)) {
				at = n.Idx0()
				return
			}
		case *ast.SwitchStatement:
			if isParam(n.Discriminant) {
				for _, c := range n.Body {
					if c.Test != nil && ca.isString(c.Test, event) {
						at = c.Test.Idx0()
						return
					}
				}
			}
		}
		jsast.EachChild(n, visit)
	}
	visit(body)
	return at, at != 0
}

func equality(op token.Token) bool {
	switch op {
	case token.EQUAL, token.STRICT_EQUAL, token.NOT_EQUAL, token.STRICT_NOT_EQUAL:
		return true
	}
	return false
}

// declaresParam reports whether a parameter list declares name.
func declaresParam(pl *ast.ParameterList, name string) bool {
	if pl == nil {
		return false
	}
	for _, b := range pl.List {
		for _, n := range jsast.TargetNames(b.Target) {
			if n == name {
				return true
			}
		}
	}
	return false
}

// isString reports whether e is the string s: a literal, or a name the
// enclosing scopes bind to that constant.
func (ca *checker) isString(e ast.Expression, s string) bool {
	switch e := e.(type) {
	case *ast.StringLiteral:
		return string(e.Value) == s
	case *ast.Identifier:
		if b := ca.Lookup(string(e.Name)); b != nil && b.Value != nil {
			return b.Value.Kind == eval.String && b.Value.Expr == "" && b.Value.Str == s
		}
	}
	return false
}
