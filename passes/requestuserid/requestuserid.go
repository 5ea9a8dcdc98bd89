package requestuserid

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/report"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/lazyssa"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// New returns the DYP203 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return report.Analyzer(rules.DYP203, []*analysis.Analyzer{lazyssa.Analyzer, handlers.Analyzer}, func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg)
	})
}

// The rule's data.
var (
	// RoleMarkers begin the words that make a name a role check:
	// claims.Role, IsAdmin, HasRole, RequirePermission, Authorize (but not
	// unauthorized).
	RoleMarkers = []string{"role", "admin", "permission", "superuser", "staff", "authoriz", "privilege"}
	// ThroughPackages transform a value without using it: the result
	// carries the identity.
	ThroughPackages = []string{"strings", "strconv", "bytes", "unicode", "unicode/utf8", "path", "path/filepath", "net/url", "encoding/base64", "encoding/hex", "encoding/json", "math", "math/big", "context", "github.com/google/uuid", "github.com/gofrs/uuid", "github.com/satori/go.uuid"}
	// IgnoredPackages neither use nor pass on a value: logs, errors,
	// traces and metrics, net/http (errors and redirects to the client).
	IgnoredPackages = []string{"log", "log/slog", "errors", "testing", "go.uber.org/zap", "github.com/sirupsen/logrus", "github.com/rs/zerolog", "net/http",
		"go.opentelemetry.io/otel/attribute", "go.opentelemetry.io/otel/trace", "github.com/prometheus/client_golang/prometheus"}
	// CompareFuncs compare their arguments.
	CompareFuncs = []handlers.Func{
		{Pkg: "strings", Name: "EqualFold"},
		{Pkg: "strings", Name: "Compare"},
		{Pkg: "bytes", Name: "Equal"},
		{Pkg: "bytes", Name: "EqualFold"},
		{Pkg: "crypto/subtle", Name: "ConstantTimeCompare"},
	}
	// BodyTags are the struct tags that name a bound field.
	BodyTags = []string{"json", "form", "query", "uri", "param", "params", "header", "reqHeader", "xml"}
)

// source is one read of the user's identity from the request.
type source struct {
	kind  handlers.Kind
	key   string
	pos   token.Pos
	node  ast.Node // for the diagnostic's range, when found
	fn    *ssa.Function
	seeds []ssaflow.Seed
}

type checker struct {
	pass   *analysis.Pass
	proj   *config.Project
	types  *handlers.Types
	set    *handlers.Set
	engine *ssaflow.Engine
	ids    map[string]bool // normalised identity fields

	// handlerTypes are the types with handler methods (the server): their
	// other methods are helpers, not stores.
	handlerTypes map[*types.TypeName]bool

	verified bool // the current source was compared with the session's identity
	roleMemo map[ast.Node]bool
}

func namedObj(t types.Type) *types.TypeName {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj()
	}
	return nil
}

