package handlers

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"
)

// Handler is one request handler function.
type Handler struct {
	Framework *Framework
	// Node is the handler's *ast.FuncDecl or *ast.FuncLit.
	Node ast.Node
	// Func is the declared function or method; nil for a function literal.
	Func *types.Func
	// Name names the handler for messages: "ordersHandler",
	// "(*Server).Orders", "function literal".
	Name string
	// Params are the request-carrying parameters: (w, r) for net/http
	// handlers, c for the others. Unnamed parameters are nil.
	Params []*types.Var

	// Routes are the registrations found for the handler.
	Routes []Registration
	// SessionReads are the places where the handler, a closure inside it, or
	// a function of the package it calls with the request reads the
	// signed-in user's token, session or identity.
	SessionReads []SessionUse
	// Middleware is what wraps the handler at its registrations: wrapping
	// calls (requireAuth(h)), chi's With, the Use calls and Group middleware
	// of the router it is registered on.
	Middleware []Middleware
	// IsMiddleware is set for a handler that passes the request on
	// (c.Next(), next.ServeHTTP(w, r), next(c)).
	IsMiddleware bool
}

// Registration is a call that registers a handler.
type Registration struct {
	Call      *ast.CallExpr
	Framework *Framework
	Path      string // the route pattern when it is a constant
}

// SessionUse is one place where a handler reads the signed-in user.
type SessionUse struct {
	Pos token.Pos
	// What it reads: `the "Authorization" header`, `context value "user"`,
	// `auth.UserFromContext`, or `currentUser (the "session" cookie)` for a
	// helper of the package.
	What string
}

// Middleware is one middleware wrapping a handler.
type Middleware struct {
	Expr ast.Expr
	// Name is the middleware expression as written, shortened: "requireAuth",
	// `RequireRole("admin")`, "mw.JWT".
	Name string
	// Func is the function it calls or names, when known.
	Func *types.Func
	// Defs are, for a variable (authen := mid.Authenticate(cfg)), the
	// expressions assigned to it, shortened: what the name stands for.
	Defs []string
	// Auth is set when the middleware authenticates the user: its name says
	// so (AuthMiddlewareMarkers) or, for middleware of this package, its
	// body reads the session.
	Auth bool
}

// ReadsSession reports whether the handler reads the signed-in user's
// token, session or identity.
func (h *Handler) ReadsSession() bool { return len(h.SessionReads) > 0 }

// SignedIn reports whether the handler serves a signed-in user: it reads
// the session, or it is registered behind authentication middleware.
func (h *Handler) SignedIn() bool {
	return h.ReadsSession() || slices.ContainsFunc(h.Middleware, func(m Middleware) bool { return m.Auth })
}

