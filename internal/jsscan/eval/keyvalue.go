package eval

import (
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/token"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// keyish reports whether a value can be a key, or part of one.
func keyish(v *Value) bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case EnvVar, String, Alternatives, Param, Named:
		return true
	}
	return false
}

// keyPrivilege judges a key value: an env var by its name, a literal by
// its form (a service_role JWT, an sb_secret_ key), a template, a
// concatenation or alternatives by their parts, and a value that is not
// known (a parameter, an opaque call) by the name it was read from.
func KeyPrivilege(prof *sdk.Profile, v *Value, depth int) sdk.Privilege {
	if v == nil || depth > 8 {
		return sdk.PrivUnknown
	}
	switch v.Kind {
	case EnvVar:
		if prof.IsPrivilegedName(v.Str) {
			return sdk.PrivYes
		}
		return sdk.PrivNo
	case String:
		p := sdk.PrivNo
		if prof.IsSecretLiteral(v.Str) {
			return sdk.PrivYes
		}
		for _, part := range v.Parts {
			if part != v {
				p = p.Or(KeyPrivilege(prof, part, depth+1))
			}
		}
		return p
	case Alternatives:
		p := sdk.PrivNo
		for _, part := range v.Parts {
			p = p.Or(KeyPrivilege(prof, part, depth+1))
		}
		return p
	case Param, Named:
		if prof.IsPrivilegedName(v.Str) {
			return sdk.PrivYes
		}
	}
	return sdk.PrivUnknown
}

// isNothing reports whether an argument is undefined, null or void 0.
func IsNothing(e ast.Expression) bool {
	switch x := e.(type) {
	case *ast.NullLiteral:
		return true
	case *ast.Identifier:
		return x.Name == "undefined"
	case *ast.UnaryExpression:
		return x.Operator == token.VOID
	}
	return false
}
