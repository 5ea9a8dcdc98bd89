package handlers

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/astutil"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/internal/gostd"
)

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
	return !gostd.IsStdlib(fn.Pkg().Path())
}

// isUnknownUse reports whether fn is a Use method of a router the tables do
// not know (routegroup's Bundle.Use, a project's own App.Use).
func isUnknownUse(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() == nil || gostd.IsStdlib(fn.Pkg().Path()) {
		return false
	}
	switch fn.Name() {
	case "Use", "UseMiddleware", "Middleware", "Before":
		return true
	}
	return false
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
	if fn != nil && fn.Pkg() != nil && gostd.IsStdlib(fn.Pkg().Path()) {
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
				wrapped = true
			}
		}
		if wrapped {
			return
		}
		// An adapter of the project's own handler shape
		// (wrapper.Wrap(h.GetByID), h a func(echo.Context) Response): the
		// function it is given is registered behind the route's gate, as
		// on a router the tables do not know.
		f.handlerRefs(x, nil, 0, func(node ast.Node, wrappers []ast.Expr) {
			f.gateOf(node).add(f, append(slices.Clip(mws), wrappers...), reg.paths())
		})
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
	f.gateOf(h.Node).add(f, mws, reg.paths())
	for _, e := range mws {
		if slices.ContainsFunc(h.Middleware, func(m Middleware) bool { return m.Expr == e }) {
			continue
		}
		h.Middleware = append(h.Middleware, f.middleware(e))
	}
}

// paths are the group prefixes and the pattern a route is registered
// with.
func (reg Registration) paths() []string {
	if reg.Path == "" {
		return reg.Prefixes
	}
	return append(slices.Clip(reg.Prefixes), reg.Path)
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