// Body returns the handler's body.
func (h *Handler) Body() *ast.BlockStmt {
	switch n := h.Node.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// Set is the handlers of one package.
type Set struct {
	Handlers []*Handler
	byNode   map[ast.Node]*Handler
	gates    map[ast.Node]*Gate
}

// Gate is what a function is registered behind, on a router of the
// frameworks or on one the tables do not know (a project's own web
// package, go-pkgz/routegroup, httprouter): the middleware wrapping it at
// its registrations — passed with it (app.Handle("GET", "/users", h,
// authen, ruleAdmin)), wrapping it (adminOnly(h)), used on the router it
// is registered on or on the routers that router was made from
// (r.Use(AdminOnly) in the closure of r.Route("/admin", …)) — and the
// route patterns and group prefixes on the way ("/admin", "GET /user/{id}").
// It covers every function that takes the request, handler signature or
// not (func(ctx, *http.Request) web.Encoder).
type Gate struct {
	Middleware []Middleware
	Paths      []string
}

// GateOf returns what the function whose *ast.FuncDecl or *ast.FuncLit is
// n is registered behind, or nil when no registration of it was found.
func (s *Set) GateOf(n ast.Node) *Gate {
	if s == nil || n == nil {
		return nil
	}
	return s.gates[n]
}

// Of returns the handler whose *ast.FuncDecl or *ast.FuncLit is n, or nil.
func (s *Set) Of(n ast.Node) *Handler {
	if s == nil {
		return nil
	}
	return s.byNode[n]
}

// Enclosing returns the innermost handler whose body contains pos, or nil.
func (s *Set) Enclosing(pos token.Pos) *Handler {
	if s == nil {
		return nil
	}
	var best *Handler
	for _, h := range s.Handlers {
		b := h.Body()
		if b == nil || pos < b.Pos() || pos >= b.End() {
			continue
		}
		if best == nil || b.Pos() > best.Body().Pos() {
			best = h
		}
	}
	return best
}

// OfSSA returns the handler an SSA function is, or the handler it is a
// closure of (innermost first), or nil.
func (s *Set) OfSSA(fn *ssa.Function) *Handler {
	for f := fn; f != nil; f = f.Parent() {
		if h := s.Of(f.Syntax()); h != nil {
			return h
		}
	}
	return nil
}

// Analyzer finds the handlers of a package; its result is a *Set.
var Analyzer = &analysis.Analyzer{
	Name:       "dypaihandlers",
	Doc:        "find HTTP request handlers (net/http, chi, gorilla/mux, gin, echo, fiber) and whether they read the signed-in user's session",
	Run:        func(pass *analysis.Pass) (any, error) { return Find(pass), nil },
	ResultType: reflect.TypeFor[*Set](),
}

// Find returns the handlers of the package pass analyses.
func Find(pass *analysis.Pass) *Set {
	f := &finder{
		info:   pass.TypesInfo,
		decls:  map[*types.Func]*ast.FuncDecl{},
		defs:   map[types.Object][]ast.Expr{},
		uses:   map[types.Object][]*ast.CallExpr{},
		memo:   map[*types.Func]*sessionMemo{},
		set:    &Set{byNode: map[ast.Node]*Handler{}, gates: map[ast.Node]*Gate{}},
		bodies: map[ast.Node]bool{},
		scope:  map[types.Object]*ast.CallExpr{},
	}
	if !importsHTTP(pass.Pkg) {
		return f.set
	}
	for _, file := range pass.Files {
		f.index(file)
	}
	for _, file := range pass.Files {
		f.candidates(file)
	}
	for _, file := range pass.Files {
		f.registrations(file)
	}
	for _, h := range f.set.Handlers {
		f.session(h)
		f.refine(h)
	}
	return f.set
}

// importsHTTP reports whether pkg imports net/http or a framework: the
// cheap early exit. Handlers, request reads and response writes all name
// one of them.
func importsHTTP(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		p := stripMajor(imp.Path())
		for _, fw := range Frameworks {
			if p == stripMajor(fw.Path) {
				return true
			}
		}
	}
	return false
}

// ImportsHTTP reports whether pkg imports net/http or one of the
// frameworks: passes about handlers can stop early otherwise.
func ImportsHTTP(pkg *types.Package) bool { return importsHTTP(pkg) }

type finder struct {
	info  *types.Info
	decls map[*types.Func]*ast.FuncDecl
	// defs maps a variable to the expressions assigned to it.
	defs map[types.Object][]ast.Expr
	// uses maps a router variable to the middleware calls made on it.
	uses   map[types.Object][]*ast.CallExpr
	memo   map[*types.Func]*sessionMemo
	set    *Set
	bodies map[ast.Node]bool
	// scope maps a parameter of a function literal to the call the literal
	// is passed to: r in r.Route("/admin", func(r chi.Router) {…}).
	scope map[types.Object]*ast.CallExpr
}

type sessionMemo struct {
	busy bool
	what string
	ok   bool
}

func (f *finder) index(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if obj, ok := f.info.Defs[n.Name].(*types.Func); ok {
				f.decls[obj] = n
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if obj := f.info.ObjectOf(id); obj != nil {
							f.defs[obj] = append(f.defs[obj], n.Rhs[i])
						}
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if obj := f.info.ObjectOf(id); obj != nil {
						f.defs[obj] = append(f.defs[obj], n.Values[i])
					}
				}
			}
		case *ast.CallExpr:
			fn, _ := ASTCall(f.info, n)
			mw, _ := MatchMiddleware(fn)
			if mw != nil && !mw.Returns || mw == nil && isUnknownUse(fn) {
				if sel, ok := astutil.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if obj := rootObject(f.info, sel.X); obj != nil {
						f.uses[obj] = append(f.uses[obj], n)
					}
				}
			}
			for _, a := range n.Args {
				if lit, ok := astutil.Unparen(a).(*ast.FuncLit); ok {
					for _, fld := range lit.Type.Params.List {
						for _, id := range fld.Names {
							if obj := f.info.Defs[id]; obj != nil {
								f.scope[obj] = n
							}
						}
					}
				}
			}
		}
		return true
	})
}

