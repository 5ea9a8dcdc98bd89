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
