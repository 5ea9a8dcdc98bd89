package jsscan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/token"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jslex"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// keyHeader handles a key header (X-API-KEY; supabase: apikey, or
// Authorization with the service-role key) given a value e: a privileged
// request built in this code (DYP101 in the client build).
func (ca *chunkAnalyzer) keyHeader(at file.Idx, header string, v *value, e ast.Expression) {
	if !ca.report || !ca.a.b.Client || !ca.privileged(v, e) {
		return
	}
	ca.emitDYP101(at, fmt.Sprintf("an %s header%s", header, paren(ca.describeKey(v, e))), v, true)
}

// keyish reports whether a value can be a key, or part of one.
func keyish(v *value) bool {
	if v == nil {
		return false
	}
	switch v.kind {
	case kEnvVar, kString, kOneOf, kParam, kNamed:
		return true
	}
	return false
}

// privileged reports whether a key (v, given by expression e) makes a
// client privileged. With no markers in the profile (dypai) any key does;
// otherwise (supabase) only a privileged one (see keyPrivilege).
func (ca *chunkAnalyzer) privileged(v *value, e ast.Expression) bool {
	prof := ca.a.prof
	if !prof.Gated() {
		return true
	}
	return keyPrivilege(prof, partOf(v, e), 0) == sdk.PrivYes
}

// keyPrivilege judges a key value: an env var by its name, a literal by
// its form (a service_role JWT, an sb_secret_ key), a template, a
// concatenation or alternatives by their parts, and a value that is not
// known (a parameter, an opaque call) by the name it was read from.
func keyPrivilege(prof *sdk.Profile, v *value, depth int) sdk.Privilege {
	if v == nil || depth > 8 {
		return sdk.PrivUnknown
	}
	switch v.kind {
	case kEnvVar:
		if prof.IsPrivilegedName(v.str) {
			return sdk.PrivYes
		}
		return sdk.PrivNo
	case kString:
		p := sdk.PrivNo
		if prof.IsSecretLiteral(v.str) {
			return sdk.PrivYes
		}
		for _, part := range v.parts {
			if part != v {
				p = p.Or(keyPrivilege(prof, part, depth+1))
			}
		}
		return p
	case kOneOf:
		p := sdk.PrivNo
		for _, part := range v.parts {
			p = p.Or(keyPrivilege(prof, part, depth+1))
		}
		return p
	case kParam, kNamed:
		if prof.IsPrivilegedName(v.str) {
			return sdk.PrivYes
		}
	}
	return sdk.PrivUnknown
}

// privilegedPart is the part of a key value that makes it privileged (or,
// in an ungated profile, the first part that says where it comes from).
func (ca *chunkAnalyzer) privilegedPart(v *value) *value {
	if v == nil || v.kind != kOneOf && (v.kind != kString || len(v.parts) == 0) {
		return v
	}
	gated := ca.a.prof.Gated()
	var best *value
	for _, part := range v.parts {
		p := ca.privilegedPart(part)
		if p == nil {
			continue
		}
		if gated && keyPrivilege(ca.a.prof, p, 0) == sdk.PrivYes {
			return p
		}
		if best == nil || best.kind == kString && p.kind != kString {
			best = p // rather the variable than the "Bearer " text
		}
	}
	if best == nil {
		return v
	}
	return best
}

// describeKey says how a key was given, for messages: the env var read,
// a redacted literal, or the variable holding it; "" when unknown.
func (ca *chunkAnalyzer) describeKey(v *value, e ast.Expression) string {
	if p := ca.privilegedPart(v); p != nil {
		switch p.kind {
		case kEnvVar:
			return p.expr
		case kString:
			if p.expr == "" {
				return fmt.Sprintf("%q", sdk.Redact(p.str))
			}
		case kParam, kNamed:
			if p == v || v == nil {
				if t := ca.sourceName(e, exprText(e, 0)); t != "" {
					return t // this.serviceKey rather than serviceKey
				}
			}
			return p.str
		}
	}
	return ca.sourceName(e, exprText(e, 0))
}

// sourceName is out — a name or a chain of property reads that the bundle
// has at e — as the source spells it: esbuild renames colliding top-level
// names across modules (config → config2), which messages must not show.
func (ca *chunkAnalyzer) sourceName(e ast.Expression, out string) string {
	if out == "" || !strings.ContainsAny(out, "0123456789") {
		return out
	}
	loc, ok := ca.loc(e.Idx0())
	if !ok {
		return out
	}
	line := ca.a.files.Line(loc.File, loc.Line-1)
	i := loc.Col - 1
	if i < 0 || i >= len(line) {
		return out
	}
	j := i
	for j < len(line) && (jslex.IsIdentPart(line[j]) || line[j] == '.') {
		j++
	}
	if src := line[i:j]; src != "" && sameBundleName(src, out) {
		return src
	}
	return out
}

// sameBundleName reports whether a source name chain and the bundle's
// differ at most by esbuild's numeric rename suffixes.
func sameBundleName(src, out string) bool {
	a, b := strings.Split(src, "."), strings.Split(out, ".")
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if bundleName(a[i]) != bundleName(b[i]) {
			return false
		}
	}
	return true
}