// rootObject is the variable an expression like r, s.router or (r) names.
func rootObject(info *types.Info, e ast.Expr) types.Object {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return info.ObjectOf(e.Sel)
	}
	return nil
}

// handlerSig reports whether sig is a handler's signature, and whose.
func handlerSig(sig *types.Signature) (*Framework, bool) {
	if sig == nil {
		return nil, false
	}
	p, r := sig.Params(), sig.Results()
	if p.Len() == 2 && r.Len() == 0 && isResponseWriterType(p.At(0).Type()) &&
		(TypeName{Pkg: pathHTTP, Name: "Request", Pointer: true}).Matches(p.At(1).Type()) {
		return NetHTTP, true
	}
	if p.Len() != 1 {
		return nil, false
	}
	fw := FrameworkOfContext(p.At(0).Type())
	if fw == nil {
		return nil, false
	}
	if fw.ReturnsError {
		if r.Len() != 1 || !types.Identical(r.At(0).Type(), types.Universe.Lookup("error").Type()) {
			return nil, false
		}
	} else if r.Len() != 0 {
		return nil, false
	}
	return fw, true
}

func (f *finder) candidates(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		var sig *types.Signature
		var obj *types.Func
		var name string
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			obj, _ = f.info.Defs[n.Name].(*types.Func)
			if obj == nil {
				return true
			}
			sig = obj.Signature()
			name = n.Name.Name
			if recv := sig.Recv(); recv != nil {
				if nt := namedOf(recv.Type()); nt != nil {
					if _, ptr := types.Unalias(recv.Type()).(*types.Pointer); ptr {
						name = "(*" + nt.Obj().Name() + ")." + name
					} else {
						name = nt.Obj().Name() + "." + name
					}
				}
			}
		case *ast.FuncLit:
			sig, _ = f.info.TypeOf(n).(*types.Signature)
			name = "function literal"
		default:
			return true
		}
		fw, ok := handlerSig(sig)
		if !ok {
			return true
		}
		h := &Handler{Framework: fw, Node: n, Func: obj, Name: name}
		for i := range sig.Params().Len() {
			if v := sig.Params().At(i); v.Name() != "" && v.Name() != "_" {
				h.Params = append(h.Params, v)
			} else {
				h.Params = append(h.Params, nil)
			}
		}
		f.set.Handlers = append(f.set.Handlers, h)
		f.set.byNode[n] = h
		return true
	})
}

// registrations records the routes and middleware of every handler that a
// route-registering call names.
func (f *finder) registrations(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, args := ASTCall(f.info, call)
		rt, fw := MatchRoute(fn)
		if rt == nil || rt.Handler >= len(call.Args) {
			return true
		}
		reg := Registration{Call: call, Framework: fw}
		if p, ok := key(args, rt.Handler-1); ok {
			reg.Path = p
		}
		var mws []ast.Expr
		hs := call.Args[rt.Handler:]
		if rt.Chain && len(hs) > 1 {
			mws = append(mws, hs[:len(hs)-1]...)
			hs = hs[len(hs)-1:]
		} else if rt.MW != NoArg {
			if rt.MW < len(call.Args) {
				mws = append(mws, call.Args[rt.MW:]...)
			}
			hs = hs[:1]
		} else {
			hs = hs[:1]
		}
		if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			mws = append(mws, f.routerMiddleware(sel.X, 0)...)
		}
		for _, e := range hs {
			f.register(e, reg, mws, 0)
		}
		return true
	})
}

// routerMiddleware returns the middleware that a router expression carries:
// r.With(a, b), a group made by r.Group("/x", a), and the Use calls on the
// router variable.
func (f *finder) routerMiddleware(e ast.Expr, depth int) []ast.Expr {
	if depth > 8 {
		return nil
	}
	e = astutil.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		fn, _ := ASTCall(f.info, call)
		if mw, _ := MatchMiddleware(fn); mw != nil && mw.Returns {
			var out []ast.Expr
			if mw.First < len(call.Args) {
				out = append(out, call.Args[mw.First:]...)
			}
			if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				out = append(out, f.routerMiddleware(sel.X, depth+1)...)
			}
			return out
		}
		return nil
	}
	obj := rootObject(f.info, e)
	if obj == nil {
		return nil
	}
	var out []ast.Expr
	for _, use := range f.uses[obj] {
		fn, _ := ASTCall(f.info, use)
		if mw, _ := MatchMiddleware(fn); mw != nil && mw.First < len(use.Args) {
			out = append(out, use.Args[mw.First:]...)
		}
	}
	if _, isVar := obj.(*types.Var); isVar {
		for _, def := range f.defs[obj] {
			out = append(out, f.routerMiddleware(def, depth+1)...)
		}
	}
	return out
}

