package handlers

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

// Arg is one argument of a call, as the name-based checks see it.
type Arg struct {
	Type types.Type
	// Const is the argument's constant string value, when it has one.
	Const   string
	IsConst bool
	// Name is the name of the variable, constant, field or type the
	// argument refers to (userKey, auth.ClaimsKey, ctxKey{}), or "".
	Name string

	Expr  ast.Expr  // set for AST calls
	Value ssa.Value // set for SSA calls
}

// ASTCall returns the function a call expression calls (nil for a dynamic
// call or a conversion) and its arguments, receiver excluded.
func ASTCall(info *types.Info, call *ast.CallExpr) (*types.Func, []Arg) {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	args := make([]Arg, len(call.Args))
	for i, e := range call.Args {
		args[i] = astArg(info, e)
	}
	return fn, args
}

func astArg(info *types.Info, e ast.Expr) Arg {
	a := Arg{Expr: e, Type: info.TypeOf(e)}
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		a.Const, a.IsConst = constant.StringVal(tv.Value), true
	}
	a.Name = exprName(info, e)
	return a
}

// exprName is the name an expression refers to: x, pkg.X, s.f, T{} or T(x).
func exprName(info *types.Info, e ast.Expr) string {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.CompositeLit:
		if n := namedOf(info.TypeOf(e)); n != nil {
			return n.Obj().Name()
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() {
			if n := namedOf(tv.Type); n != nil {
				return n.Obj().Name()
			}
		}
	case *ast.UnaryExpr:
		return exprName(info, e.X)
	}
	return ""
}

// SSACall returns the function a call calls (the static callee's object, or
// the interface method of an invoke-mode call; nil for dynamic calls and
// builtins) and its arguments, receiver excluded.
func SSACall(c *ssa.CallCommon) (*types.Func, []Arg) {
	fn := Callee(c)
	vals := c.Args
	if !c.IsInvoke() && fn != nil && fn.Signature().Recv() != nil && len(vals) > 0 {
		vals = vals[1:]
	}
	args := make([]Arg, len(vals))
	for i, v := range vals {
		args[i] = ssaArg(v)
	}
	return fn, args
}

// Callee returns the *types.Func a call calls, or nil.
func Callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if f := c.StaticCallee(); f != nil {
		if obj, ok := f.Object().(*types.Func); ok {
			return obj
		}
		// A bound method value or a wrapper: the method it calls.
		if f.Origin() != nil {
			if obj, ok := f.Origin().Object().(*types.Func); ok {
				return obj
			}
		}
	}
	return nil
}

// ArgValue returns the SSA value of Go-call argument i (or Receiver) of c,
// or nil.
func ArgValue(c *ssa.CallCommon, i int) ssa.Value {
	if c.IsInvoke() {
		if i == Receiver {
			return c.Value
		}
		if i >= 0 && i < len(c.Args) {
			return c.Args[i]
		}
		return nil
	}
	fn := Callee(c)
	off := 0
	if fn != nil && fn.Signature().Recv() != nil {
		off = 1
	}
	if i == Receiver {
		if off == 1 && len(c.Args) > 0 {
			return c.Args[0]
		}
		return nil
	}
	if i >= 0 && i+off < len(c.Args) {
		return c.Args[i+off]
	}
	return nil
}

// ArgIndex is the inverse of ArgValue: the Go-call index (or Receiver) of
// c.Args[k] (or of c.Value, for k == -1 in invoke mode).
func ArgIndex(c *ssa.CallCommon, k int) int {
	if c.IsInvoke() {
		if k < 0 {
			return Receiver
		}
		return k
	}
	fn := Callee(c)
	if fn != nil && fn.Signature().Recv() != nil {
		if k == 0 {
			return Receiver
		}
		return k - 1
	}
	return k
}

