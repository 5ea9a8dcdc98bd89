package handlers

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/session"
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
	// Prefixes are the constant prefixes of the groups the route is
	// registered in (r.Group("/admin"), r.Route("/admin", …)).
	Prefixes []string
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
	// Consts are, for a call wrapping the handler (pm(h, "users:manage")),
	// its other constant string arguments: a permission or a role.
	Consts []string
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

		wrappers:   map[ast.Expr]*ast.CallExpr{},
		routerMemo: map[types.Object]routerCtx{},
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
	// wrappers maps the function expression of a call wrapping a handler
	// to the call: pm in pm(h, "users:manage").
	wrappers map[ast.Expr]*ast.CallExpr
	// routerMemo caches routerContext by router variable.
	routerMemo map[types.Object]routerCtx
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
// route-registering call names, and the gates of the functions that calls
// of routers the tables do not know register.
func (f *finder) registrations(file *ast.File) {
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, args := ASTCall(f.info, call)
		rt, fw := MatchRoute(fn)
		if rt == nil {
			f.unknownRegistration(call, fn)
			return true
		}
		if rt.Handler >= len(call.Args) {
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
			rc := f.routerContext(sel.X, 0)
			mws = append(mws, rc.mws...)
			reg.Prefixes = rc.paths
		}
		for _, e := range hs {
			f.register(e, reg, mws, 0)
		}
		return true
	})
}

// routerCtx is what a router expression carries: middleware and group
// prefixes.
type routerCtx struct {
	mws   []ast.Expr
	paths []string
}

func (rc *routerCtx) add(o routerCtx) {
	rc.mws = append(rc.mws, o.mws...)
	rc.paths = append(rc.paths, o.paths...)
}

// routerContext returns the middleware and prefixes that a router
// expression carries: r.With(a, b), a group made by r.Group("/x", a), the
// Use calls on the router variable, and — for a parameter of a function
// literal passed to a router's method (r.Route("/admin", func(r chi.Router)
// {…}), bundle.Route(func(b *routegroup.Bundle) {…})) — what that router
// carries. Methods the tables do not know (Mount, Group, Route, With of
// other routers) pass on their receiver's context and add their own
// middleware-typed arguments and constant prefixes.
func (f *finder) routerContext(e ast.Expr, depth int) routerCtx {
	var rc routerCtx
	if depth > 8 {
		return rc
	}
	e = astutil.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		fn, args := ASTCall(f.info, call)
		sel, isSel := astutil.Unparen(call.Fun).(*ast.SelectorExpr)
		if mw, _ := MatchMiddleware(fn); mw != nil && mw.Returns {
			if mw.First < len(call.Args) {
				rc.mws = append(rc.mws, call.Args[mw.First:]...)
			}
			for i := 0; i < mw.First && i < len(args); i++ {
				if args[i].IsConst {
					rc.paths = append(rc.paths, args[i].Const)
				}
			}
		} else if !isSel || !f.isRouterMethod(fn) {
			return rc
		} else {
			f.chainArgs(call, args, nil, &rc)
		}
		if isSel {
			rc.add(f.routerContext(sel.X, depth+1))
		}
		return rc
	}
	obj := rootObject(f.info, e)
	if obj == nil {
		return rc
	}
	if m, ok := f.routerMemo[obj]; ok {
		// Empty while it is computed: a cycle (r = r.With(mw)). Clipped:
		// callers append.
		return routerCtx{mws: slices.Clip(m.mws), paths: slices.Clip(m.paths)}
	}
	f.routerMemo[obj] = routerCtx{}
	defer func() { f.routerMemo[obj] = rc }()
	for _, use := range f.uses[obj] {
		fn, args := ASTCall(f.info, use)
		if mw, _ := MatchMiddleware(fn); mw != nil {
			if mw.First < len(use.Args) {
				rc.mws = append(rc.mws, use.Args[mw.First:]...)
			}
		} else {
			f.chainArgs(use, args, nil, &rc)
		}
	}
	if _, isVar := obj.(*types.Var); isVar {
		for _, def := range f.defs[obj] {
			rc.add(f.routerContext(def, depth+1))
		}
	}
	if call := f.scope[obj]; call != nil {
		// r is the router a group's closure is given: what the call's
		// receiver carries, and the call's own prefix and middleware.
		fn, args := ASTCall(f.info, call)
		if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok && f.isRouterMethod(fn) {
			f.chainArgs(call, args, nil, &rc)
			rc.add(f.routerContext(sel.X, depth+1))
		}
	}
	return rc
}

