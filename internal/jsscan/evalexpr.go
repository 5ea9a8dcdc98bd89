package jsscan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/token"

	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// member is the value of v.name; it reports env reads (DYP102).
func (ca *chunkAnalyzer) member(v *value, name string, at file.Idx) *value {
	if v == nil {
		return nil
	}
	prof := ca.a.prof
	switch v.kind {
	case kSDK:
		if slices.Contains(prof.JSConstructors, name) {
			return &value{kind: kCtor, str: name}
		}
	case kObject, kInstance:
		return v.props[name]
	case kServerNS:
		return serverMember(v, name)
	case kClient:
		switch name {
		case prof.JSAPIField:
			return &value{kind: kAPI, client: v.client}
		case prof.JSAuthField:
			return &value{kind: kAuth, client: v.client}
		}
	case kProcess, kImportMeta, kDeno:
		if name == "env" {
			return &value{kind: kEnv, expr: map[kind]string{kProcess: "process.env", kImportMeta: "import.meta.env", kDeno: "Deno.env"}[v.kind]}
		}
	case kEnv:
		ca.envRead(name, at)
		return &value{kind: kEnvVar, str: name, expr: v.expr + "." + name}
	}
	return nil
}

func (ca *chunkAnalyzer) envRead(name string, at file.Idx) {
	if !ca.report || !ca.a.prof.IsPublicSecretEnv(name) {
		return
	}
	ca.emit(rules.DYP102, at, rules.MsgPublicEnv(name, ca.a.prof.PublicEnvPrefix(name)), nil)
}

// expr evaluates an expression to what the rules know of its value (nil
// when nothing), walking what it contains.
func (ca *chunkAnalyzer) expr(e ast.Expression) *value {
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.Identifier:
		return ca.ident(e)
	case *ast.MetaProperty:
		if e.Meta != nil && e.Property != nil && e.Meta.Name == "import" && e.Property.Name == "meta" {
			return &value{kind: kImportMeta}
		}
		return nil
	case *ast.StringLiteral:
		return &value{kind: kString, str: string(e.Value)}
	case *ast.TemplateLiteral:
		return ca.template(e)
	case *ast.DotExpression:
		return ca.dot(e)
	case *ast.PrivateDotExpression:
		ca.expr(e.Left)
		return nil
	case *ast.BracketExpression:
		return ca.bracket(e)
	case *ast.OptionalChain:
		return ca.expr(e.Expression)
	case *ast.Optional:
		return ca.expr(e.Expression)
	case *ast.AwaitExpression:
		return ca.expr(e.Argument)
	case *ast.SequenceExpression:
		var v *value
		for _, x := range e.Sequence {
			v = ca.expr(x)
		}
		return v
	case *ast.ConditionalExpression:
		return ca.conditional(e)
	case *ast.BinaryExpression:
		return ca.binary(e)
	case *ast.AssignExpression:
		return ca.assign(e)
	case *ast.FunctionLiteral:
		return ca.function(e)
	case *ast.ArrowFunctionLiteral:
		return ca.arrow(e)
	case *ast.ObjectLiteral:
		return &value{kind: kObject, obj: e, props: ca.object(e)}
	case *ast.CallExpression:
		return ca.call(e)
	case *ast.NewExpression:
		return ca.newExpr(e)
	case *ast.ClassLiteral:
		return ca.class(e)
	case *ast.ThisExpression:
		if ca.cls != nil {
			return &value{kind: kInstance, props: ca.cls.props}
		}
		return nil
	}
	jsast.EachChild(e, ca.node)
	return nil
}

// ident is what a name holds: its binding, or the globals the rules know.
func (ca *chunkAnalyzer) ident(e *ast.Identifier) *value {
	if b := ca.sc.lookup(string(e.Name)); b != nil {
		return b.v
	}
	switch e.Name {
	case "process":
		return &value{kind: kProcess}
	case "Deno":
		return &value{kind: kDeno}
	}
	return nil
}