func run(pass *analysis.Pass, cfg *config.Config) (any, error) {
	if !handlers.ImportsHTTP(pass.Pkg) || len(pass.Files) == 0 {
		return &report.Result{}, nil
	}
	proj, err := cfg.ProjectFor(filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name()))
	if err != nil {
		return nil, err
	}
	ssaRes, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass:     pass,
		proj:     proj,
		types:    handlers.NewTypes(ssaRes.Pkg, ssaRes.SrcFuncs),
		set:      pass.ResultOf[handlers.Analyzer].(*handlers.Set),
		ids:      map[string]bool{},
		roleMemo: map[ast.Node]bool{},
	}
	for _, f := range proj.IdentityFields {
		c.ids[handlers.Normalize(f)] = true
	}
	c.handlerTypes = map[*types.TypeName]bool{}
	for _, h := range c.set.Handlers {
		if h.Func != nil && h.Func.Signature().Recv() != nil {
			c.handlerTypes[namedObj(h.Func.Signature().Recv().Type())] = true
		}
	}
	c.engine = ssaflow.New(ssaflow.Config{
		Carries: carries,
		Call:    c.call,
		Compare: c.compare,
	}, ssaRes.Pkg, ssaRes.SrcFuncs)

	r := report.New(pass, cfg)
	for _, src := range c.sources() {
		if isTestFile(pass, src.pos) {
			continue
		}
		c.verified = false
		hits := c.engine.Run(src.seeds...)
		if c.verified || len(hits) == 0 {
			continue
		}
		slices.SortFunc(hits, func(a, b ssaflow.Hit) int { return int(a.Top.Pos() - b.Top.Pos()) })
		var hit *ssaflow.Hit
		for i := range hits {
			if !c.roleChecked(src.fn, hits[i].Top.Parent()) {
				hit = &hits[i]
				break
			}
		}
		if hit == nil {
			continue
		}
		sink := c.callName(hit.Top)
		d := analysis.Diagnostic{
			Pos: src.pos,
			Message: fmt.Sprintf("user id from %s %q is passed to %s: take the acting user from the verified session instead",
				src.kind, src.key, sink),
			Related: []analysis.RelatedInformation{{Pos: hit.Top.Pos(), Message: "the user id is used here"}},
		}
		if src.node != nil {
			d.Pos, d.End = src.node.Pos(), src.node.End()
		}
		r.Report(rules.DYP203, d)
	}
	return r.Result(), nil
}

// carries: an identity can be a string, a number, a struct holding it…;
// not a boolean or an error.
func carries(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsBoolean == 0
	}
	switch t.Underlying().(type) {
	case *types.Signature, *types.Chan:
		return false
	}
	return true
}

// isIdentity reports whether an input name is an identity field: user_id,
// userId, X-User-Id (headers may carry an X- prefix).
func (c *checker) isIdentity(name string, kind handlers.Kind) bool {
	n := handlers.Normalize(name)
	if c.ids[n] {
		return true
	}
	return kind == handlers.Header && strings.HasPrefix(n, "x") && c.ids[n[1:]]
}

// sources lists the identity reads of the package, in source order.
func (c *checker) sources() []source {
	var out []source
	bound := map[ssa.Value]handlers.Kind{} // allocations the request is bound into
	funcs := c.engine.Funcs()
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				f, args := handlers.SSACall(&call.Call)
				if bd, _ := handlers.MatchBind(f); bd != nil {
					if bd.Src != handlers.NoArg {
						if _, ok := c.types.RequestInput(handlers.ArgValue(&call.Call, bd.Src)); !ok {
							continue
						}
					}
					dst := strip(handlers.ArgValue(&call.Call, bd.Dst))
					if a, ok := dst.(*ssa.Alloc); ok {
						bound[a] = bd.Kind
						out = append(out, c.boundFields(fn, call, a, bd.Kind)...)
					}
					continue
				}
				rd, _ := handlers.MatchRead(f)
				if rd == nil || rd.Key < 0 || rd.Key >= len(args) || !args[rd.Key].IsConst {
					continue
				}
				kind := rd.Kind
				if rd.FromRequest {
					k, ok := c.types.RequestInput(handlers.ArgValue(&call.Call, handlers.Receiver))
					if !ok {
						continue
					}
					if kind == handlers.Unknown {
						kind = k
					}
				}
				if !c.isIdentity(args[rd.Key].Const, kind) {
					continue
				}
				out = append(out, source{
					kind:  kind,
					key:   args[rd.Key].Const,
					pos:   call.Pos(),
					node:  ssaflow.CallExpr(c.pass.Files, call),
					fn:    fn,
					seeds: []ssaflow.Seed{{Value: call}},
				})
			}
		}
	}
	// Map reads: r.URL.Query()["user_id"], mux.Vars(r)["uid"], a bound map.
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				lk, ok := instr.(*ssa.Lookup)
				if !ok {
					continue
				}
				k, ok := lk.Index.(*ssa.Const)
				if !ok || k.Value == nil || k.Value.Kind() != constant.String {
					continue
				}
				name := constant.StringVal(k.Value)
				kind, ok := handlers.Unknown, false
				if ld, isLoad := lk.X.(*ssa.UnOp); isLoad {
					kind, ok = bound[ld.X]
				}
				if !ok {
					kind, ok = c.types.RequestInput(lk.X)
				}
				if !ok || !c.isIdentity(name, kind) {
					continue
				}
				out = append(out, source{
					kind:  kind,
					key:   name,
					pos:   lk.Pos(),
					node:  c.indexExpr(lk.Pos()),
					fn:    fn,
					seeds: []ssaflow.Seed{{Value: lk}},
				})
			}
		}
	}
	slices.SortFunc(out, func(a, b source) int { return int(a.pos - b.pos) })
	return out
}

