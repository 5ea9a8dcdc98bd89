package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/internal/jsscan/eval"
	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// A function that gets the signed-in user — a Next.js route handler or
// server action calling auth(), getServerSession() or the user client's
// auth.getUser(), an API route reading the Authorization header or the
// session cookie — serves that user. An API-key call inside it acts for
// the user with the server's key (DYP301, as for Go handlers): the JWT it
// already holds should be forwarded instead. The names come from
// analyzer/session, shared with the Go passes.

// sessionRead is where a function gets the signed-in user.
type sessionRead struct {
	at  file.Idx
	why string // `it calls auth()`, `it reads the "authorization" header`
}

// knownGetters are session getters whose names the word rule misses
// (their first word is not a session word): next-auth, iron-session, the
// T3 stack, Kinde.
var knownGetters = []string{"getServerSession", "getServerAuthSession", "getIronSession", "getKindeServerSession", "unstable_getServerSession"}

// implicitWords are the words (after verb prefixes) of getters that read
// the request implicitly when called with no arguments, as Next.js server
// functions do (auth(), currentUser(), getSession(), getUserSession()).
// Every word must be one: userClient() builds a client, and a no-argument
// getToken() or getAccount() is more often a service credential.
var implicitWords = []string{"user", "session", "auth", "viewer", "me", "whoami", "claims"}

// requestArgWords mark an argument as the request, its parts or the auth
// configuration: getToken({ req }), getServerSession(authOptions),
// getAuth(request), getSession(event).
var requestArgWords = []string{"req", "request", "ctx", "context", "event", "headers", "cookies", "options", "opts", "config", "auth", "res", "response"}

// noteSession records that the function being walked gets the signed-in
// user at at. Reads at module level are not in a handler.
func (ca *checker) noteSession(at file.Idx, why string) {
	if ca.Frame() == nil || ca.Frame().Node == nil {
		return
	}
	if ca.sessions == nil {
		ca.sessions = map[ast.Node]*sessionRead{}
	}
	if ca.sessions[ca.Frame().Node] == nil {
		ca.sessions[ca.Frame().Node] = &sessionRead{at: at, why: why}
	}
}

// signedIn returns the session read of the function being walked or of a
// function enclosing it, and that function. The first pass records every
// read, so a call before the read in the same handler still sees it.
func (ca *checker) signedIn() (*sessionRead, ast.Node) {
	for f := ca.Frame(); f != nil; f = f.Parent {
		if r := ca.sessions[f.Node]; r != nil && f.Node != nil {
			return r, f.Node
		}
	}
	return nil, nil
}

// signedInReason is the DYP301 reason and related location for an API-key
// call in a function serving a signed-in user, or "" when it is not in one.
func (ca *checker) signedInReason() (string, []finding.Related) {
	if !ca.a.prof.ImplicitCaller {
		return "", nil // Supabase: the service-role key acts for a checked user by design
	}
	r, fn := ca.signedIn()
	if r == nil {
		return "", nil
	}
	var related []finding.Related
	if loc, ok := ca.loc(r.at); ok {
		related = append(related, finding.Related{Location: loc, Message: "the handler gets the signed-in user here"})
	}
	return fmt.Sprintf("it runs in %s, a handler serving a signed-in user (%s)", ca.funcName(fn), r.why), related
}

// funcName names a function for messages by its name in the source
// (esbuild may have renamed it in the bundle: POST → POST2).
func (ca *checker) funcName(fn ast.Node) string {
	if route := ca.routes[fn]; route != "" {
		return route
	}
	fl, ok := fn.(*ast.FunctionLiteral)
	if !ok || fl.Name == nil {
		return "this function"
	}
	return ca.sourceName(fl.Name, string(fl.Name.Name))
}