// isRouterMethod reports whether fn is a method that may configure or
// derive a router (not a function of the standard library or of the
// package's own non-method helpers).
func (f *finder) isRouterMethod(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil {
		return false
	}
	return !isStdlib(fn.Pkg().Path())
}

// isUnknownUse reports whether fn is a Use method of a router the tables do
// not know (routegroup's Bundle.Use, a project's own App.Use).
func isUnknownUse(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil || isStdlib(fn.Pkg().Path()) {
		return false
	}
	switch fn.Name() {
	case "Use", "UseMiddleware", "Middleware", "Before":
		return true
	}
	return false
}

// isStdlib reports whether an import path is in the standard library. A
// dot-less first element is not enough: modules are often named "myapp"
// or "server" (go mod init myapp).
func isStdlib(path string) bool { return IsStdlib(path) }

// IsStdlib reports whether an import path is in the standard library (a
// dot-less first element that is one of the standard library's).
func IsStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && stdRoots[first]
}

// stdRoots are the first elements of the standard library's import paths.
var stdRoots = map[string]bool{}

func init() {
	for _, r := range strings.Fields(`archive bufio bytes cmp compress container context crypto database debug
		embed encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime
		net os path plugin reflect regexp runtime slices sort strconv strings structs sync syscall testing
		text time unicode unique unsafe weak`) {
		stdRoots[r] = true
	}
}

// chainArgs adds a router call's constant strings (prefixes, patterns) and
// middleware-typed arguments to rc, except the expressions in skip.
func (f *finder) chainArgs(call *ast.CallExpr, args []Arg, skip func(ast.Expr) bool, rc *routerCtx) {
	for i, a := range call.Args {
		if skip != nil && skip(a) {
			continue
		}
		if i < len(args) && args[i].IsConst {
			rc.paths = append(rc.paths, args[i].Const)
			continue
		}
		if _, lit := astutil.Unparen(a).(*ast.FuncLit); lit {
			continue // a group's body, not middleware
		}
		if f.isMiddlewareExpr(a) {
			rc.mws = append(rc.mws, a)
		}
	}
}

// isMiddlewareExpr reports whether e may be middleware: a function, a
// handler, or a slice of them.
func (f *finder) isMiddlewareExpr(e ast.Expr) bool {
	t := f.info.TypeOf(e)
	if t == nil {
		return false
	}
	if sl, ok := t.Underlying().(*types.Slice); ok {
		t = sl.Elem()
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	return implementsHandler(t) || (TypeName{Pkg: pathHTTP, Name: "Handler"}).Matches(t)
}

// unknownRegistration records, for a call of a router the tables do not
// know that is given a function taking the request (app.Handle(method,
// path, h, mw...), bundle.HandleFunc("GET /x", h), router.GET(path,
// adminOnly(h))), the middleware and patterns it is registered with.
func (f *finder) unknownRegistration(call *ast.CallExpr, fn *types.Func) {
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion
	}
	if fn != nil && fn.Pkg() != nil && isStdlib(fn.Pkg().Path()) {
		return
	}
	if mw, _ := MatchMiddleware(fn); mw != nil {
		return // r.Use(h): h is middleware, not a route
	}
	var rc routerCtx
	found := false
	args := call.Args
	_, callArgs := ASTCall(f.info, call)
	for i, a := range args {
		f.handlerRefs(a, nil, 0, func(node ast.Node, wrappers []ast.Expr) {
			if !found {
				found = true
				f.chainArgs(call, callArgs, func(e ast.Expr) bool { return e == args[i] || f.refersToHandler(e) }, &rc)
				if sel, ok := astutil.Unparen(call.Fun).(*ast.SelectorExpr); ok && f.isRouterMethod(fn) {
					rc.add(f.routerContext(sel.X, 0))
				}
				if f.returnsHandler(call) {
					rc.mws = append(rc.mws, call.Fun) // a wrapper: adminOnly(h)
				}
			}
			f.gateOf(node).add(f, append(slices.Clip(rc.mws), wrappers...), rc.paths)
		})
	}
}