// register resolves a handler expression (a function, a method value, a
// literal, a conversion, a middleware call wrapping one, or a factory call
// returning one) and records the registration on the handlers it finds.
func (f *finder) register(e ast.Expr, reg Registration, mws []ast.Expr, depth int) {
	if depth > 6 {
		return
	}
	e = astutil.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		f.attach(f.set.Of(x), reg, mws)
	case *ast.Ident, *ast.SelectorExpr:
		obj := f.info.ObjectOf(identOf(x))
		switch obj := obj.(type) {
		case *types.Func:
			if d := f.decls[obj]; d != nil {
				f.attach(f.set.Of(d), reg, mws)
			}
		case *types.Var:
			for _, def := range f.defs[obj] {
				f.register(def, reg, mws, depth+1)
			}
		}
	case *ast.CallExpr:
		if tv, ok := f.info.Types[x.Fun]; ok && tv.IsType() {
			// http.HandlerFunc(h)
			if len(x.Args) == 1 {
				f.register(x.Args[0], reg, mws, depth+1)
			}
			return
		}
		// A middleware wrapping a handler, or an adapter (gin.WrapF(h)):
		// register what it wraps.
		wrapped := false
		for _, a := range x.Args {
			if f.isHandlerExpr(a) {
				if !isAdapter(f.info, x) {
					mws = append(slices.Clip(mws), x.Fun)
				}
				f.register(a, reg, mws, depth+1)
				wrapped = true
			}
		}
		if wrapped {
			return
		}
		// A factory returning a handler: ordersHandler(store).
		fn, _ := ASTCall(f.info, x)
		if d := f.decls[fn]; d != nil && d.Body != nil {
			for _, lit := range returnedFuncLits(d.Body) {
				f.attach(f.set.Of(lit), reg, mws)
			}
		}
	}
}

func identOf(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// isAdapter reports whether call converts a net/http handler for a
// framework (gin.WrapF, echo.WrapHandler): not middleware.
func isAdapter(info *types.Info, call *ast.CallExpr) bool {
	fn, _ := ASTCall(info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	for _, fw := range Frameworks {
		if fw != NetHTTP && stripMajor(fn.Pkg().Path()) == stripMajor(fw.Path) {
			return true
		}
	}
	return false
}

// isHandlerExpr reports whether e has a handler's type or http.Handler's.
func (f *finder) isHandlerExpr(e ast.Expr) bool {
	t := f.info.TypeOf(e)
	if t == nil {
		return false
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		_, ok := handlerSig(sig)
		return ok
	}
	return (TypeName{Pkg: pathHTTP, Name: "Handler"}).Matches(t) || implementsHandler(t)
}

func implementsHandler(t types.Type) bool {
	ms := types.NewMethodSet(t)
	sel := ms.Lookup(nil, "ServeHTTP")
	if sel == nil {
		return false
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		return false
	}
	_, ok = handlerSig(fn.Signature())
	return ok
}

// returnedFuncLits returns the function literals a body returns directly.
func returnedFuncLits(body *ast.BlockStmt) []*ast.FuncLit {
	var out []*ast.FuncLit
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				r = astutil.Unparen(r)
				if c, ok := r.(*ast.CallExpr); ok && len(c.Args) == 1 {
					r = astutil.Unparen(c.Args[0]) // http.HandlerFunc(func…)
				}
				if lit, ok := r.(*ast.FuncLit); ok {
					out = append(out, lit)
				}
			}
		}
		return true
	})
	return out
}