// boundFields returns the reads of identity fields of a value the request
// is bound into (req.UserID, req.Order.OwnerID), and the bound value as a
// whole (reported at the bind when it is passed on whole).
func (c *checker) boundFields(fn *ssa.Function, bind *ssa.Call, a *ssa.Alloc, kind handlers.Kind) []source {
	st, ok := types.Unalias(a.Type()).(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []source
	var idFields []int
	var firstKey string
	var visit func(addr ssa.Value, st *types.Struct, depth int)
	visit = func(addr ssa.Value, st *types.Struct, depth int) {
		for _, ref := range *addr.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != addr {
				continue
			}
			fv := st.Field(fa.Field)
			if name, ok := c.identityField(fv, st.Tag(fa.Field)); ok {
				out = append(out, source{
					kind:  kind,
					key:   name,
					pos:   fa.Pos(),
					node:  c.selectorAt(fa.Pos()),
					fn:    fa.Parent(),
					seeds: []ssaflow.Seed{{Value: fa}},
				})
				continue
			}
			if inner, ok := fv.Type().Underlying().(*types.Struct); ok && depth < 2 {
				visit(fa, inner, depth+1)
			}
		}
	}
	visit(a, st, 0)
	for i := range st.NumFields() {
		if name, ok := c.identityField(st.Field(i), st.Tag(i)); ok {
			idFields = append(idFields, i)
			if firstKey == "" {
				firstKey = name
			}
		}
	}
	if len(idFields) > 0 {
		// Whole uses of the bound value: store.Create(ctx, req).
		out = append(out, source{
			kind:  kind,
			key:   firstKey,
			pos:   bind.Pos(),
			node:  ssaflow.CallExpr(c.pass.Files, bind),
			fn:    fn,
			seeds: []ssaflow.Seed{{Value: a, Fields: []int{}}},
		})
	}
	return out
}

// identityField reports whether a struct field carries the user's identity
// by its tag or its name, and the name the request uses for it.
func (c *checker) identityField(fv *types.Var, tag string) (string, bool) {
	st := reflect.StructTag(tag)
	for _, t := range BodyTags {
		if v, ok := st.Lookup(t); ok {
			name, _, _ := strings.Cut(v, ",")
			if name != "" && name != "-" {
				return name, c.isIdentity(name, handlers.Body)
			}
		}
	}
	return fv.Name(), c.isIdentity(fv.Name(), handlers.Body)
}

