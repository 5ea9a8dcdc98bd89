package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/token"

	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// member is the value of v.name; an env read goes to the checks.
func (w *Walker) member(v *Value, name string, at file.Idx) *Value {
	if v == nil {
		return nil
	}
	prof := w.prof
	switch v.Kind {
	case SDKNamespace:
		if slices.Contains(prof.JSConstructors, name) {
			return &Value{Kind: Constructor, Str: name}
		}
	case Object, Instance:
		return v.Props[name]
	case ServerNamespace:
		return serverMember(v, name)
	case Client:
		switch name {
		case prof.JSAPIField:
			return &Value{Kind: API, Client: v.Client}
		case prof.JSAuthField:
			return &Value{Kind: Auth, Client: v.Client}
		}
	case Process, ImportMeta, Deno:
		if name == "env" {
			return &Value{Kind: Env, Expr: map[Kind]string{Process: "process.env", ImportMeta: "import.meta.env", Deno: "Deno.env"}[v.Kind]}
		}
	case Env:
		w.checks.EnvRead(name, at)
		return &Value{Kind: EnvVar, Str: name, Expr: v.Expr + "." + name}
	}
	return nil
}

// expr evaluates an expression to what the rules know of its value (nil
// when nothing), walking what it contains.
func (w *Walker) expr(e ast.Expression) *Value {
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.Identifier:
		return w.ident(e)
	case *ast.MetaProperty:
		if e.Meta != nil && e.Property != nil && e.Meta.Name == "import" && e.Property.Name == "meta" {
			return &Value{Kind: ImportMeta}
		}
		return nil
	case *ast.StringLiteral:
		return &Value{Kind: String, Str: string(e.Value)}
	case *ast.TemplateLiteral:
		return w.template(e)
	case *ast.DotExpression:
		return w.dot(e)
	case *ast.PrivateDotExpression:
		w.expr(e.Left)
		return nil
	case *ast.BracketExpression:
		return w.bracket(e)
	case *ast.OptionalChain:
		return w.expr(e.Expression)
	case *ast.Optional:
		return w.expr(e.Expression)
	case *ast.AwaitExpression:
		return w.expr(e.Argument)
	case *ast.SequenceExpression:
		var v *Value
		for _, x := range e.Sequence {
			v = w.expr(x)
		}
		return v
	case *ast.ConditionalExpression:
		return w.conditional(e)
	case *ast.BinaryExpression:
		return w.binary(e)
	case *ast.AssignExpression:
		return w.assign(e)
	case *ast.FunctionLiteral:
		return w.function(e)
	case *ast.ArrowFunctionLiteral:
		return w.arrow(e)
	case *ast.ObjectLiteral:
		return &Value{Kind: Object, Obj: e, Props: w.object(e)}
	case *ast.CallExpression:
		return w.call(e)
	case *ast.NewExpression:
		return w.newExpr(e)
	case *ast.ClassLiteral:
		return w.class(e)
	case *ast.ThisExpression:
		if w.cls != nil {
			return &Value{Kind: Instance, Props: w.cls.Props}
		}
		return nil
	}
	jsast.EachChild(e, w.node)
	return nil
}

// ident is what a name holds: its binding, or the globals the rules know.
func (w *Walker) ident(e *ast.Identifier) *Value {
	if b := w.sc.Lookup(string(e.Name)); b != nil {
		return b.Value
	}
	switch e.Name {
	case "process":
		return &Value{Kind: Process}
	case "Deno":
		return &Value{Kind: Deno}
	}
	return nil
}

// template is a template literal's value: a string when it has no
// substitution, else its first element as a known prefix.
func (w *Walker) template(e *ast.TemplateLiteral) *Value {
	var parts []*Value
	for _, x := range e.Expressions {
		parts = append(parts, PartOf(w.expr(x), x))
	}
	if e.Tag != nil {
		w.expr(e.Tag)
		return nil
	}
	if len(e.Expressions) == 0 && len(e.Elements) == 1 {
		return &Value{Kind: String, Str: string(e.Elements[0].Parsed)}
	}
	if len(e.Elements) > 0 {
		// A prefix is enough to name the endpoint and see a query;
		// the substitutions say whether it carries a key.
		return &Value{Kind: String, Str: string(e.Elements[0].Parsed), Expr: "template", Parts: parts}
	}
	return nil
}