func (f *finder) attach(h *Handler, reg Registration, mws []ast.Expr) {
	if h == nil {
		return
	}
	h.Routes = append(h.Routes, reg)
	if reg.Framework != NetHTTP && h.Framework == NetHTTP {
		h.Framework = reg.Framework
	}
	for _, e := range mws {
		if slices.ContainsFunc(h.Middleware, func(m Middleware) bool { return m.Expr == e }) {
			continue
		}
		h.Middleware = append(h.Middleware, f.middleware(e))
	}
}

func (f *finder) middleware(e ast.Expr) Middleware {
	m := Middleware{Expr: e, Name: shorten(types.ExprString(e))}
	var named string
	switch x := astutil.Unparen(e).(type) {
	case *ast.CallExpr:
		m.Func, _ = ASTCall(f.info, x)
		if fun, ok := astutil.Unparen(x.Fun).(*ast.CallExpr); ok && m.Func == nil {
			m.Func, _ = ASTCall(f.info, fun) // requireRole("admin")(h)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := f.info.ObjectOf(identOf(x)).(*types.Func); ok {
			m.Func = fn
		} else {
			named = identOf(x).Name
		}
	}
	if m.Func != nil {
		named = m.Func.Name()
	}
	m.Auth = named != "" && containsAny(named, AuthMiddlewareMarkers)
	if !m.Auth && m.Func != nil {
		if d := f.decls[m.Func]; d != nil && d.Body != nil {
			_, m.Auth = f.bodyReadsSession(d.Body, 0)
		}
	}
	return m
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// session records where h reads the signed-in user.
func (f *finder) session(h *Handler) {
	body := h.Body()
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if what, ok := f.callReadsSession(call, 0); ok {
			h.SessionReads = append(h.SessionReads, SessionUse{Pos: call.Pos(), What: what})
		}
		if !h.IsMiddleware && f.passesOn(call) {
			h.IsMiddleware = true
		}
		return true
	})
}

// callReadsSession classifies one call; for a function of the package
// called with the request, it looks into the function's body.
func (f *finder) callReadsSession(call *ast.CallExpr, depth int) (string, bool) {
	fn, args := ASTCall(f.info, call)
	if what, ok := SessionReadOf(fn, args); ok {
		return what, true
	}
	if fn == nil || depth > 4 {
		return "", false
	}
	d := f.decls[fn]
	if d == nil || d.Body == nil || !passesRequest(args) {
		return "", false
	}
	m := f.memo[fn]
	if m == nil {
		m = &sessionMemo{busy: true}
		f.memo[fn] = m
		m.what, m.ok = f.bodyReadsSession(d.Body, depth+1)
		m.busy = false
	} else if m.busy {
		return "", false
	}
	if !m.ok {
		return "", false
	}
	return fn.Name() + " (" + m.what + ")", true
}

func (f *finder) bodyReadsSession(body *ast.BlockStmt, depth int) (string, bool) {
	var what string
	var found bool
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			what, found = f.callReadsSession(call, depth)
		}
		return !found
	})
	return what, found
}

// passesRequest reports whether a call passes the request, its context or a
// framework context.
func passesRequest(args []Arg) bool {
	for _, a := range args {
		if IsRequestType(a.Type) || isContextType(a.Type) {
			return true
		}
	}
	return false
}

// passesOn reports whether a call hands the request to the next handler.
func (f *finder) passesOn(call *ast.CallExpr) bool {
	fn, args := ASTCall(f.info, call)
	if fn != nil && fn.Name() == "Next" && fn.Signature().Recv() != nil && FrameworkOfContext(fn.Signature().Recv().Type()) != nil {
		return true
	}
	if fn != nil && fn.Name() == "ServeHTTP" && len(args) == 2 {
		return true
	}
	// next(c) in echo middleware: a call of a handler-typed value.
	if fn == nil {
		if t := f.info.TypeOf(call.Fun); t != nil {
			if sig, ok := t.Underlying().(*types.Signature); ok {
				if _, ok := handlerSig(sig); ok {
					return true
				}
			}
		}
	}
	return false
}

// refine settles the framework of a net/http handler that was never
// registered on a chi or gorilla router but reads their path parameters.
func (f *finder) refine(h *Handler) {
	if h.Framework != NetHTTP {
		return
	}
	body := h.Body()
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if h.Framework != NetHTTP {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			fn, _ := ASTCall(f.info, call)
			if r, fw := MatchRead(fn); r != nil && (fw == Chi || fw == Mux) {
				h.Framework = fw
			}
		}
		return true
	})
}