func ssaArg(v ssa.Value) Arg {
	a := Arg{Value: v, Type: v.Type()}
	base := ssautil.Strip(v, ssautil.Conversions)
	switch x := base.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			a.Const, a.IsConst = constant.StringVal(x.Value), true
		}
		if n := namedOf(x.Type()); n != nil {
			a.Name = n.Obj().Name()
		}
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok {
			a.Name = g.Name()
		}
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			a.Name = fieldName(fa.X.Type(), fa.Field)
		}
	case *ssa.Global:
		a.Name = x.Name()
	case *ssa.Parameter:
		a.Name = x.Name()
	case *ssa.Alloc:
		if n := namedOf(x.Type()); n != nil {
			a.Name = n.Obj().Name()
		}
	}
	if a.Name == "" {
		if n := namedOf(base.Type()); n != nil && n.Obj().Pkg() != nil {
			// Typed context keys: ctx.Value(userKey{}) built in a register.
			if _, isStruct := n.Underlying().(*types.Struct); isStruct {
				a.Name = n.Obj().Name()
			}
		}
	}
	return a
}

func fieldName(ptr types.Type, i int) string {
	t := ptr
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return ""
}

// key returns args[i]'s constant string value and whether it has one.
func key(args []Arg, i int) (string, bool) {
	if i < 0 || i >= len(args) {
		return "", false
	}
	return args[i].Const, args[i].IsConst
}

// SessionReadOf reports whether a call of fn with args reads the signed-in
// user's credentials, token or identity, and says what it reads:
// `the "Authorization" header`, `the "session" cookie`, `context value
// "user"`, `auth.UserFromContext`. It uses the frameworks' SessionRead
// tables (with the Session*Markers for the key) and, for other functions,
// the name heuristics: a function named like a session getter
// (UserFromContext, currentUser, GetClaims) or declared in an auth/session
// package, called with the request, its context or a framework context and
// otherwise only constants.
func SessionReadOf(fn *types.Func, args []Arg) (string, bool) {
	if fn == nil {
		return "", false
	}
	if s, _ := MatchSession(fn); s != nil {
		switch s.Kind {
		case Credentials:
			return FuncName(fn), true
		case Header:
			if k, ok := key(args, s.Key); ok && session.ContainsAny(k, session.HeaderMarkers) {
				return `the "` + k + `" header`, true
			}
		case Cookie:
			if k, ok := key(args, s.Key); ok && session.ContainsAny(k, session.CookieMarkers) {
				return `the "` + k + `" cookie`, true
			}
		case ContextValue:
			if s.Key >= 0 && s.Key < len(args) {
				a := args[s.Key]
				if a.IsConst && session.IsContextKey(a.Const) {
					return `context value "` + a.Const + `"`, true
				}
				if a.Name != "" && session.IsContextKey(a.Name) {
					return "context value " + a.Name, true
				}
			}
		}
		return "", false
	}
	if IsRequestAPI(fn) {
		return "", false
	}
	if !sessionArgs(args) {
		return "", false
	}
	if fn.Signature().Results().Len() == 0 {
		return "", false
	}
	if session.IsGetterName(fn.Name()) || isSessionPackage(fn) {
		return FuncName(fn), true
	}
	return "", false
}

// sessionArgs reports whether the arguments are the request (or its
// context, or a framework context), the response writer, and constants —
// and at least one of them is the request.
func sessionArgs(args []Arg) bool {
	req := false
	for _, a := range args {
		switch {
		case IsRequestType(a.Type) || isContextType(a.Type):
			req = true
		case a.IsConst, isResponseWriterType(a.Type):
		default:
			return false
		}
	}
	return req
}

func isSessionPackage(fn *types.Func) bool {
	words := []string{}
	if fn.Pkg() != nil {
		words = append(words, session.Normalize(fn.Pkg().Name()))
	}
	if r := recvName(fn); r != "" {
		words = append(words, session.Words(r)...)
	}
	for _, w := range words {
		for _, m := range session.PackageMarkers {
			if strings.Contains(w, m) {
				return true
			}
		}
	}
	return false
}

