package requestuserid

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// compare notes a comparison of the user id with the verified identity.
func (c *checker) compare(op *ssa.BinOp, other ssa.Value) {
	if op.Op != token.EQL && op.Op != token.NEQ {
		return
	}
	if c.types.FromSession(other) {
		c.verified = true
	}
}

// roleChecked reports whether the function that reads the id, the one that
// uses it, or a handler or function enclosing them checks the caller's role,
// is registered behind role middleware or under an admin prefix (on any
// router), or serves administrators by its name or its receiver's; a
// function of the package that is none of these is role-checked when all
// its callers in the package are.
func (c *checker) roleChecked(fns ...*ssa.Function) bool {
	for _, fn := range fns {
		if c.roleCheckedFn(fn, 0) {
			return true
		}
	}
	return false
}

func (c *checker) roleCheckedFn(fn *ssa.Function, depth int) bool {
	if fn == nil {
		return false
	}
	if v, ok := c.fnMemo[fn]; ok {
		return v
	}
	c.fnMemo[fn] = false // a recursion is not a check
	res := false
	top := fn
	// A closure is checked with the functions enclosing it up to the
	// handler it is in: a function literal registered as a handler is its
	// own scope, and a check in a sibling handler or in the router-setup
	// function around it does not cover it.
	for f := fn; f != nil && !res; f = f.Parent() {
		top = f
		res = c.bodyChecksRole(f.Syntax()) || c.adminNamed(f) || c.gateChecksRole(f.Syntax()) || c.verifiesSender(f.Syntax())
		if f.Parent() != nil && c.handlerScope(f.Syntax()) {
			break
		}
	}
	if !res && depth < 3 && top.Parent() == nil {
		callers := c.types.Callers(top)
		if len(callers) > 0 && c.set.GateOf(top.Syntax()) == nil && c.set.Of(top.Syntax()) == nil {
			res = true
			for _, call := range callers {
				if !c.roleCheckedFn(call.Parent(), depth+1) {
					res = false
					break
				}
			}
		}
	}
	c.fnMemo[fn] = res
	return res
}

// handlerScope reports whether the function literal n is a handler of its
// own: found as one, registered on a router, or given the request (an
// inline handler of a framework the tables do not know), and not a closure
// its enclosing function calls. Its checks cover it alone.
func (c *checker) handlerScope(n ast.Node) bool {
	lit, ok := n.(*ast.FuncLit)
	if !ok {
		return false
	}
	if fn := c.litFunc(lit); fn == nil || len(c.types.Callers(fn)) > 0 {
		return false // a helper closure its function calls: part of it
	}
	if c.set.Of(lit) != nil || c.set.GateOf(lit) != nil {
		return true
	}
	sig, ok := c.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	return ok && handlers.TakesRequest(sig)
}

// litFunc returns the SSA function of a function literal.
func (c *checker) litFunc(lit *ast.FuncLit) *ssa.Function {
	if c.lits == nil {
		c.lits = map[*ast.FuncLit]*ssa.Function{}
		for _, fn := range c.engine.Funcs() {
			if l, ok := fn.Syntax().(*ast.FuncLit); ok {
				c.lits[l] = fn
			}
		}
	}
	return c.lits[lit]
}

// SignatureFuncs verify a signed payload.
var SignatureFuncs = []handlers.Func{
	{Pkg: "crypto/hmac", Name: "Equal"},
	{Pkg: "crypto/ed25519", Name: "Verify"},
	{Pkg: "crypto/rsa", Name: "VerifyPKCS1v15"},
	{Pkg: "crypto/rsa", Name: "VerifyPSS"},
	{Pkg: "crypto/ecdsa", Name: "VerifyASN1"},
}

// verifiesSender reports whether a function checks the signature of the
// payload it serves (a webhook: hmac.Equal, webhook.ConstructEvent,
// verifySignature(body, sig)): the request comes from a server the
// signature authenticates, and the ids it carries are that server's word.
func (c *checker) verifiesSender(n ast.Node) bool {
	if n == nil {
		return false
	}
	if v, ok := c.senderMemo[n]; ok {
		return v
	}
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if x != n && c.handlerScope(x) {
			return false // another handler's check
		}
		call, ok := x.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn, _ := handlers.ASTCall(c.pass.TypesInfo, call)
		if fn == nil {
			return true
		}
		for _, sf := range SignatureFuncs {
			if sf.Matches(fn) {
				found = true
			}
		}
		words := session.Words(fn.Name())
		has := func(ws ...string) bool {
			return slices.ContainsFunc(words, func(w string) bool { return slices.Contains(ws, w) })
		}
		if has("signature", "signatures", "sig", "hmac") && has("verify", "validate", "check", "valid", "construct") ||
			has("construct") && has("event", "webhook") || has("webhook") && has("verify", "validate") {
			found = true
		}
		return !found
	})
	c.senderMemo[n] = found
	return found
}