// sessionCall notes a call that gets the signed-in user: a session getter
// by name (auth(), currentUser(), getServerSession(authOptions),
// supabase.auth.getUser(), authClient.getSession({ headers })) or a read of
// a session header or cookie (headers().get("authorization"),
// req.cookies.get("session"), req.get("Authorization")).
func (ca *checker) sessionCall(e *ast.CallExpression, base, callee *eval.Value) {
	if ca.Frame() == nil || ca.Frame().Node == nil {
		return
	}
	if callee != nil && callee.Kind == eval.Func && eval.Interesting(callee.Ret) {
		return // userClient(): a helper building a client
	}
	fn := eval.UnwrapOptional(e.Callee)
	var name, recv string
	switch c := fn.(type) {
	case *ast.Identifier:
		name = eval.BundleName(string(c.Name))
	case *ast.DotExpression:
		name = string(c.Identifier.Name)
		recv = receiverName(c.Left)
		if name == "get" && len(e.ArgumentList) > 0 {
			if k, ok := eval.UnwrapOptional(e.ArgumentList[0]).(*ast.StringLiteral); ok {
				ca.sessionKeyRead(recv, string(k.Value), e.Idx0())
			}
			return
		}
	default:
		return
	}
	if base != nil && base.Kind == eval.Auth && base.Client != nil {
		if !base.Client.APIKey && slices.Contains(ca.a.prof.JSSessionMethods, name) {
			ca.noteSession(e.Idx0(), "it calls "+ca.sourceName(fn, exprText(fn, 0))+"()")
		}
		return
	}
	if recv != "" && !slices.ContainsFunc(session.Words(recv), func(w string) bool {
		return slices.ContainsFunc(session.PackageMarkers, func(m string) bool { return strings.Contains(w, m) })
	}) {
		return // a method of something that is not an auth library or client
	}
	known := slices.Contains(knownGetters, name)
	if !known && !session.IsGetterName(name) {
		return
	}
	if len(e.ArgumentList) == 0 {
		if !known && !implicitGetter(name) {
			return
		}
	} else if !slices.ContainsFunc(e.ArgumentList, requestArg) {
		return // getUser(id) looks a user up; it does not read the session
	}
	text := name
	if recv != "" {
		text = ca.sourceName(fn, exprText(fn, 0))
		if text == "" {
			text = name
		}
	}
	ca.noteSession(e.Idx0(), "it calls "+text+"()")
}

// requestHolders are the last words of receivers that hold what
// authentication middleware stored about the signed-in user: Express's
// req.user / req.auth (express-jwt), Koa's ctx.state.user, res.locals.user,
// SvelteKit's event.locals.user.
var requestHolders = []string{"req", "request", "ctx", "context", "locals", "state"}

// sessionMember notes a property read of a session header or cookie —
// req.headers.authorization, req.cookies.session,
// req.headers["x-auth-token"] — or of the user authentication middleware
// stored on the request: req.user, ctx.state.user, locals.session.
func (ca *checker) sessionMember(left ast.Expression, name string, at file.Idx) {
	if ca.Frame() == nil || ca.Frame().Node == nil {
		return
	}
	recv := receiverName(left)
	ca.sessionKeyRead(recv, name, at)
	words := session.Words(recv)
	if len(words) > 0 && slices.Contains(requestHolders, words[len(words)-1]) && userField(name) {
		ca.noteSession(at, "it reads "+recv+"."+name)
	}
}

// userFieldWords are the words of the names authentication middleware
// stores the signed-in user under: req.user, req.userId, req.authUser,
// req.auth, req.jwtPayload, ctx.state.currentUser.
var userFieldWords = []string{"user", "auth", "session", "claims", "claim", "token", "id", "current", "principal", "identity", "account", "jwt", "viewer", "payload", "decoded", "me", "authenticated", "verified"}

// userField reports whether a request property's name is one of those:
// every word a userFieldWords word, one of them a session key marker
// (req.userAgent and req.id are not).
func userField(name string) bool {
	words := session.Words(name)
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !slices.Contains(userFieldWords, w) {
			return false
		}
	}
	return slices.ContainsFunc(words, func(w string) bool { return slices.Contains(session.KeyMarkers, w) })
}