// IsRequestType reports whether t is *http.Request or a framework's handler
// context (*gin.Context, echo.Context, *fiber.Ctx).
func IsRequestType(t types.Type) bool {
	if t == nil {
		return false
	}
	if (TypeName{Pkg: pathHTTP, Name: "Request", Pointer: true}).Matches(t) {
		return true
	}
	return FrameworkOfContext(t) != nil
}

// FrameworkOfContext returns the framework whose handler context type is t.
func FrameworkOfContext(t types.Type) *Framework {
	for _, fw := range Frameworks {
		if fw.Context != nil && fw.Context.Matches(t) {
			return fw
		}
	}
	return nil
}

func isContextType(t types.Type) bool {
	return t != nil && (TypeName{Pkg: "context", Name: "Context"}).Matches(t)
}

func isResponseWriterType(t types.Type) bool {
	return t != nil && (TypeName{Pkg: pathHTTP, Name: "ResponseWriter"}).Matches(t)
}

// Class is what one call is to the request-handling surface. A call can be
// several things at once: r.Cookie("session") reads a request input and the
// session.
type Class struct {
	Func      *types.Func
	Framework *Framework // of the first entry that matched
	// Read is set for a call that reads a request input; Key is the
	// input's name when the argument naming it is a constant.
	Read *Read
	Key  string
	// Bind is set for a call that decodes the request into a value.
	Bind *Bind
	// Write is set for a call that writes to the client.
	Write *Write
	// Session says what the call reads of the signed-in user (see
	// SessionReadOf), or is "".
	Session string
}

// IsSource reports whether the call reads request input (a read or a bind).
func (c Class) IsSource() bool { return c.Read != nil || c.Bind != nil }

// IsSink reports whether the call writes to the client.
func (c Class) IsSink() bool { return c.Write != nil }

// Classify classifies a call expression. It sees only the call: entries
// that need their receiver to come from the request (url.Values.Get,
// http.Header.Get) or their writer to be the response (fmt.Fprintf,
// json.Encoder.Encode) match whatever the receiver or writer is — SSA users
// check with Types.RequestInput and Types.IsResponse.
func Classify(info *types.Info, call *ast.CallExpr) Class {
	fn, args := ASTCall(info, call)
	c := Class{Func: fn}
	if fn == nil {
		return c
	}
	set := func(fw *Framework) {
		if c.Framework == nil {
			c.Framework = fw
		}
	}
	if r, fw := MatchRead(fn); r != nil {
		c.Read = r
		set(fw)
		if k, ok := key(args, r.Key); ok {
			c.Key = k
		}
		if r.Kind == Unknown {
			// url.Values.Get: the kind of values the receiver holds.
			if k := receiverKind(info, call); k != Unknown {
				rr := *r
				rr.Kind = k
				c.Read = &rr
			}
		}
	}
	if b, fw := MatchBind(fn); b != nil {
		c.Bind = b
		set(fw)
	}
	if w, fw := MatchWrite(fn); w != nil {
		c.Write = w
		set(fw)
	}
	if what, ok := SessionReadOf(fn, args); ok {
		c.Session = what
		if _, fw := MatchSession(fn); fw != nil {
			set(fw)
		}
	}
	return c
}

// receiverKind tells the kind of a url.Values receiver from its expression:
// r.URL.Query() is Query, r.Form and r.PostForm are Form.
func receiverKind(info *types.Info, call *ast.CallExpr) Kind {
	sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return Unknown
	}
	switch x := astutil.Unparen(sel.X).(type) {
	case *ast.CallExpr:
		if fn, _ := ASTCall(info, x); fn != nil {
			if r, _ := MatchRead(fn); r != nil {
				return r.Kind
			}
		}
	case *ast.SelectorExpr:
		if k, ok := requestFieldKinds[x.Sel.Name]; ok {
			return k
		}
	}
	return Unknown
}
