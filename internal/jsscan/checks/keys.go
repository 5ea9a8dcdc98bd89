package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jslex"
	"github.com/dypai/dypailint/internal/jsscan/eval"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// keyHeader handles a key header (X-API-KEY; supabase: apikey, or
// Authorization with the service-role key) given a value e: a privileged
// request built in this code (DYP101 in the client build).
func (ca *checker) keyHeader(at file.Idx, header string, v *eval.Value, e ast.Expression) {
	if !ca.Reporting() || !ca.a.b.Client || !ca.privileged(v, e) {
		return
	}
	ca.emitDYP101(at, fmt.Sprintf("an %s header%s", header, paren(ca.describeKey(v, e))), v, true)
}

// privileged reports whether a key (v, given by expression e) makes a
// client privileged. With no markers in the profile (dypai) any key does;
// otherwise (supabase) only a privileged one (see keyPrivilege).
func (ca *checker) privileged(v *eval.Value, e ast.Expression) bool {
	prof := ca.a.prof
	if !prof.Gated() {
		return true
	}
	return eval.KeyPrivilege(prof, eval.PartOf(v, e), 0) == sdk.PrivYes
}

// privilegedPart is the part of a key value that makes it privileged (or,
// in an ungated profile, the first part that says where it comes from).
func (ca *checker) privilegedPart(v *eval.Value) *eval.Value {
	if v == nil || v.Kind != eval.Alternatives && (v.Kind != eval.String || len(v.Parts) == 0) {
		return v
	}
	gated := ca.a.prof.Gated()
	var best *eval.Value
	for _, part := range v.Parts {
		p := ca.privilegedPart(part)
		if p == nil {
			continue
		}
		if gated && eval.KeyPrivilege(ca.a.prof, p, 0) == sdk.PrivYes {
			return p
		}
		if best == nil || best.Kind == eval.String && p.Kind != eval.String {
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
func (ca *checker) describeKey(v *eval.Value, e ast.Expression) string {
	if p := ca.privilegedPart(v); p != nil {
		switch p.Kind {
		case eval.EnvVar:
			return p.Expr
		case eval.String:
			if p.Expr == "" {
				return fmt.Sprintf("%q", sdk.Redact(p.Str))
			}
		case eval.Param, eval.Named:
			if p == v || v == nil {
				if t := ca.sourceName(e, exprText(e, 0)); t != "" {
					return t // this.serviceKey rather than serviceKey
				}
			}
			return p.Str
		}
	}
	return ca.sourceName(e, exprText(e, 0))
}

// sourceName is out — a name or a chain of property reads that the bundle
// has at e — as the source spells it: esbuild renames colliding top-level
// names across modules (config → config2), which messages must not show.
func (ca *checker) sourceName(e ast.Expression, out string) string {
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
		if eval.BundleName(a[i]) != eval.BundleName(b[i]) {
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
func (ca *checker) construct(e *ast.CallExpression, name string, args []*eval.Value) *eval.Value {
	prof := ca.a.prof
	c := &eval.Construction{KeyParam: -1}
	c.Loc, c.OK = ca.loc(e.Idx0())
	v, arg := constructorKey(prof, e.ArgumentList, args)
	if arg == nil {
		return &eval.Value{Kind: eval.Client, Client: c}
	}
	c.Key = ca.describeKey(v, arg)
	fromParam := v != nil && v.Kind == eval.Param && v.Fn == ca.Frame().Node && v.Fn != nil
	if fromParam && !prof.Gated() {
		// createAdmin(url, key) { return createClient(url, key) }: with
		// any key making an API-key client, what the callers pass decides
		// (helperClient), and a leak is reported where the key is given.
		c.KeyParam = v.Idx
	} else {
		c.APIKey = ca.privileged(v, arg)
		if !c.APIKey && fromParam {
			c.KeyParam = v.Idx
		}
	}
	if c.APIKey && ca.Reporting() && ca.a.b.Client {
		if name == "" {
			name = "createClient"
		}
		ca.emitDYP101(e.Idx0(), name+" with "+prof.Terms.Key+paren(c.Key), v, false)
	}
	return &eval.Value{Kind: eval.Client, Client: c}
}

// constructorKey finds the key given to the SDK's constructor: the
// positional argument, else a key option of an options object
// (createClientComponentClient({ supabaseUrl, supabaseKey })). arg is nil
// when none is given.
func constructorKey(prof *sdk.Profile, list []ast.Expression, args []*eval.Value) (*eval.Value, ast.Expression) {
	if k := prof.JSKeyArg; k >= 0 && k < len(list) && !eval.IsNothing(list[k]) {
		return args[k], list[k]
	}
	for _, v := range args {
		if v == nil || v.Kind != eval.Object || v.Obj == nil {
			continue
		}
		for _, p := range v.Obj.Value {
			switch p := p.(type) {
			case *ast.PropertyKeyed:
				if name, ok := jsast.PropName(p); ok && slices.Contains(prof.JSKeyOptions, name) {
					return v.Props[name], p.Value
				}
			case *ast.PropertyShort:
				if name := string(p.Name.Name); slices.Contains(prof.JSKeyOptions, name) {
					return v.Props[name], &p.Name
				}
			}
		}
	}
	return nil, nil
}

// bundlerEnv reports whether an env read (its expression) is one bundlers
// replace: process.env.X or import.meta.env.X, not a helper's lookup.
func bundlerEnv(expr string) bool {
	return strings.HasPrefix(expr, "process.env.") || strings.HasPrefix(expr, "import.meta.env.")
}

// emitDYP101 reports something that puts the API key in browser code and
// says how the code is reached from a client entry point.
func (ca *checker) emitDYP101(at file.Idx, what string, key *eval.Value, header bool) {
	loc, ok := ca.loc(at)
	if !ok {
		return
	}
	chain, rel := ca.a.reachedFrom(loc.File)
	terms := ca.a.prof.Terms
	if key := ca.privilegedPart(key); key != nil && key.Kind == eval.EnvVar && bundlerEnv(key.Expr) && !ca.a.prof.IsPublicEnv(key.Str) {
		terms = terms.Unexposed(key.Str)
	}
	msg := terms.KeyClientInBrowser(what, chain)
	if header {
		msg = terms.KeyHeaderInBrowser(what, chain)
	}
	ca.a.emit(rules.DYP101, loc, msg, rel)
}

// keyHeaderIn returns the API-key header named in an options object, at
// its top level or in its headers property, and the expression of its value.
func (ca *checker) keyHeaderIn(v *eval.Value) (string, ast.Expression) {
	if v == nil || v.Kind != eval.Object {
		return "", nil
	}
	for _, p := range v.Obj.Value {
		pk, ok := p.(*ast.PropertyKeyed)
		if !ok {
			continue
		}
		k, _ := jsast.PropName(pk)
		if ca.a.prof.IsKeyHeaderKey(k) {
			return k, pk.Value
		}
		if k == "headers" {
			if o, ok := pk.Value.(*ast.ObjectLiteral); ok {
				if h, x := ca.keyHeaderIn(&eval.Value{Kind: eval.Object, Obj: o}); h != "" {
					return h, x
				}
			} else if id, ok := pk.Value.(*ast.Identifier); ok {
				if b := ca.Lookup(string(id.Name)); b != nil {
					if h, x := ca.keyHeaderIn(b.Value); h != "" {
						return h, x
					}
				}
			}
		}
	}
	return "", nil
}

// envRead reports a secret read from a public env var (DYP102).
func (ca *checker) envRead(name string, at file.Idx) {
	if !ca.Reporting() || !ca.a.prof.IsPublicSecretEnv(name) {
		return
	}
	ca.emit(rules.DYP102, at, rules.MsgPublicEnv(name, ca.a.prof.PublicEnvPrefix(name)), nil)
}

// helperClient is what a call of a function returning a client gives:
// the client, or — when the function builds it with a key taken from its
// parameter (createAdmin(key)) and this call passes a privileged key — a
// privileged client, reported here in browser code.
func (ca *checker) helperClient(e *ast.CallExpression, ret *eval.Value, args []*eval.Value) *eval.Value {
	if ret.Kind != eval.Client || ret.Client == nil || ret.Client.APIKey || ret.Client.KeyParam < 0 {
		return ret
	}
	i := ret.Client.KeyParam
	if i >= len(args) || eval.IsNothing(e.ArgumentList[i]) || !ca.privileged(args[i], e.ArgumentList[i]) {
		return ret
	}
	c := &eval.Construction{APIKey: true, Key: ca.describeKey(args[i], e.ArgumentList[i]), KeyParam: -1}
	c.Loc, c.OK = ca.loc(e.Idx0())
	if ca.Reporting() && ca.a.b.Client {
		what := ca.sourceName(e.Callee, eval.ExprName(e.Callee))
		if what == "" {
			what = "a helper"
		}
		ca.emitDYP101(e.Idx0(), what+" with "+ca.a.prof.Terms.Key+paren(c.Key), args[i], false)
	}
	return &eval.Value{Kind: eval.Client, Client: c}
}
