package jsscan

import (
	"fmt"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// DYP105: a server-only third-party SDK (sdk.ServerSDKs: OpenAI, Stripe,
// firebase-admin, …) constructed with its secret key in browser code. The
// imports bind the SDK's constructors (kServerCtor) and namespaces
// (kServerNS); a call or new of a constructor judges its key the way the
// DYPAI key is followed (variables, config objects, env names).

// serverImport binds what an import of a catalogued module brings in, and
// reports an import that is itself the mistake (firebase-admin). It
// returns false when spec is not a catalogued module.
func (ca *chunkAnalyzer) serverImport(s *scope, imp *ast.ImportDeclaration, spec string) bool {
	srv := sdk.ServerSDKFor(spec)
	if srv == nil {
		return false
	}
	if srv.AnyImport {
		ca.emitDYP105(imp.Idx0(), srv, fmt.Sprintf("importing %s", spec), "", "", false)
		return true
	}
	c := imp.ImportClause
	if c.ImportedDefaultBinding != nil {
		v := &value{kind: kServerNS, server: srv}
		if srv.IsConstructor("default") {
			v = &value{kind: kServerCtor, server: srv, str: string(c.ImportedDefaultBinding.Name)}
		}
		ca.declare(s, string(c.ImportedDefaultBinding.Name)).v = v
	}
	if c.NameSpaceImport != nil {
		ca.declare(s, string(c.NameSpaceImport.ImportedBinding)).v = &value{kind: kServerNS, server: srv}
	}
	ca.namedImports(s, c, func(name string) *value {
		if srv.IsConstructor(name) {
			return &value{kind: kServerCtor, server: srv, str: name}
		}
		return nil
	})
	return true
}

// serverMember is ns.Name of a catalogued SDK's namespace: a constructor
// (sgMail.setApiKey, openai.OpenAI), or nil.
func serverMember(v *value, name string) *value {
	if v.server.IsConstructor(name) || name == "default" && v.server.IsConstructor("default") {
		return &value{kind: kServerCtor, server: v.server, str: name}
	}
	return nil
}

// serverConstruct judges a call or new of a catalogued SDK's constructor:
// its key, from the positional argument or an options object, is a secret
// when it reads an env var, is a literal that is not publishable, or is
// named like one.
func (ca *chunkAnalyzer) serverConstruct(at file.Idx, callee ast.Expression, ctor *value, args []ast.Expression, vals []*value, isNew bool) {
	srv := ctor.server
	if !ca.report || !ca.a.b.Client {
		return
	}
	key, keyExpr, allow := serverKey(srv, args, vals)
	if key == nil || !secretKey(srv, key, 0) {
		return
	}
	what := ca.sourceName(callee, exprName(callee))
	if what == "" {
		what = ctor.str
	}
	if isNew {
		what = "new " + what
	}
	unexposed := ""
	if k := ca.privilegedPart(key); k != nil && k.kind == kEnvVar && bundlerEnv(k.expr) && !ca.a.prof.IsPublicEnv(k.str) {
		unexposed = k.str
	}
	ca.emitDYP105(at, srv, what, ca.describeKey(key, keyExpr), unexposed, allow)
}

// serverKey finds the key given to a constructor: the positional argument,
// or an option of an object argument (AWS: credentials.secretAccessKey).
// allow reports dangerouslyAllowBrowser: true among the options.
func serverKey(srv *sdk.ServerSDK, args []ast.Expression, vals []*value) (key *value, expr ast.Expression, allow bool) {
	for _, v := range vals {
		if v != nil && v.kind == kObject && v.obj != nil && objectAllowsBrowser(v.obj) {
			allow = true
		}
	}
	if k := srv.KeyArg; k >= 0 && k < len(vals) && !isNothing(args[k]) {
		return partOf(vals[k], args[k]), args[k], allow
	}
	for i, v := range vals {
		if v == nil || v.kind != kObject {
			continue
		}
		for _, opt := range srv.KeyOptions {
			p := v.props[opt]
			if p == nil {
				continue
			}
			if opt == "credentials" { // static AWS credentials, not a provider
				if p.kind != kObject || p.props["secretAccessKey"] == nil {
					return nil, nil, allow
				}
				p = p.props["secretAccessKey"]
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
func secretKey(srv *sdk.ServerSDK, v *value, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	switch v.kind {
	case kEnvVar:
		return !sdk.BrowserKeyEnvName(v.str)
	case kString:
		if v.expr == "" {
			return srv.SecretLiteral(v.str)
		}
		for _, p := range v.parts {
			if p != v && secretKey(srv, p, depth+1) {
				return true
			}
		}
	case kOneOf:
		for _, p := range v.parts {
			if secretKey(srv, p, depth+1) {
				return true
			}
		}
	case kParam, kNamed:
		return sdk.SecretKeyName(v.str)
	}
	return false
}

// emitDYP105 reports a server-only SDK client in browser code, with the
// chain from the client entry point.
// unexposed names an env var the bundler does not inline: undefined in the
// browser today, shipped the day it gets a public prefix.
func (ca *chunkAnalyzer) emitDYP105(at file.Idx, srv *sdk.ServerSDK, what, key, unexposed string, allow bool) {
	if !ca.report || !ca.a.b.Client {
		return
	}
	loc, ok := ca.loc(at)
	if !ok {
		return
	}
	chain, entry := ca.a.chain(loc.File)
	if chain == "" {
		chain = "a client entry point"
	}
	var rel []finding.Related
	if entry != nil {
		rel = append(rel, finding.Related{
			Location: finding.Location{File: entry.File, Line: 1, Col: 1},
			Message:  fmt.Sprintf("client entry point (%s)", entry.Kind.Label()),
		})
	}
	ca.a.emit(rules.DYP105, loc, rules.MsgSecretSDK(srv.Name, what, key, unexposed, chain, allow), rel)
}