// dot is x.name: a member, a session read or an env variable.
func (w *Walker) dot(e *ast.DotExpression) *Value {
	base := w.expr(e.Left)
	name := string(e.Identifier.Name)
	w.checks.Member(e.Left, name, e.Identifier.Idx)
	if (base == nil || base.Kind != Env) && envName(name) {
		// A validated env object (t3-env's env.VITE_X, Expo's
		// Constants.expoConfig.extra.EXPO_PUBLIC_X) holds the same
		// variables the bundler inlines.
		w.checks.EnvRead(name, e.Identifier.Idx)
	}
	return w.member(base, name, e.Identifier.Idx)
}

// bracket is x["name"], followed like x.name when the key is constant.
func (w *Walker) bracket(e *ast.BracketExpression) *Value {
	base := w.expr(e.Left)
	m := w.expr(e.Member)
	if m != nil && m.Kind == String && m.Expr == "" {
		w.checks.Member(e.Left, m.Str, e.Member.Idx0())
		return w.member(base, m.Str, e.Member.Idx0())
	}
	return nil
}

// conditional is c ? a : b: the interesting branch, or either key.
func (w *Walker) conditional(e *ast.ConditionalExpression) *Value {
	w.expr(e.Test)
	a, b := w.expr(e.Consequent), w.expr(e.Alternate)
	if Interesting(a) {
		return a
	}
	if !Interesting(b) && (keyish(a) || keyish(b)) {
		return OneOf(PartOf(a, e.Consequent), PartOf(b, e.Alternate)) // dev ? serviceKey : anonKey
	}
	return b
}

// binary follows the alternatives of ||, ?? and && and the concatenation
// of a string with a key.
func (w *Walker) binary(e *ast.BinaryExpression) *Value {
	l, r := w.expr(e.Left), w.expr(e.Right)
	if e.Operator == token.LOGICAL_OR || e.Operator == token.COALESCE || e.Operator == token.LOGICAL_AND {
		if Interesting(r) {
			return r
		}
		if Interesting(l) {
			return l
		}
		if e.Operator != token.LOGICAL_AND && (keyish(l) || keyish(r)) {
			// process.env.SERVICE_KEY ?? process.env.ANON_KEY: either
			// may be the key.
			return OneOf(PartOf(l, e.Left), PartOf(r, e.Right))
		}
	}
	if e.Operator == token.PLUS && l != nil && l.Kind == String {
		// "Bearer " + key
		return &Value{Kind: String, Str: l.Str, Expr: "template", Parts: []*Value{l, PartOf(r, e.Right)}}
	}
	return nil
}

// assign binds a = v, records this.field = v in a constructor and sees a
// key header set by index (headers["X-API-KEY"] = key).
func (w *Walker) assign(e *ast.AssignExpression) *Value {
	v := w.expr(e.Right)
	if e.Operator == token.ASSIGN {
		switch t := e.Left.(type) {
		case *ast.Identifier, *ast.ObjectPattern, *ast.ArrayPattern:
			w.bind(t, v, true)
			return v
		case *ast.DotExpression:
			// this.admin = createClient(url, key), in a constructor
			if _, ok := t.Left.(*ast.ThisExpression); ok {
				w.field(string(t.Identifier.Name), v)
				return v
			}
		case *ast.BracketExpression:
			// headers["X-API-KEY"] = key
			w.expr(t.Left)
			if m := w.expr(t.Member); m != nil && m.Kind == String && w.prof.IsKeyHeader(m.Str) {
				w.checks.KeyHeader(t.Member.Idx0(), m.Str, v, e.Right)
			}
			return v
		}
	}
	w.expr(e.Left)
	return v
}

// newExpr is new C(...): an instance of a class, a server-only SDK client
// (DYP105) or a server SDK's factory.
func (w *Walker) newExpr(e *ast.NewExpression) *Value {
	c := w.expr(e.Callee)
	args := make([]*Value, len(e.ArgumentList))
	for i, x := range e.ArgumentList {
		args[i] = w.expr(x)
	}
	switch {
	case c == nil:
	case c.Kind == Class:
		return &Value{Kind: Instance, Props: c.Props}
	case c.Kind == ServerConstructor:
		w.checks.ServerConstruct(e.Idx0(), e.Callee, c, e.ArgumentList, args, true)
	case c.Kind == ServerNamespace:
		return c // new Mailgun(FormData): the factory whose client() builds
	}
	return nil
}

