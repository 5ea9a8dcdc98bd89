package checks

import (
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/jsscan/eval"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// endpointCall applies the call rules to client.api.<method>(name, payload).
func (ca *checker) endpointCall(e *ast.CallExpression, c *eval.Construction, method string, args []*eval.Value) {
	if !ca.Reporting() {
		return
	}
	name, dynamic := "", true
	var query []string
	if len(args) > 0 && args[0] != nil && args[0].Kind == eval.String {
		name = args[0].Str
		dynamic = args[0].Expr != ""
		if i := strings.IndexByte(name, '?'); i >= 0 {
			query = queryKeys(name[i+1:])
			name, dynamic = name[:i], false
		}
		name = strings.TrimPrefix(name, "/")
	}
	known := name != "" && !dynamic
	shown := name
	if !known {
		shown = "a computed endpoint"
	}
	// Identity fields in the payload, query or params.
	var ids []string
	for _, k := range query {
		if ca.a.p.Config.IsIdentityField(k) {
			ids = append(ids, k)
		}
	}
	for i, v := range args {
		if i > 0 { // the payload, query or params after the endpoint name
			ids = append(ids, ca.identityKeys(v, 0)...)
		}
	}
	ids = uniq(ids)
	if !ca.a.prof.ImplicitCaller {
		ids = nil // identity in a call is not a mistake on this platform
	}
	pc := ca.a.p.Config
	manifest := pc.ManifestRulesApply()
	var ep = pc.Manifest.Endpoint(name)
	if !manifest || !known {
		ep = nil
	}
	if manifest && known && ep == nil {
		ca.emit(rules.DYP404, e.Idx0(), rules.MsgUnknownEndpoint(name, config.Closest(name, pc.Manifest.EndpointNames())), nil)
	}
	jwt := ep != nil && ep.AuthMode == config.AuthJWT
	apiKeyEP := ep != nil && ep.AuthMode == config.AuthAPIKey
	shown = rules.Endpoint(name)
	if !known {
		shown = rules.Endpoint("")
	}
	if c.APIKey {
		var reasons []string
		if jwt {
			reasons = append(reasons, rules.ReasonJWTEndpoint(name))
		}
		if len(ids) > 0 {
			reasons = append(reasons, rules.ReasonIdentity(ids))
		}
		signedIn, related := ca.signedInReason()
		if signedIn != "" {
			reasons = append(reasons, signedIn)
		}
		if len(reasons) > 0 {
			ca.emit(rules.DYP301, e.Idx0(), rules.MsgAPIKeyUserScope("call of "+shown+" with the API-key client", reasons), related)
		}
		if apiKeyEP && ca.a.b.Client {
			if loc, ok := ca.loc(e.Idx0()); ok {
				chain, _ := ca.a.chain(loc.File)
				ca.emit(rules.DYP405, e.Idx0(), rules.MsgBrowserCallsAPIKeyEndpoint(chain, name), nil)
			}
		}
		return
	}
	if len(ids) > 0 && !ep.HasRoles() {
		if loc, ok := ca.loc(e.Idx0()); ok {
			ca.a.emit(rules.DYP201, loc, rules.MsgManualUserID(shown, ids, payloadWord(method)), nil, ca.dropIdentityFixes(args[1:])...)
		}
	}
	if apiKeyEP {
		ca.emit(rules.DYP405, e.Idx0(), rules.MsgUserCallsAPIKeyEndpoint("", name), nil)
	}
}

func payloadWord(method string) string {
	if strings.EqualFold(method, "get") {
		return "query string"
	}
	return "payload"
}

func queryKeys(q string) []string {
	var out []string
	for _, kv := range strings.Split(q, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k != "" {
			out = append(out, k)
		}
	}
	return out
}

func uniq(s []string) []string {
	var out []string
	for _, x := range s {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// identityKeys returns the identity fields among an object literal's keys,
// looking into nested object literals (params, body, filter…).
func (ca *checker) identityKeys(v *eval.Value, depth int) []string {
	if v == nil || v.Kind != eval.Object || depth > 3 {
		return nil
	}
	var out []string
	for _, p := range v.Obj.Value {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			if k, ok := jsast.PropName(p); ok && ca.a.p.Config.IsIdentityField(k) {
				out = append(out, k)
			}
			if o, ok := p.Value.(*ast.ObjectLiteral); ok {
				out = append(out, ca.identityKeys(&eval.Value{Kind: eval.Object, Obj: o}, depth+1)...)
			}
		case *ast.PropertyShort:
			if k := string(p.Name.Name); ca.a.p.Config.IsIdentityField(k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func (ca *checker) signUp(e *ast.CallExpression) {
	if !ca.Reporting() {
		return
	}
	pc := ca.a.p.Config
	if !pc.ManifestRulesApply() || pc.Manifest.SignupAllowed() {
		return
	}
	why := "signup: false"
	if pc.Manifest.Signup == nil {
		why = "app: " + pc.Manifest.App + ", so signup defaults to false"
	}
	ca.emit(rules.DYP403, e.Idx0(), rules.MsgPrivateSignup(ca.a.prof.JSAuthField+"."+ca.a.prof.JSSignUp, why), nil)
}

// rawRequest handles fetch(url, init), axios(...) and the like: a request
// whose options carry an X-API-KEY header is an API-key call; in server code
// it must not send the user's identity, nor act for a signed-in user
// (DYP301) — when it goes to the platform: its URL or its key names it
// (namesPlatform). Many other APIs take their key in an X-API-KEY header,
// and a user id along with it.
func (ca *checker) rawRequest(e *ast.CallExpression, args []*eval.Value) {
	if !ca.Reporting() || len(args) == 0 || !ca.a.prof.ImplicitCaller {
		return
	}
	header, key := "", ast.Expression(nil)
	for _, v := range args {
		if h, x := ca.keyHeaderIn(v); h != "" {
			header, key = h, x
		}
	}
	if header == "" || !ca.namesPlatform(e.ArgumentList[0], args[0]) && (key == nil || !ca.namesPlatform(key, nil)) {
		return
	}
	var ids []string
	if args[0] != nil && args[0].Kind == eval.String {
		if _, q, ok := strings.Cut(args[0].Str, "?"); ok {
			for _, k := range queryKeys(q) {
				if ca.a.p.Config.IsIdentityField(k) {
					ids = append(ids, k)
				}
			}
		}
	}
	for i, x := range e.ArgumentList {
		v := args[i]
		if v == nil || v.Kind != eval.Object {
			continue
		}
		_ = x
		for _, p := range v.Obj.Value {
			pk, ok := p.(*ast.PropertyKeyed)
			if !ok {
				continue
			}
			k, _ := jsast.PropName(pk)
			switch k {
			case "headers":
				continue
			case "body":
				// body: JSON.stringify({...})
				if c, ok := pk.Value.(*ast.CallExpression); ok && len(c.ArgumentList) == 1 {
					if o, ok := c.ArgumentList[0].(*ast.ObjectLiteral); ok {
						ids = append(ids, ca.identityKeys(&eval.Value{Kind: eval.Object, Obj: o}, 0)...)
					} else if id, ok := c.ArgumentList[0].(*ast.Identifier); ok {
						if b := ca.Lookup(string(id.Name)); b != nil {
							ids = append(ids, ca.identityKeys(b.Value, 0)...)
						}
					}
				}
			}
			if o, ok := pk.Value.(*ast.ObjectLiteral); ok && k != "headers" {
				ids = append(ids, ca.identityKeys(&eval.Value{Kind: eval.Object, Obj: o}, 0)...)
			}
			if k != "" && ca.a.p.Config.IsIdentityField(k) {
				ids = append(ids, k)
			}
		}
	}
	ids = uniq(ids)
	var reasons []string
	if len(ids) > 0 {
		reasons = append(reasons, rules.ReasonIdentity(ids))
	}
	var related []finding.Related
	if signedIn, rel := ca.signedInReason(); signedIn != "" {
		reasons = append(reasons, signedIn)
		related = rel
	}
	if len(reasons) > 0 {
		ca.emit(rules.DYP301, e.Idx0(), rules.MsgKeyRequestUserScope("request with an "+header+" header", reasons), related)
	}
}