func strip(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// call decides what a call does with the user id.
func (c *checker) call(s ssaflow.Site) ssaflow.Decision {
	use := ssaflow.Decision{Effect: ssaflow.Use}
	f := s.Func
	if f == nil {
		return use // a function value
	}
	if handlers.IsRequestAPI(f) {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if w, _ := handlers.MatchWrite(f); w != nil {
		return ssaflow.Decision{Effect: ssaflow.Ignore} // echoed to the client
	}
	for _, cf := range CompareFuncs {
		if cf.Matches(f) {
			for i := range f.Signature().Params().Len() {
				if i != s.Arg && c.types.FromSession(handlers.ArgValue(s.Common, i)) {
					c.verified = true
				}
			}
			return ssaflow.Decision{Effect: ssaflow.Ignore}
		}
	}
	if f.Pkg() == nil {
		return use
	}
	path := f.Pkg().Path()
	switch {
	case path == "fmt":
		if strings.HasPrefix(f.Name(), "Sprint") || f.Name() == "Append" || f.Name() == "Appendf" {
			return ssaflow.Decision{Effect: ssaflow.Through}
		}
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	case slices.Contains(IgnoredPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	case slices.Contains(ThroughPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Through}
	case c.proj.Profile.IsGoSDK(path):
		if c.adminEndpoint(s) {
			return ssaflow.Decision{Effect: ssaflow.Ignore}
		}
		return use
	case s.Local:
		if recv := f.Signature().Recv(); recv != nil && !c.handlerTypes[namedObj(recv.Type())] {
			return use // a method of the package: a store, a repository
		}
		return ssaflow.Decision{Effect: ssaflow.Follow} // a helper, or a method of the server

	}
	return use
}

// adminEndpoint reports whether an SDK call calls an endpoint whose
// allowed_roles are set in dypai.yaml: an admin acting on another user.
func (c *checker) adminEndpoint(s ssaflow.Site) bool {
	p := c.proj
	if !p.ManifestRulesApply() || !p.Profile.IsCallMethod(s.Func.Name()) {
		return false
	}
	for i := range s.Func.Signature().Params().Len() {
		if i == s.Arg {
			continue
		}
		if k, ok := strip(handlers.ArgValue(s.Common, i)).(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			if ep := p.Manifest.Endpoint(constant.StringVal(k.Value)); ep != nil {
				return ep.HasRoles()
			}
		}
	}
	return false
}

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
// or is registered behind role middleware.
func (c *checker) roleChecked(fns ...*ssa.Function) bool {
	for _, fn := range fns {
		for f := fn; f != nil; f = f.Parent() {
			if c.bodyChecksRole(f.Syntax()) {
				return true
			}
			if h := c.set.Of(f.Syntax()); h != nil {
				for _, m := range h.Middleware {
					if hasMarker(m.Name, RoleMarkers) {
						return true
					}
				}
			}
		}
	}
	return false
}

// hasMarker reports whether a word of s begins with one of the markers.
func hasMarker(s string, markers []string) bool {
	for _, w := range handlers.Words(s) {
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
		if found {
			return false
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

// callName renders the called function as written: store.OrdersFor,
// h.db.QueryContext, client.API.Post.
func (c *checker) callName(instr ssa.CallInstruction) string {
	if call := ssaflow.CallExpr(c.pass.Files, instr); call != nil {
		s := types.ExprString(call.Fun)
		if len(s) > 60 {
			s = s[:57] + "..."
		}
		return s
	}
	if f := handlers.Callee(instr.Common()); f != nil {
		return handlers.FuncName(f)
	}
	return "a function value"
}

// selectorAt finds the selector expression whose Sel is at pos (a field
// read), for the diagnostic's range.
func (c *checker) selectorAt(pos token.Pos) ast.Node {
	var found ast.Node
	c.inspectAt(pos, func(n ast.Node) {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Pos() == pos {
			found = sel
		}
	})
	return found
}

// indexExpr finds the index expression whose '[' is at pos.
func (c *checker) indexExpr(pos token.Pos) ast.Node {
	var found ast.Node
	c.inspectAt(pos, func(n ast.Node) {
		if ix, ok := n.(*ast.IndexExpr); ok && ix.Lbrack == pos {
			found = ix
		}
	})
	return found
}

func (c *checker) inspectAt(pos token.Pos, visit func(ast.Node)) {
	for _, f := range c.pass.Files {
		if pos < f.Pos() || pos > f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			visit(n)
			return true
		})
	}
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}