// template is a template literal's value: a string when it has no
// substitution, else its first element as a known prefix.
func (ca *chunkAnalyzer) template(e *ast.TemplateLiteral) *value {
	var parts []*value
	for _, x := range e.Expressions {
		parts = append(parts, partOf(ca.expr(x), x))
	}
	if e.Tag != nil {
		ca.expr(e.Tag)
		return nil
	}
	if len(e.Expressions) == 0 && len(e.Elements) == 1 {
		return &value{kind: kString, str: string(e.Elements[0].Parsed)}
	}
	if len(e.Elements) > 0 {
		// A prefix is enough to name the endpoint and see a query;
		// the substitutions say whether it carries a key.
		return &value{kind: kString, str: string(e.Elements[0].Parsed), expr: "template", parts: parts}
	}
	return nil
}

// dot is x.name: a member, a session read or an env variable.
func (ca *chunkAnalyzer) dot(e *ast.DotExpression) *value {
	base := ca.expr(e.Left)
	name := string(e.Identifier.Name)
	ca.sessionMember(e.Left, name, e.Identifier.Idx)
	if (base == nil || base.kind != kEnv) && envName(name) {
		// A validated env object (t3-env's env.VITE_X, Expo's
		// Constants.expoConfig.extra.EXPO_PUBLIC_X) holds the same
		// variables the bundler inlines.
		ca.envRead(name, e.Identifier.Idx)
	}
	return ca.member(base, name, e.Identifier.Idx)
}

// bracket is x["name"], followed like x.name when the key is constant.
func (ca *chunkAnalyzer) bracket(e *ast.BracketExpression) *value {
	base := ca.expr(e.Left)
	m := ca.expr(e.Member)
	if m != nil && m.kind == kString && m.expr == "" {
		ca.sessionMember(e.Left, m.str, e.Member.Idx0())
		return ca.member(base, m.str, e.Member.Idx0())
	}
	return nil
}

// conditional is c ? a : b: the interesting branch, or either key.
func (ca *chunkAnalyzer) conditional(e *ast.ConditionalExpression) *value {
	ca.expr(e.Test)
	a, b := ca.expr(e.Consequent), ca.expr(e.Alternate)
	if interesting(a) {
		return a
	}
	if !interesting(b) && (keyish(a) || keyish(b)) {
		return oneOf(partOf(a, e.Consequent), partOf(b, e.Alternate)) // dev ? serviceKey : anonKey
	}
	return b
}

// binary follows the alternatives of ||, ?? and && and the concatenation
// of a string with a key.
func (ca *chunkAnalyzer) binary(e *ast.BinaryExpression) *value {
	l, r := ca.expr(e.Left), ca.expr(e.Right)
	if e.Operator == token.LOGICAL_OR || e.Operator == token.COALESCE || e.Operator == token.LOGICAL_AND {
		if interesting(r) {
			return r
		}
		if interesting(l) {
			return l
		}
		if e.Operator != token.LOGICAL_AND && (keyish(l) || keyish(r)) {
			// process.env.SERVICE_KEY ?? process.env.ANON_KEY: either
			// may be the key.
			return oneOf(partOf(l, e.Left), partOf(r, e.Right))
		}
	}
	if e.Operator == token.PLUS && l != nil && l.kind == kString {
		// "Bearer " + key
		return &value{kind: kString, str: l.str, expr: "template", parts: []*value{l, partOf(r, e.Right)}}
	}
	return nil
}