// sessionPattern notes the names a destructuring of a request takes
// (const { user } = req), as the property reads they are.
func (ca *checker) sessionPattern(target, from ast.Expression) {
	op, ok := target.(*ast.ObjectPattern)
	if !ok || from == nil || ca.Frame() == nil || ca.Frame().Node == nil {
		return
	}
	for _, p := range op.Properties {
		switch p := p.(type) {
		case *ast.PropertyShort:
			ca.sessionMember(from, string(p.Name.Name), p.Name.Idx)
		case *ast.PropertyKeyed:
			if k, ok := jsast.PropName(p); ok {
				ca.sessionMember(from, k, p.Key.Idx0())
			}
		}
	}
}

// sessionParams notes a route handler whose request parameter is
// destructured for the user: app.post("/x", async ({ user, body }, res) => …).
func (ca *checker) sessionParams(fn ast.Node, pl *ast.ParameterList) {
	if ca.routes[fn] == "" || pl == nil || len(pl.List) == 0 {
		return
	}
	op, ok := pl.List[0].Target.(*ast.ObjectPattern)
	if !ok {
		return
	}
	for _, p := range op.Properties {
		if ps, ok := p.(*ast.PropertyShort); ok && userField(string(ps.Name.Name)) {
			ca.noteSession(ps.Name.Idx, "it takes the request's "+string(ps.Name.Name))
			return
		}
	}
}

// sessionKeyRead notes a read of key from a headers or cookies object.
func (ca *checker) sessionKeyRead(recv, key string, at file.Idx) {
	words := session.Words(recv)
	if len(words) == 0 {
		return
	}
	switch last := words[len(words)-1]; {
	case last == "headers" || last == "header" || last == "req" || last == "request":
		// req.get("Authorization") (Express), headers().get(...)
		if session.ContainsAny(key, session.HeaderMarkers) {
			ca.noteSession(at, fmt.Sprintf("it reads the %q header", strings.ToLower(key)))
		}
	case last == "cookies" || last == "cookie":
		if session.ContainsAny(key, session.CookieMarkers) {
			ca.noteSession(at, fmt.Sprintf("it reads the %q cookie", key))
		}
	}
}

// receiverName is the name a receiver is read from, for judging what it
// holds: req.headers → "req.headers", cookies() → "cookies",
// (await headers()) → "headers"; "" when it has no name.
func receiverName(e ast.Expression) string {
	switch x := e.(type) {
	case *ast.AwaitExpression:
		return receiverName(x.Argument)
	case *ast.CallExpression:
		if len(x.ArgumentList) == 0 {
			return receiverName(eval.UnwrapOptional(x.Callee))
		}
	case *ast.Identifier:
		return eval.BundleName(string(x.Name))
	case *ast.DotExpression:
		if l := receiverName(x.Left); l != "" {
			return l + "." + string(x.Identifier.Name)
		}
		return string(x.Identifier.Name)
	case *ast.OptionalChain:
		return receiverName(x.Expression)
	case *ast.Optional:
		return receiverName(x.Expression)
	}
	return ""
}

// implicitGetter reports whether a getter called with no arguments reads
// the request implicitly (see implicitWords).
func implicitGetter(name string) bool {
	words := session.Words(name)
	for len(words) > 0 && slices.Contains(session.FuncPrefixes, words[0]) {
		words = words[1:]
	}
	for _, w := range words {
		if !slices.Contains(implicitWords, w) {
			return false
		}
	}
	return true
}