// adminNamed reports whether a function, the type whose method it is, or
// its package is named for administrators: (*AdminHandler).ListLogs,
// (*admin).setBlock, adminDeleteUser, package api/admin (mounted behind
// role middleware by the package that imports it).
func (c *checker) adminNamed(fn *ssa.Function) bool {
	if fn.Pkg != nil && hasMarker(c.pkgPath(fn.Pkg.Pkg), AdminMarkers) {
		return true
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	if hasMarker(obj.Name(), AdminMarkers) {
		return true
	}
	if recv := obj.Signature().Recv(); recv != nil {
		if n := namedObj(recv.Type()); n != nil && hasMarker(n.Name(), AdminMarkers) {
			return true
		}
	}
	return false
}

// pkgPath is a package's path inside its module (api/admin for
// example.com/shop/api/admin): the module's own name says nothing of whom
// its packages serve (github.com/flipped-aurora/gin-vue-admin/server/…).
// A package of another module is named by its last element.
func (c *checker) pkgPath(pkg *types.Package) string {
	if p := pkg.Path(); pkg != c.pass.Pkg {
		return p[strings.LastIndex(p, "/")+1:]
	}
	return c.libraryPath(pkg)
}

// gateChecksRole reports whether the function whose syntax is n is
// registered behind middleware named for a role (RequireRole("admin"),
// AdminOnly, ruleAdmin := mid.Authorize(…)) or under an admin route.
func (c *checker) gateChecksRole(n ast.Node) bool {
	g := c.set.GateOf(n)
	if g == nil {
		return false
	}
	for _, m := range g.Middleware {
		if hasMarker(m.Name, RoleMarkers) {
			return true
		}
		for _, d := range m.Defs {
			if hasMarker(d, RoleMarkers) {
				return true
			}
		}
		// pm(h, "users:manage"), requirePerm(h, "orders:write"): a
		// permission given with the handler.
		for _, k := range m.Consts {
			if strings.Contains(k, ":") || hasMarker(k, RoleMarkers) {
				return true
			}
		}
	}
	for _, p := range g.Paths {
		if hasMarker(p, AdminMarkers) {
			return true
		}
	}
	return false
}

// sessionActs reports whether the call that uses the id also passes the
// verified identity (me.ID, the claims, the session's user): the signed-in
// user acts and the id from the request names the user acted on — the one
// followed, messaged, whose public list is shown.
func (c *checker) sessionActs(h ssaflow.Hit) bool {
	for _, call := range []*ssa.CallCommon{h.Site.Common, h.Top.Common()} {
		vals := call.Args
		if call.IsInvoke() {
			vals = append([]ssa.Value{call.Value}, vals...)
		}
		for _, v := range vals {
			if !c.engine.Reached(v) && c.types.FromSession(v) {
				return true
			}
		}
	}
	return false
}

// hasMarker reports whether a word of s begins with one of the markers.
func hasMarker(s string, markers []string) bool {
	for _, w := range session.Words(s) {
		for _, m := range markers {
			if strings.HasPrefix(w, m) {
				return true
			}
		}
	}
	return false
}

// bodyChecksRole reports whether a function's body checks a role: calls a
// function named for one (HasRole, IsAdmin, RequirePermission), or tests a
// name or a string that mentions one (claims.Role == "admin", if
// u.IsAdmin, switch user.Role).
func (c *checker) bodyChecksRole(n ast.Node) bool {
	if n == nil {
		return false
	}
	if v, ok := c.roleMemo[n]; ok {
		return v
	}
	found := false
	mentions := func(e ast.Node) bool {
		hit := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				hit = hit || hasMarker(x.Name, RoleMarkers)
			case *ast.BasicLit:
				hit = hit || x.Kind == token.STRING && hasMarker(x.Value, RoleMarkers)
			case *ast.FuncLit:
				return false
			}
			return !hit
		})
		return hit
	}
	ast.Inspect(n, func(x ast.Node) bool {
		if found || x != n && c.handlerScope(x) {
			return false // another handler's check
		}
		switch x := x.(type) {
		case *ast.CallExpr:
			if id := calleeIdent(x.Fun); id != nil && hasMarker(id.Name, RoleMarkers) {
				found = true
			}
		case *ast.IfStmt:
			found = mentions(x.Cond)
		case *ast.SwitchStmt:
			found = x.Tag != nil && mentions(x.Tag)
		case *ast.BinaryExpr:
			if x.Op == token.EQL || x.Op == token.NEQ {
				found = mentions(x)
			}
		}
		return !found
	})
	c.roleMemo[n] = found
	return found
}

func calleeIdent(e ast.Expr) *ast.Ident {
	switch e := astutil.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	case *ast.IndexExpr:
		return calleeIdent(e.X)
	}
	return nil
}