// assign binds a = v, records this.field = v in a constructor and sees a
// key header set by index (headers["X-API-KEY"] = key).
func (ca *chunkAnalyzer) assign(e *ast.AssignExpression) *value {
	v := ca.expr(e.Right)
	if e.Operator == token.ASSIGN {
		switch t := e.Left.(type) {
		case *ast.Identifier, *ast.ObjectPattern, *ast.ArrayPattern:
			ca.bind(t, v, true)
			return v
		case *ast.DotExpression:
			// this.admin = createClient(url, key), in a constructor
			if _, ok := t.Left.(*ast.ThisExpression); ok {
				ca.field(string(t.Identifier.Name), v)
				return v
			}
		case *ast.BracketExpression:
			// headers["X-API-KEY"] = key
			ca.expr(t.Left)
			if m := ca.expr(t.Member); m != nil && m.kind == kString && ca.a.prof.IsKeyHeader(m.str) {
				ca.keyHeader(t.Member.Idx0(), m.str, v, e.Right)
			}
			return v
		}
	}
	ca.expr(e.Left)
	return v
}

// newExpr is new C(...): an instance of a class, a server-only SDK client
// (DYP105) or a server SDK's factory.
func (ca *chunkAnalyzer) newExpr(e *ast.NewExpression) *value {
	c := ca.expr(e.Callee)
	args := make([]*value, len(e.ArgumentList))
	for i, x := range e.ArgumentList {
		args[i] = ca.expr(x)
	}
	switch {
	case c == nil:
	case c.kind == kClass:
		return &value{kind: kInstance, props: c.props}
	case c.kind == kServerCtor:
		ca.serverConstruct(e.Idx0(), e.Callee, c, e.ArgumentList, args, true)
	case c.kind == kServerNS:
		return c // new Mailgun(FormData): the factory whose client() builds
	}
	return nil
}

// class walks a class body with this bound to its instances, and returns
// the class as a kClass value whose props are what the constructor and the
// field initialisers store on this.
func (ca *chunkAnalyzer) class(cl *ast.ClassLiteral) *value {
	if ca.classes == nil {
		ca.classes = map[ast.Node]*value{}
	}
	v := ca.classes[cl]
	if v == nil {
		v = &value{kind: kClass, props: map[string]*value{}}
		ca.classes[cl] = v
	}
	saved := ca.cls
	ca.expr(cl.SuperClass)
	ca.cls = v
	for _, el := range cl.Body {
		if fd, ok := el.(*ast.FieldDefinition); ok && !fd.Static && !fd.Computed && fd.Initializer != nil {
			if name := fieldName(fd.Key); name != "" {
				ca.field(name, ca.expr(fd.Initializer))
				continue
			}
		}
		jsast.EachChild(el, ca.node)
	}
	ca.cls = saved
	return v
}

// classDecl walks a class declaration and binds its name to the class.
func (ca *chunkAnalyzer) classDecl(cd *ast.ClassDeclaration) {
	v := ca.class(cd.Class)
	if cd.Class.Name != nil {
		if b := ca.sc.lookup(string(cd.Class.Name.Name)); b != nil {
			b.v = v
		}
	}
}

// field records what the class being walked stores in this.name. The first
// interesting value stays: a later this.admin = null (a dispose method)
// does not hide the client.
func (ca *chunkAnalyzer) field(name string, v *value) {
	if ca.cls == nil || v == nil {
		return
	}
	if old := ca.cls.props[name]; old != nil && interesting(old) && !interesting(v) {
		return
	}
	ca.cls.props[name] = v
}

// fieldName is the static name of a class field's key.
func fieldName(k ast.Expression) string {
	switch k := k.(type) {
	case *ast.Identifier:
		return string(k.Name)
	case *ast.StringLiteral:
		return string(k.Value)
	}
	return ""
}

