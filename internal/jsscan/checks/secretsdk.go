package checks

import (
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/eval"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// DYP105: a server-only third-party SDK (sdk.ServerSDKs: OpenAI, Stripe,
// firebase-admin, …) constructed with its secret key in browser code. The
// imports bind the SDK's constructors (ServerConstructor) and namespaces
// (ServerNamespace); a call or new of a constructor judges its key the way the
// DYPAI key is followed (variables, config objects, env names).

// serverConstruct judges a call or new of a catalogued SDK's constructor:
// its key, from the positional argument or an options object, is a secret
// when it reads an env var, is a literal that is not publishable, or is
// named like one.
func (ca *checker) serverConstruct(at file.Idx, callee ast.Expression, ctor *eval.Value, args []ast.Expression, vals []*eval.Value, isNew bool) {
	srv := ctor.Server
	if !ca.Reporting() || !ca.a.b.Client {
		return
	}
	key, keyExpr, allow := serverKey(srv, args, vals)
	if key == nil || !secretKey(srv, key, 0) {
		return
	}
	what := ca.sourceName(callee, eval.ExprName(callee))
	if what == "" {
		what = ctor.Str
	}
	if isNew {
		what = "new " + what
	}
	unexposed := ""
	if k := ca.privilegedPart(key); k != nil && k.Kind == eval.EnvVar && bundlerEnv(k.Expr) && !ca.a.prof.IsPublicEnv(k.Str) {
		unexposed = k.Str
	}
	ca.emitDYP105(at, srv, what, ca.describeKey(key, keyExpr), unexposed, allow)
}

// serverKey finds the key given to a constructor: the positional argument,
// or an option of an object argument (AWS: credentials.secretAccessKey).
// allow reports dangerouslyAllowBrowser: true among the options.
func serverKey(srv *sdk.ServerSDK, args []ast.Expression, vals []*eval.Value) (key *eval.Value, expr ast.Expression, allow bool) {
	for _, v := range vals {
		if v != nil && v.Kind == eval.Object && v.Obj != nil && objectAllowsBrowser(v.Obj) {
			allow = true
		}
	}
	if k := srv.KeyArg; k >= 0 && k < len(vals) && !eval.IsNothing(args[k]) {
		return eval.PartOf(vals[k], args[k]), args[k], allow
	}
	for i, v := range vals {
		if v == nil || v.Kind != eval.Object {
			continue
		}
		for _, opt := range srv.KeyOptions {
			p := v.Props[opt]
			if p == nil {
				continue
			}
			if opt == "credentials" { // static AWS credentials, not a provider
				if p.Kind != eval.Object || p.Props["secretAccessKey"] == nil {
					return nil, nil, allow
				}
				p = p.Props["secretAccessKey"]
			}
			return p, args[i], allow
		}
	}
	return nil, nil, allow
}

// objectAllowsBrowser reports dangerouslyAllowBrowser: true in an object
// literal.
func objectAllowsBrowser(o *ast.ObjectLiteral) bool {
	for _, p := range o.Value {
		if kp, ok := p.(*ast.PropertyKeyed); ok {
			if name, ok := jsast.PropName(kp); ok && name == "dangerouslyAllowBrowser" {
				if b, ok := kp.Value.(*ast.BooleanLiteral); ok && b.Value {
					return true
				}
				if u, ok := kp.Value.(*ast.UnaryExpression); ok && u.Operator.String() == "!" {
					return true // esbuild prints true as !0
				}
			}
		}
	}
	return false
}

// secretKey judges a third-party key: an env var unless named as a
// browser key, a literal unless publishable or a short-lived token, a name
// that says it is a secret; alternatives and templates by their parts.
func secretKey(srv *sdk.ServerSDK, v *eval.Value, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	switch v.Kind {
	case eval.EnvVar:
		return !sdk.BrowserKeyEnvName(v.Str)
	case eval.String:
		if v.Expr == "" {
			return srv.SecretLiteral(v.Str)
		}
		for _, p := range v.Parts {
			if p != v && secretKey(srv, p, depth+1) {
				return true
			}
		}
	case eval.Alternatives:
		for _, p := range v.Parts {
			if secretKey(srv, p, depth+1) {
				return true
			}
		}
	case eval.Param, eval.Named:
		return sdk.SecretKeyName(v.Str)
	}
	return false
}

// emitDYP105 reports a server-only SDK client in browser code, with the
// chain from the client entry point.
// unexposed names an env var the bundler does not inline: undefined in the
// browser today, shipped the day it gets a public prefix.
func (ca *checker) emitDYP105(at file.Idx, srv *sdk.ServerSDK, what, key, unexposed string, allow bool) {
	if !ca.Reporting() || !ca.a.b.Client {
		return
	}
	loc, ok := ca.loc(at)
	if !ok {
		return
	}
	chain, rel := ca.a.reachedFrom(loc.File)
	ca.a.emit(rules.DYP105, loc, rules.MsgSecretSDK(srv.Name, what, key, unexposed, chain, allow), rel)
}