// class walks a class body with this bound to its instances, and returns
// the class as a Class value whose props are what the constructor and the
// field initialisers store on this.
func (w *Walker) class(cl *ast.ClassLiteral) *Value {
	if w.classes == nil {
		w.classes = map[ast.Node]*Value{}
	}
	v := w.classes[cl]
	if v == nil {
		v = &Value{Kind: Class, Props: map[string]*Value{}}
		w.classes[cl] = v
	}
	saved := w.cls
	w.expr(cl.SuperClass)
	w.cls = v
	for _, el := range cl.Body {
		if fd, ok := el.(*ast.FieldDefinition); ok && !fd.Static && !fd.Computed && fd.Initializer != nil {
			if name := fieldName(fd.Key); name != "" {
				w.field(name, w.expr(fd.Initializer))
				continue
			}
		}
		jsast.EachChild(el, w.node)
	}
	w.cls = saved
	return v
}

// classDecl walks a class declaration and binds its name to the class.
func (w *Walker) classDecl(cd *ast.ClassDeclaration) {
	v := w.class(cd.Class)
	if cd.Class.Name != nil {
		if b := w.sc.Lookup(string(cd.Class.Name.Name)); b != nil {
			b.Value = v
		}
	}
}

// field records what the class being walked stores in this.name. The first
// interesting value stays: a later this.admin = null (a dispose method)
// does not hide the client.
func (w *Walker) field(name string, v *Value) {
	if w.cls == nil || v == nil {
		return
	}
	if old := w.cls.Props[name]; old != nil && Interesting(old) && !Interesting(v) {
		return
	}
	w.cls.Props[name] = v
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

// object walks an object literal, tells the checks of an API-key header
// in it and returns the values of its static keys.
func (w *Walker) object(o *ast.ObjectLiteral) map[string]*Value {
	var props map[string]*Value
	set := func(k string, v *Value) {
		if v == nil {
			return
		}
		if props == nil {
			props = map[string]*Value{}
		}
		props[k] = v
	}
	for _, p := range o.Value {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			var v *Value
			if p.Computed {
				w.expr(p.Key)
			}
			v = w.expr(p.Value)
			if k, ok := jsast.PropName(p); ok {
				set(k, PartOf(v, p.Value))
				if w.prof.IsKeyHeaderKey(k) {
					w.checks.KeyHeader(p.Key.Idx0(), k, v, p.Value)
				}
			}
		case *ast.PropertyShort:
			v := w.expr(&p.Name)
			if p.Initializer != nil {
				w.expr(p.Initializer)
			}
			set(string(p.Name.Name), PartOf(v, &p.Name))
			if w.prof.IsKeyHeaderKey(string(p.Name.Name)) {
				w.checks.KeyHeader(p.Name.Idx, string(p.Name.Name), v, &p.Name)
			}
		case *ast.SpreadElement:
			w.expr(p.Expression)
		default:
			w.node(p)
		}
	}
	return props
}

// exprName is the name an expression reads its value from: a variable, a
// property (config.serviceKey, env["SERVICE_KEY"]) or a called function
// (getServiceRoleKey()); "" when it has none.
func ExprName(e ast.Expression) string {
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
		return ExprName(UnwrapOptional(x.Callee))
	case *ast.OptionalChain:
		return ExprName(x.Expression)
	case *ast.Optional:
		return ExprName(x.Expression)
	case *ast.AwaitExpression:
		return ExprName(x.Argument)
	}
	return ""
}