// requestArg reports whether an argument is the request, its headers or
// cookies, or the auth configuration (see requestArgWords).
func requestArg(e ast.Expression) bool {
	switch x := eval.UnwrapOptional(e).(type) {
	case *ast.ObjectLiteral:
		for _, p := range x.Value {
			switch p := p.(type) {
			case *ast.PropertyShort:
				if requestName(string(p.Name.Name)) {
					return true
				}
			case *ast.PropertyKeyed:
				if k, ok := jsast.PropName(p); ok && requestName(k) || requestArg(p.Value) {
					return true
				}
			}
		}
		return false
	}
	return requestName(receiverName(e))
}

func requestName(name string) bool {
	for _, w := range session.Words(name) {
		if slices.Contains(requestArgWords, w) {
			return true
		}
	}
	return false
}

// namesPlatform reports whether a raw request's URL, or its key (expression
// e, value v when known), points at the platform: it names it
// (process.env.DYPAI_URL, process.env.DYPAI_API_KEY, a dypai host) or, a
// URL, ends in an endpoint dypai.yaml declares.
func (ca *checker) namesPlatform(e ast.Expression, v *eval.Value) bool {
	var texts []string
	var collect func(e ast.Expression, depth int)
	collect = func(e ast.Expression, depth int) {
		if depth > 6 {
			return
		}
		switch x := eval.UnwrapOptional(e).(type) {
		case *ast.StringLiteral:
			texts = append(texts, string(x.Value))
		case *ast.TemplateLiteral:
			for _, el := range x.Elements {
				texts = append(texts, string(el.Parsed))
			}
			for _, sub := range x.Expressions {
				collect(sub, depth+1)
			}
		case *ast.BinaryExpression:
			collect(x.Left, depth+1)
			collect(x.Right, depth+1)
		case *ast.Identifier, *ast.DotExpression:
			texts = append(texts, exprText(x, 0))
			if id, ok := x.(*ast.Identifier); ok {
				if b := ca.Lookup(string(id.Name)); b != nil {
					texts = append(texts, valueTexts(b.Value, 0)...)
				}
			}
		case *ast.CallExpression:
			collect(x.Callee, depth+1)
			for _, a := range x.ArgumentList {
				collect(a, depth+1)
			}
		case *ast.NewExpression:
			for _, a := range x.ArgumentList {
				collect(a, depth+1)
			}
		}
	}
	collect(e, 0)
	texts = append(texts, valueTexts(v, 0)...)
	var endpoints []string
	if m := ca.a.p.Config.Manifest; m != nil {
		endpoints = m.EndpointNames()
	}
	for _, t := range texts {
		if ca.a.prof.NamesPlatform(t) {
			return true
		}
		if i := strings.LastIndexByte(t, '/'); i >= 0 && slices.Contains(endpoints, strings.SplitN(t[i+1:], "?", 2)[0]) {
			return true
		}
	}
	return false
}

// valueTexts are the strings and env var names a value is made of.
func valueTexts(v *eval.Value, depth int) []string {
	if v == nil || depth > 4 {
		return nil
	}
	out := []string{v.Str, v.Expr}
	for _, p := range v.Parts {
		out = append(out, valueTexts(p, depth+1)...)
	}
	return out
}

// routeMethods are the route-registering methods of Express, Fastify,
// Hono, Koa routers and the like.
var routeMethods = []string{"get", "post", "put", "patch", "delete", "all"}

// nameRouteHandlers records the function literals a call such as
// app.post("/orders/:id", auth, async (req, res) => …) registers, under
// "POST /orders/:id".
func (ca *checker) nameRouteHandlers(e *ast.CallExpression, method string) {
	if len(e.ArgumentList) < 2 || !slices.Contains(routeMethods, method) {
		return
	}
	path, ok := e.ArgumentList[0].(*ast.StringLiteral)
	if !ok || !strings.HasPrefix(string(path.Value), "/") {
		return
	}
	for _, a := range e.ArgumentList[1:] {
		switch a.(type) {
		case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral:
			if ca.routes == nil {
				ca.routes = map[ast.Node]string{}
			}
			ca.routes[a] = strings.ToUpper(method) + " " + string(path.Value)
		}
	}
}
