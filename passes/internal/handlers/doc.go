// Package handlers knows the Go HTTP frameworks dypailint understands —
// net/http, chi, gorilla/mux, gin, echo and fiber — as data, and finds
// request handlers in a package.
//
// The framework surfaces (the handler's context type, the calls that read a
// query, form, path parameter, header, cookie or body, the calls that bind a
// body into a value, the calls that write a response, the calls that read
// the signed-in user's session, and the calls that register routes and
// middleware) are tables of [Framework] values, in the manner of gosec's
// taint configuration. A call is matched against them through its
// *types.Func — package path, receiver type name and method name — never by
// comparing type strings.
//
// Three layers use the tables:
//
//   - [Find] (also available as the [Analyzer] pass, whose result is a
//     [*Set]) lists the handler functions of a package: every function whose
//     signature is a handler's (func(http.ResponseWriter, *http.Request),
//     ServeHTTP methods, func(*gin.Context), func(echo.Context) error,
//     func(*fiber.Ctx) error), with its framework, where it is registered,
//     the middleware wrapping it there, and where it reads the signed-in
//     user's token or session (directly or through a helper in the same
//     package). [Set.Enclosing] answers "which handler is this code in".
//     [Set.GateOf] says what any function taking the request is registered
//     behind, also on routers the tables do not know (a project's own
//     app.Handle(method, path, h, mw...), go-pkgz/routegroup, httprouter):
//     the middleware passed with it, wrapping it or used on its router and
//     the routers that router was made from (closures of Route and Group
//     calls included), and the route patterns and group prefixes.
//   - [Classify] (for an *ast.CallExpr), [SessionReadOf], [IsRequestAPI]
//     and the Match functions (for a *types.Func: [MatchRead], [MatchBind],
//     [MatchWrite], [MatchSession], [MatchRoute], [MatchMiddleware])
//     classify one call as a request read (a source), a body bind, a
//     response write (a sink) or a session read. [ASTCall] and [SSACall]
//     give the called *types.Func and its arguments in the form they take.
//   - [Types] answers SSA questions about values: does this value come from
//     the request ([Types.RequestInput]), is this writer the response
//     ([Types.IsResponse]), is this value the verified session's
//     ([Types.FromSession]).
//
// The files: find.go (Find, the Set and its Handlers), registrations.go
// (routes, routers, gates and middleware), session.go (which handlers read
// the session), frameworks.go (the framework tables), call.go (classifying
// calls), ssa.go (Types), stdlib.go.
//
// The framework stand-ins under this package's testdata/src
// (github.com/gin-gonic/gin, github.com/labstack/echo/v4,
// github.com/go-chi/chi/v5, github.com/gofiber/fiber/v2 and v3,
// github.com/gorilla/mux, github.com/go-pkgz/routegroup,
// github.com/julienschmidt/httprouter) mimic the real APIs' signatures and have no
// behaviour; package handlerstest puts them, with the shared fixtures of
// package passtest (the fake DYPAI SDK), in front of a pass's own
// testdata/src.
package handlers