func (w *Walker) call(e *ast.CallExpression) *Value {
	// Evaluate the callee once: a method call's receiver is walked here,
	// not again below (promise chains would otherwise cost 2^depth).
	var base, callee *Value
	d, isDot := UnwrapOptional(e.Callee).(*ast.DotExpression)
	if isDot {
		base = w.expr(d.Left)
		callee = w.member(base, string(d.Identifier.Name), d.Identifier.Idx)
	} else {
		callee = w.expr(e.Callee)
	}
	if isDot {
		w.checks.Calling(e, string(d.Identifier.Name))
	}
	args := make([]*Value, len(e.ArgumentList))
	for i, x := range e.ArgumentList {
		args[i] = w.expr(x)
	}
	w.checks.Called(e, base, callee)
	if id, ok := e.Callee.(*ast.Identifier); ok && BundleName(string(id.Name)) == "__publicField" && len(args) == 3 && args[1] != nil && args[1].Kind == String {
		// esbuild's lowering of a class field: __publicField(this, "admin", value)
		if _, ok := e.ArgumentList[0].(*ast.ThisExpression); ok {
			w.field(args[1].Str, args[2])
			return args[2]
		}
	}
	if callee != nil {
		switch callee.Kind {
		case Constructor:
			return w.checks.Construct(e, callee.Str, args)
		case ServerConstructor:
			w.checks.ServerConstruct(e.Idx0(), e.Callee, callee, e.ArgumentList, args, false)
			return nil
		case Func:
			if callee.Ret != nil {
				return w.checks.HelperClient(e, callee.Ret, args)
			}
			if KeyPrivilege(w.prof, callee.KeyRet, 0) == sdk.PrivUnknown {
				// requireEnv("SUPABASE_SERVICE_ROLE_KEY") reading process.env[name]
				if v := envAccessor(ExprName(e.Callee), args); v != nil {
					return v
				}
			}
			return callee.KeyRet
		}
	}
	if isDot && base != nil {
		method := string(d.Identifier.Name)
		switch {
		case (base.Kind == API || base.Kind == Auth) && w.checks.ClientCall(e, base, method, args):
			return nil
		case base.Kind == Env && method == "get" && len(args) > 0 && args[0] != nil && args[0].Kind == String && args[0].Expr == "":
			// Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")
			w.checks.EnvRead(args[0].Str, e.ArgumentList[0].Idx0())
			return &Value{Kind: EnvVar, Str: args[0].Str, Expr: fmt.Sprintf("%s.get(%q)", base.Expr, args[0].Str)}
		case keyish(base) && sameKeyMethods[method]:
			// key.trim(), key.replace(/\s+/g, "")
			if base.Kind == String {
				return &Value{Kind: String, Str: base.Str, Expr: "template", Parts: base.Parts}
			}
			return base
		}
	}
	if isDot && (d.Identifier.Name == "set" || d.Identifier.Name == "append" || d.Identifier.Name == "setRequestHeader") && len(args) >= 2 &&
		args[0] != nil && args[0].Kind == String && w.prof.IsKeyHeader(args[0].Str) {
		w.checks.KeyHeader(e.ArgumentList[0].Idx0(), args[0].Str, args[1], e.ArgumentList[1]) // headers.set("X-API-KEY", key)
		return nil
	}
	if callee == nil && !isDot {
		if id, ok := e.Callee.(*ast.Identifier); ok {
			if id.Name == "String" && len(args) == 1 && w.sc.Lookup("String") == nil {
				return PartOf(args[0], e.ArgumentList[0]) // String(process.env.KEY ?? "")
			}
			if v := envAccessor(string(id.Name), args); v != nil {
				return v
			}
		}
	}
	w.checks.OtherCall(e, args)
	return nil
}

// envAccessor reads a call of a project's env helper — a function whose
// name mentions env, given a variable's name: getEnv("SERVICE_ROLE_KEY"),
// requireEnv(...) — as the variable's value.
func envAccessor(fn string, args []*Value) *Value {
	if len(args) == 0 || args[0] == nil || args[0].Kind != String || args[0].Expr != "" ||
		!strings.Contains(strings.ToLower(fn), "env") || !envName(args[0].Str) {
		return nil
	}
	return &Value{Kind: EnvVar, Str: args[0].Str, Expr: fmt.Sprintf("%s(%q)", fn, args[0].Str)}
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

func UnwrapOptional(e ast.Expression) ast.Expression {
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

// bundleName is an identifier of the bundle as written in the source:
// esbuild renames colliding top-level names by appending a number.
func BundleName(name string) string {
	if trimmed := strings.TrimRight(name, "0123456789"); trimmed != "" {
		return trimmed
	}
	return name
}