// exprText renders a name or a chain of property reads for messages
// (config.supabase.serviceKey, this.key); "" for anything else.
func exprText(e ast.Expression, depth int) string {
	switch x := e.(type) {
	case *ast.Identifier:
		return string(x.Name)
	case *ast.ThisExpression:
		return "this"
	case *ast.DotExpression:
		if depth < 4 {
			if l := exprText(x.Left, depth+1); l != "" {
				return l + "." + string(x.Identifier.Name)
			}
		}
	}
	return ""
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// construct handles a call of the SDK's constructor (name: its exported
// name).
func (ca *chunkAnalyzer) construct(e *ast.CallExpression, name string, args []*value) *value {
	prof := ca.a.prof
	c := &client{keyParam: -1}
	c.loc, c.ok = ca.loc(e.Idx0())
	v, arg := constructorKey(prof, e.ArgumentList, args)
	if arg == nil {
		return &value{kind: kClient, client: c}
	}
	c.key = ca.describeKey(v, arg)
	fromParam := v != nil && v.kind == kParam && v.fn == ca.fn.node && v.fn != nil
	if fromParam && !prof.Gated() {
		// createAdmin(url, key) { return createClient(url, key) }: with
		// any key making an API-key client, what the callers pass decides
		// (helperClient), and a leak is reported where the key is given.
		c.keyParam = v.idx
	} else {
		c.apiKey = ca.privileged(v, arg)
		if !c.apiKey && fromParam {
			c.keyParam = v.idx
		}
	}
	if c.apiKey && ca.report && ca.a.b.Client {
		if name == "" {
			name = "createClient"
		}
		ca.emitDYP101(e.Idx0(), name+" with "+prof.Terms.Key+paren(c.key), v, false)
	}
	return &value{kind: kClient, client: c}
}

// constructorKey finds the key given to the SDK's constructor: the
// positional argument, else a key option of an options object
// (createClientComponentClient({ supabaseUrl, supabaseKey })). arg is nil
// when none is given.
func constructorKey(prof *sdk.Profile, list []ast.Expression, args []*value) (*value, ast.Expression) {
	if k := prof.JSKeyArg; k >= 0 && k < len(list) && !isNothing(list[k]) {
		return args[k], list[k]
	}
	for _, v := range args {
		if v == nil || v.kind != kObject || v.obj == nil {
			continue
		}
		for _, p := range v.obj.Value {
			switch p := p.(type) {
			case *ast.PropertyKeyed:
				if name, ok := jsast.PropName(p); ok && slices.Contains(prof.JSKeyOptions, name) {
					return v.props[name], p.Value
				}
			case *ast.PropertyShort:
				if name := string(p.Name.Name); slices.Contains(prof.JSKeyOptions, name) {
					return v.props[name], &p.Name
				}
			}
		}
	}
	return nil, nil
}

// isNothing reports whether an argument is undefined, null or void 0.
func isNothing(e ast.Expression) bool {
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

// bundlerEnv reports whether an env read (its expression) is one bundlers
// replace: process.env.X or import.meta.env.X, not a helper's lookup.
func bundlerEnv(expr string) bool {
	return strings.HasPrefix(expr, "process.env.") || strings.HasPrefix(expr, "import.meta.env.")
}

// emitDYP101 reports something that puts the API key in browser code and
// says how the code is reached from a client entry point.
func (ca *chunkAnalyzer) emitDYP101(at file.Idx, what string, key *value, header bool) {
	loc, ok := ca.loc(at)
	if !ok {
		return
	}
	chain, entry := ca.a.chain(loc.File)
	if chain == "" {
		chain = "a client entry point"
	}
	terms := ca.a.prof.Terms
	if key := ca.privilegedPart(key); key != nil && key.kind == kEnvVar && bundlerEnv(key.expr) && !ca.a.prof.IsPublicEnv(key.str) {
		terms = terms.Unexposed(key.str)
	}
	msg := terms.KeyClientInBrowser(what, chain)
	if header {
		msg = terms.KeyHeaderInBrowser(what, chain)
	}
	var rel []finding.Related
	if entry != nil {
		rel = append(rel, finding.Related{
			Location: finding.Location{File: entry.File, Line: 1, Col: 1},
			Message:  fmt.Sprintf("client entry point (%s)", entry.Kind.Label()),
		})
	}
	ca.a.emit(rules.DYP101, loc, msg, rel)
}

// keyHeaderIn returns the API-key header named in an options object: at its
// top level or in its headers property.
func (ca *chunkAnalyzer) keyHeaderIn(v *value) string {
	if v == nil || v.kind != kObject {
		return ""
	}
	for _, p := range v.obj.Value {
		pk, ok := p.(*ast.PropertyKeyed)
		if !ok {
			continue
		}
		k, _ := jsast.PropName(pk)
		if ca.a.prof.IsKeyHeaderKey(k) {
			return k
		}
		if k == "headers" {
			if o, ok := pk.Value.(*ast.ObjectLiteral); ok {
				if h := ca.keyHeaderIn(&value{kind: kObject, obj: o}); h != "" {
					return h
				}
			} else if id, ok := pk.Value.(*ast.Identifier); ok {
				if b := ca.sc.lookup(string(id.Name)); b != nil {
					if h := ca.keyHeaderIn(b.v); h != "" {
						return h
					}
				}
			}
		}
	}
	return ""
}
