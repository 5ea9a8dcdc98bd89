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
	"github.com/dypai/dypailint/analyzer/session"
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
	// AdminMarkers begin the words of a handler's, its receiver type's or
	// its route's name that say it serves administrators (AdminHandler,
	// type admin, /admin/users): it acts on other users by design.
	AdminMarkers = []string{"admin", "superuser", "staff", "moderat", "backoffice"}
	// LogPackageMarkers are words of a package path that make it a logger
	// (go-pkgz/lgr, hashicorp/go-hclog, go-logr/logr, golang/glog).
	LogPackageMarkers = []string{"log", "lgr", "logger", "logging", "glog", "klog", "hclog", "logr", "zap", "zerolog", "logrus"}
	// LogTypeMarkers are words of a receiver type that make it a logger
	// (Logger, log.L, *slog.Logger, zerolog.Event).
	LogTypeMarkers = []string{"log", "logger", "lgr"}
	// ObservePathMarkers are words of a package path whose functions only
	// observe a value: errors, tracing, metrics, error reporting,
	// validation.
	ObservePathMarkers = []string{"errors", "xerrors", "errs", "opentelemetry", "otel", "prometheus", "sentry", "newrelic", "datadog", "ddtrace", "validator", "validation", "govalidator"}
	// VerifyPathMarkers are words of a package path whose functions verify
	// a credential (WebAuthn ceremonies, JWT, one-time passwords, password
	// hashes): given the id from the request they authenticate the user,
	// they do not act as them.
	VerifyPathMarkers = []string{"webauthn", "jwt", "jose", "totp", "otp", "bcrypt", "argon2", "scrypt", "saml"}
	// LookupVerbs and UserNouns make a function a lookup of a user record
	// by its id (GetUser, FindUserByID, UserByID, LoadProfile): the id
	// addresses the user resource — a profile page, a directory — and does
	// not make the caller act as that user. What is done with the record
	// found is followed.
	LookupVerbs = []string{"get", "find", "fetch", "load", "lookup", "read", "retrieve", "show", "one", "must"}
	UserNouns   = []string{"user", "profile", "account", "member", "person", "author", "customer", "player"}
	// LookupQualifiers may follow the noun of a lookup: GetUserByID,
	// FindUserInfo.
	LookupQualifiers = []string{"by", "id", "ids", "uuid", "uid", "with", "from", "info", "details", "detail", "data", "record", "public", "basic", "summary", "exists", "exist"}
	// ConstructorPrefixes make a function of another package a
	// constructor: its result carries the id (task.NewEmailWelcome(uid)),
	// what is done with the result is followed.
	ConstructorPrefixes = []string{"New", "Make", "Build"}
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
	fnMemo   map[*ssa.Function]bool
	// senderMemo caches verifiesSender by function syntax.
	senderMemo map[ast.Node]bool
	// bindCalls are the calls of helpers that decode the request into a
	// value (common.Bind(c, &req)): not uses of what they fill.
	bindCalls map[ssa.CallInstruction]bool
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
		fnMemo:   map[*ssa.Function]bool{},

		senderMemo: map[ast.Node]bool{},

		bindCalls: map[ssa.CallInstruction]bool{},
	}
	for _, f := range proj.IdentityFields {
		c.ids[session.Normalize(f)] = true
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
			if !c.roleChecked(src.fn, hits[i].Top.Parent()) && !c.sessionActs(hits[i]) {
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
	n := session.Normalize(name)
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
				if bd := c.bindHelper(call, f); bd != nil {
					c.bindCalls[call] = true
					dst := handlers.Strip(handlers.ArgValue(&call.Call, bd.Dst))
					if a, ok := dst.(*ssa.Alloc); ok {
						bound[a] = bd.Kind
						out = append(out, c.boundFields(fn, call, a, bd.Kind)...)
					}
					continue
				}
				if bd, _ := handlers.MatchBind(f); bd != nil {
					if bd.Src != handlers.NoArg {
						if _, ok := c.types.RequestInput(handlers.ArgValue(&call.Call, bd.Src)); !ok {
							continue
						}
					}
					dst := handlers.Strip(handlers.ArgValue(&call.Call, bd.Dst))
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

// BindWords are words of a helper's name that say it decodes the request
// into the value it is given: common.Bind(c, &req), readJSON(w, r, &dst),
// web.Decode(r, &v), render.DecodeJSON(r.Body, &v).
var BindWords = []string{"bind", "decode", "unmarshal", "parse", "read"}

// NotBindWords make such a helper read the session instead:
// readSession(r, &s), parseToken(r, &claims).
var NotBindWords = []string{"session", "sess", "auth", "token", "claims", "claim", "jwt", "principal", "identity", "viewer", "current", "login", "cookie", "credentials"}

func isContext(t types.Type) bool {
	n := namedObj(t)
	return n != nil && n.Pkg() != nil && n.Pkg().Path() == "context" && n.Name() == "Context"
}

// bindHelper recognises a call of a helper (of the package or another)
// that decodes the request into a value: it is named for it (BindWords),
// is given the request, a framework context or the body, and a pointer to
// a local value. It returns the bind with the value's argument as Dst.
func (c *checker) bindHelper(call *ssa.Call, f *types.Func) *handlers.Bind {
	if f == nil || handlers.IsRequestAPI(f) {
		return nil
	}
	if bd, _ := handlers.MatchBind(f); bd != nil {
		return nil
	}
	words := session.Words(f.Name())
	if !slices.ContainsFunc(words, func(w string) bool { return slices.Contains(BindWords, w) }) ||
		slices.ContainsFunc(words, func(w string) bool { return slices.Contains(NotBindWords, w) }) {
		return nil
	}
	req, dst := false, -1
	for i := range f.Signature().Params().Len() {
		v := handlers.ArgValue(&call.Call, i)
		if v == nil {
			continue
		}
		if _, ok := handlers.Strip(v).(*ssa.Alloc); ok && dst < 0 {
			dst = i
			continue
		}
		// The request, a framework context, or the body's reader or
		// bytes — not the request's context.Context, which a store's
		// ReadOrders(ctx, &out) is given too.
		t := handlers.Strip(v).Type()
		if handlers.IsRequestType(t) {
			req = true
		} else if _, ok := c.types.RequestInput(v); ok && !isContext(t) {
			req = true
		}
	}
	if !req || dst < 0 {
		return nil
	}
	kind := handlers.Body
	for _, w := range words {
		switch w {
		case "query":
			kind = handlers.Query
		case "form":
			kind = handlers.Form
		case "uri", "path", "params":
			kind = handlers.PathParam
		case "header", "headers":
			kind = handlers.Header
		}
	}
	return &handlers.Bind{Func: handlers.Func{Name: f.Name()}, Kind: kind, Dst: dst, Src: handlers.NoArg}
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
				if depth == 0 && c.overwritten(a, fa.Field) {
					continue
				}
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
		if name, ok := c.identityField(st.Field(i), st.Tag(i)); ok && !c.overwritten(a, i) {
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
// by its tag or its name, and the name the request uses for it. A field
// whose tags all say "-" (json:"-") is not bound from the request.
func (c *checker) identityField(fv *types.Var, tag string) (string, bool) {
	st := reflect.StructTag(tag)
	excluded := false
	for _, t := range BodyTags {
		if v, ok := st.Lookup(t); ok {
			name, _, _ := strings.Cut(v, ",")
			if name == "-" {
				excluded = true
				continue
			}
			if name != "" {
				return name, c.isIdentity(name, handlers.Body)
			}
		}
	}
	if excluded {
		return "", false
	}
	return fv.Name(), c.isIdentity(fv.Name(), handlers.Body)
}

// overwritten reports whether field i of the bound value a is assigned the
// verified identity in the function (req.UserID = auth.UserID(ctx)): the
// handler replaced what the request sent.
func (c *checker) overwritten(a *ssa.Alloc, i int) bool {
	for _, ref := range *a.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != a || fa.Field != i {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa && c.types.FromSession(st.Val) {
				return true
			}
		}
	}
	return false
}

// call decides what a call does with the user id.
func (c *checker) call(s ssaflow.Site) ssaflow.Decision {
	use := ssaflow.Decision{Effect: ssaflow.Use}
	f := s.Func
	if f == nil {
		return use // a function value
	}
	if handlers.IsRequestAPI(f) || c.bindCalls[s.Instr] {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if w, _ := handlers.MatchWrite(f); w != nil || !s.Local && c.types.ResponseHelper(s.Common, s.Arg) {
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
	if !s.Local && (isLogger(f) || pathHasWord(path, ObservePathMarkers) || pathHasWord(path, VerifyPathMarkers) || isFrameworkCall(f)) {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if c.accessCheck(s) {
		c.verified = true
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if userLookup(f) || !s.Local && f.Signature().Recv() == nil && isConstructor(f.Name()) {
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
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

// isLogger reports whether fn logs: a function or method of a logging
// package (go-pkgz/lgr imported as log, hclog, logr, glog), or a method of
// a logger type (Logger.Infof, AuditLog.Write).
func isLogger(fn *types.Func) bool {
	if pathHasWord(fn.Pkg().Path(), LogPackageMarkers) {
		return true
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if n := namedObj(recv.Type()); n != nil {
			for _, w := range session.Words(n.Name()) {
				if slices.Contains(LogTypeMarkers, w) {
					return true
				}
			}
		}
	}
	return false
}

// AccessWords are words of a function's name that make it an access check
// of the id it is given: CanAccessUser, isOwner, ensureOwnership,
// Authorize, checkPermission.
var AccessWords = []string{"access", "owner", "owns", "ownership", "owned", "permission", "permissions", "permitted", "permit",
	"allowed", "authorize", "authorized", "authorization", "authz", "acl", "policy", "enforce", "self", "belongs"}

// accessCheck reports whether a call checks whether the caller may act on
// the id it is given: it returns a bool or an error, and it is named for
// an access check (CanAccessUser, isOwner), or it is also given the
// verified identity (canView(me, uid)).
func (c *checker) accessCheck(s ssaflow.Site) bool {
	res := s.Func.Signature().Results()
	if res.Len() == 0 || res.Len() > 2 {
		return false
	}
	boolean := false
	for i := range res.Len() {
		if b, ok := res.At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			boolean = true
		}
	}
	isErr := res.Len() == 1 && types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type())
	if !boolean && !isErr {
		return false
	}
	words := session.Words(s.Func.Name())
	if len(words) > 0 && words[0] == "can" || slices.ContainsFunc(words, func(w string) bool { return slices.Contains(AccessWords, w) }) {
		return true
	}
	if !boolean {
		return false
	}
	for i := range s.Func.Signature().Params().Len() {
		if i != s.Arg && c.types.FromSession(handlers.ArgValue(s.Common, i)) {
			return true
		}
	}
	return false
}

// userLookup reports whether a function's name says it looks up a user
// record by id: GetUser, FindUserByID, UserByID, LoadProfile, GetUserInfo,
// or Get, FindByID, One of a type named for users (UserStore.Get,
// AccountRepository.FindByID) — not GetUserOrders or DeleteUser.
func userLookup(f *types.Func) bool {
	words := session.Words(f.Name())
	verb := false
	for len(words) > 0 && slices.Contains(LookupVerbs, words[0]) {
		words = words[1:] // FindOneUser, MustGetUser
		verb = true
	}
	if len(words) == 0 || !slices.Contains(UserNouns, strings.TrimSuffix(words[0], "s")) {
		if !verb || !qualifiers(words) {
			return false
		}
		// Get, FindByID: of a store of users?
		recv := f.Signature().Recv()
		if recv == nil {
			return false
		}
		n := namedObj(recv.Type())
		return n != nil && slices.ContainsFunc(session.Words(n.Name()), func(w string) bool {
			return slices.Contains(UserNouns, strings.TrimSuffix(w, "s"))
		})
	}
	return qualifiers(words[1:])
}

func qualifiers(words []string) bool {
	for _, w := range words {
		if !slices.Contains(LookupQualifiers, w) {
			return false
		}
	}
	return true
}

func isConstructor(name string) bool {
	for _, p := range ConstructorPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z') {
			return true
		}
	}
	return false
}

// pathHasWord reports whether a word of an import path's elements (split
// at '/', '-', '.' and case changes: go-pkgz/lgr → go, pkgz, lgr) is one
// of words; a version element is skipped.
func pathHasWord(path string, words []string) bool {
	for _, w := range session.Words(path) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// isFrameworkCall reports whether fn is a function of an HTTP framework's
// package that is not a request read: error and response constructors
// (echo.NewHTTPError, fiber.NewError), which do not act as the user.
func isFrameworkCall(fn *types.Func) bool {
	fw := handlers.FrameworkOfPackage(fn.Pkg().Path())
	return fw != nil && fw != handlers.NetHTTP
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
		if k, ok := handlers.Strip(handlers.ArgValue(s.Common, i)).(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
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
	for f := fn; f != nil && !res; f = f.Parent() {
		res = c.bodyChecksRole(f.Syntax()) || c.adminNamed(f) || c.gateChecksRole(f.Syntax()) || c.verifiesSender(f.Syntax())
	}
	if !res && depth < 3 {
		top := fn
		for top.Parent() != nil {
			top = top.Parent()
		}
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
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return false
	}
	if obj.Pkg() != nil && hasMarker(obj.Pkg().Path(), AdminMarkers) {
		return true
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