// object walks an object literal, reports an API-key header in it and
// returns the values of its static keys.
func (ca *chunkAnalyzer) object(o *ast.ObjectLiteral) map[string]*value {
	var props map[string]*value
	set := func(k string, v *value) {
		if v == nil {
			return
		}
		if props == nil {
			props = map[string]*value{}
		}
		props[k] = v
	}
	for _, p := range o.Value {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			var v *value
			if p.Computed {
				ca.expr(p.Key)
			}
			v = ca.expr(p.Value)
			if k, ok := jsast.PropName(p); ok {
				set(k, partOf(v, p.Value))
				if ca.a.prof.IsKeyHeaderKey(k) {
					ca.keyHeader(p.Key.Idx0(), k, v, p.Value)
				}
			}
		case *ast.PropertyShort:
			v := ca.expr(&p.Name)
			if p.Initializer != nil {
				ca.expr(p.Initializer)
			}
			set(string(p.Name.Name), partOf(v, &p.Name))
			if ca.a.prof.IsKeyHeaderKey(string(p.Name.Name)) {
				ca.keyHeader(p.Name.Idx, string(p.Name.Name), v, &p.Name)
			}
		case *ast.SpreadElement:
			ca.expr(p.Expression)
		default:
			ca.node(p)
		}
	}
	return props
}

// exprName is the name an expression reads its value from: a variable, a
// property (config.serviceKey, env["SERVICE_KEY"]) or a called function
// (getServiceRoleKey()); "" when it has none.
func exprName(e ast.Expression) string {
	switch x := e.(type) {
	case *ast.Identifier:
		return string(x.Name)
	case *ast.DotExpression:
		return string(x.Identifier.Name)
	case *ast.PrivateDotExpression:
		return string(x.Identifier.Name)
	case *ast.BracketExpression:
		if s, ok := x.Member.(*ast.StringLiteral); ok {
			return string(s.Value)
		}
	case *ast.CallExpression:
		return exprName(unwrapOptional(x.Callee))
	case *ast.OptionalChain:
		return exprName(x.Expression)
	case *ast.Optional:
		return exprName(x.Expression)
	case *ast.AwaitExpression:
		return exprName(x.Argument)
	}
	return ""
}

func (ca *chunkAnalyzer) call(e *ast.CallExpression) *value {
	// Evaluate the callee once: a method call's receiver is walked here,
	// not again below (promise chains would otherwise cost 2^depth).
	var base, callee *value
	d, isDot := unwrapOptional(e.Callee).(*ast.DotExpression)
	if isDot {
		base = ca.expr(d.Left)
		callee = ca.member(base, string(d.Identifier.Name), d.Identifier.Idx)
	} else {
		callee = ca.expr(e.Callee)
	}
	if isDot {
		ca.nameRouteHandlers(e, string(d.Identifier.Name))
	}
	args := make([]*value, len(e.ArgumentList))
	for i, x := range e.ArgumentList {
		args[i] = ca.expr(x)
	}
	ca.sessionCall(e, base, callee)
	if id, ok := e.Callee.(*ast.Identifier); ok && bundleName(string(id.Name)) == "__publicField" && len(args) == 3 && args[1] != nil && args[1].kind == kString {
		// esbuild's lowering of a class field: __publicField(this, "admin", value)
		if _, ok := e.ArgumentList[0].(*ast.ThisExpression); ok {
			ca.field(args[1].str, args[2])
			return args[2]
		}
	}
	if callee != nil {
		switch callee.kind {
		case kCtor:
			return ca.construct(e, callee.str, args)
		case kServerCtor:
			ca.serverConstruct(e.Idx0(), e.Callee, callee, e.ArgumentList, args, false)
			return nil
		case kFunc:
			if callee.ret != nil {
				return ca.helperClient(e, callee.ret, args)
			}
			if keyPrivilege(ca.a.prof, callee.keyRet, 0) == sdk.PrivUnknown {
				// requireEnv("SUPABASE_SERVICE_ROLE_KEY") reading process.env[name]
				if v := envAccessor(exprName(e.Callee), args); v != nil {
					return v
				}
			}
			return callee.keyRet
		}
	}
	if isDot && base != nil {
		method := string(d.Identifier.Name)
		switch {
		case base.kind == kAPI && ca.a.prof.IsCallMethod(method):
			ca.endpointCall(e, base.client, method, args)
			return nil
		case base.kind == kAuth && method == ca.a.prof.JSSignUp:
			ca.signUp(e)
			return nil
		case base.kind == kAuth && method == ca.a.prof.JSAuthStateChange && method != "":
			ca.authListener(e, args)
			return nil
		case base.kind == kEnv && method == "get" && len(args) > 0 && args[0] != nil && args[0].kind == kString && args[0].expr == "":
			// Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")
			ca.envRead(args[0].str, e.ArgumentList[0].Idx0())
			return &value{kind: kEnvVar, str: args[0].str, expr: fmt.Sprintf("%s.get(%q)", base.expr, args[0].str)}
		case keyish(base) && sameKeyMethods[method]:
			// key.trim(), key.replace(/\s+/g, "")
			if base.kind == kString {
				return &value{kind: kString, str: base.str, expr: "template", parts: base.parts}
			}
			return base
		}
	}
	if isDot && (d.Identifier.Name == "set" || d.Identifier.Name == "append" || d.Identifier.Name == "setRequestHeader") && len(args) >= 2 &&
		args[0] != nil && args[0].kind == kString && ca.a.prof.IsKeyHeader(args[0].str) {
		ca.keyHeader(e.ArgumentList[0].Idx0(), args[0].str, args[1], e.ArgumentList[1]) // headers.set("X-API-KEY", key)
		return nil
	}
	if callee == nil && !isDot {
		if id, ok := e.Callee.(*ast.Identifier); ok {
			if id.Name == "String" && len(args) == 1 && ca.sc.lookup("String") == nil {
				return partOf(args[0], e.ArgumentList[0]) // String(process.env.KEY ?? "")
			}
			if v := envAccessor(string(id.Name), args); v != nil {
				return v
			}
		}
	}
	ca.rawRequest(e, args)
	return nil
}