// returnsHandler reports whether a call's result is a handler or a
// function: the call wraps what it is given.
func (f *finder) returnsHandler(call *ast.CallExpr) bool {
	t := f.info.TypeOf(call)
	if t == nil {
		return false
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	return implementsHandler(t) || (TypeName{Pkg: pathHTTP, Name: "Handler"}).Matches(t)
}

func (f *finder) refersToHandler(e ast.Expr) bool {
	found := false
	f.handlerRefs(e, nil, 0, func(ast.Node, []ast.Expr) { found = true })
	return found
}

// handlerRefs resolves an argument to the functions of the package that
// take the request it names (a function, a method value, a literal, a
// conversion, or a call wrapping one: adminOnly(h)) and calls visit with
// each and the wrappers around it.
func (f *finder) handlerRefs(e ast.Expr, wrappers []ast.Expr, depth int, visit func(ast.Node, []ast.Expr)) {
	if depth > 4 {
		return
	}
	e = astutil.Unparen(e)
	switch x := e.(type) {
	case *ast.FuncLit:
		if sig, ok := f.info.TypeOf(x).(*types.Signature); ok && takesRequest(sig) {
			visit(x, wrappers)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if obj, ok := f.info.ObjectOf(identOf(x)).(*types.Func); ok {
			if d := f.decls[obj]; d != nil && takesRequest(obj.Signature()) {
				visit(d, wrappers)
			}
		}
	case *ast.CallExpr:
		if tv, ok := f.info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				f.handlerRefs(x.Args[0], wrappers, depth+1, visit)
			}
			return
		}
		f.wrappers[x.Fun] = x
		for _, a := range x.Args {
			f.handlerRefs(a, append(slices.Clip(wrappers), x.Fun), depth+1, visit)
		}
	}
}

// takesRequest reports whether a function has a parameter of the request's
// type (*http.Request, or a framework's handler context).
func takesRequest(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		if IsRequestType(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// TakesRequest reports whether a function has a parameter of the
// request's type (*http.Request, or a framework's handler context).
func TakesRequest(sig *types.Signature) bool { return takesRequest(sig) }

func (f *finder) gateOf(n ast.Node) *Gate {
	g := f.set.gates[n]
	if g == nil {
		g = &Gate{}
		f.set.gates[n] = g
	}
	return g
}

func (g *Gate) add(f *finder, mws []ast.Expr, paths []string) {
	for _, e := range mws {
		if slices.ContainsFunc(g.Middleware, func(m Middleware) bool { return m.Expr == e }) {
			continue
		}
		g.Middleware = append(g.Middleware, f.middleware(e))
	}
	for _, p := range paths {
		if !slices.Contains(g.Paths, p) {
			g.Paths = append(g.Paths, p)
		}
	}
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
					f.wrappers[x.Fun] = x
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
	paths := reg.Prefixes
	if reg.Path != "" {
		paths = append(slices.Clip(paths), reg.Path)
	}
	f.gateOf(h.Node).add(f, mws, paths)
	for _, e := range mws {
		if slices.ContainsFunc(h.Middleware, func(m Middleware) bool { return m.Expr == e }) {
			continue
		}
		h.Middleware = append(h.Middleware, f.middleware(e))
	}
}

func (f *finder) middleware(e ast.Expr) Middleware {
	m := Middleware{Expr: e, Name: shorten(types.ExprString(e))}
	if call := f.wrappers[e]; call != nil {
		_, args := ASTCall(f.info, call)
		for _, a := range args {
			if a.IsConst {
				m.Consts = append(m.Consts, a.Const)
			}
		}
	}
	var named string
	switch x := astutil.Unparen(e).(type) {
	case *ast.CallExpr:
		m.Func, _ = ASTCall(f.info, x)
		if fun, ok := astutil.Unparen(x.Fun).(*ast.CallExpr); ok && m.Func == nil {
			m.Func, _ = ASTCall(f.info, fun) // requireRole("admin")(h)
		}
	case *ast.Ident, *ast.SelectorExpr:
		obj := f.info.ObjectOf(identOf(x))
		if fn, ok := obj.(*types.Func); ok {
			m.Func = fn
		} else {
			named = identOf(x).Name
			if _, isVar := obj.(*types.Var); isVar {
				// authen := mid.Authenticate(cfg): what the name stands for.
				for _, def := range f.defs[obj] {
					m.Defs = append(m.Defs, shorten(types.ExprString(def)))
					if call, ok := astutil.Unparen(def).(*ast.CallExpr); ok && m.Func == nil {
						if fn, _ := ASTCall(f.info, call); fn != nil && !session.ContainsAny(named, AuthMiddlewareMarkers) {
							m.Func = fn
						}
					}
				}
			}
		}
	}
	if m.Func != nil {
		named = m.Func.Name()
	}
	m.Auth = named != "" && session.ContainsAny(named, AuthMiddlewareMarkers)
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