// envAccessor reads a call of a project's env helper — a function whose
// name mentions env, given a variable's name: getEnv("SERVICE_ROLE_KEY"),
// requireEnv(...) — as the variable's value.
func envAccessor(fn string, args []*value) *value {
	if len(args) == 0 || args[0] == nil || args[0].kind != kString || args[0].expr != "" ||
		!strings.Contains(strings.ToLower(fn), "env") || !envName(args[0].str) {
		return nil
	}
	return &value{kind: kEnvVar, str: args[0].str, expr: fmt.Sprintf("%s(%q)", fn, args[0].str)}
}

// envName reports whether s looks like an environment variable's name.
func envName(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// helperClient is what a call of a function returning a client gives:
// the client, or — when the function builds it with a key taken from its
// parameter (createAdmin(key)) and this call passes a privileged key — a
// privileged client, reported here in browser code.
func (ca *chunkAnalyzer) helperClient(e *ast.CallExpression, ret *value, args []*value) *value {
	if ret.kind != kClient || ret.client == nil || ret.client.apiKey || ret.client.keyParam < 0 {
		return ret
	}
	i := ret.client.keyParam
	if i >= len(args) || isNothing(e.ArgumentList[i]) || !ca.privileged(args[i], e.ArgumentList[i]) {
		return ret
	}
	c := &client{apiKey: true, key: ca.describeKey(args[i], e.ArgumentList[i]), keyParam: -1}
	c.loc, c.ok = ca.loc(e.Idx0())
	if ca.report && ca.a.b.Client {
		what := ca.sourceName(e.Callee, exprName(e.Callee))
		if what == "" {
			what = "a helper"
		}
		ca.emitDYP101(e.Idx0(), what+" with "+ca.a.prof.Terms.Key+paren(c.key), args[i], false)
	}
	return &value{kind: kClient, client: c}
}

func unwrapOptional(e ast.Expression) ast.Expression {
	for {
		switch x := e.(type) {
		case *ast.OptionalChain:
			e = x.Expression
		case *ast.Optional:
			e = x.Expression
		default:
			return e
		}
	}
}

// sameKeyMethods are string methods whose result is still the key.
var sameKeyMethods = map[string]bool{
	"trim": true, "trimStart": true, "trimEnd": true, "toString": true, "valueOf": true,
	"replace": true, "replaceAll": true,
}
