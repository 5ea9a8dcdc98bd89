package requestuserid

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/accesscheck"
	"github.com/dypai/dypailint/passes/internal/fielduse"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/lazyssa"
	"github.com/dypai/dypailint/passes/internal/report"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// New returns the DYP203 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return report.Analyzer(rules.DYP203, []*analysis.Analyzer{lazyssa.Analyzer, handlers.Analyzer, fielduse.Analyzer, accesscheck.Analyzer}, func(pass *analysis.Pass) (any, error) {
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
	// guard are, for a bound value's field or the value used whole, the
	// reads of the same identity field (of every identity field): one of
	// them compared with the verified identity covers the source.
	guard []ssaflow.Seed
	field *types.Var // the bound field read, if any
	// idFields are, for a bound value used whole, its identity fields.
	idFields []string
}

type checker struct {
	pass   *analysis.Pass
	proj   *config.Project
	types  *handlers.Types
	set    *handlers.Set
	engine *ssaflow.Engine
	// records follows what a call given the id returns (read.go).
	records *ssaflow.Engine
	// lookups are the user-record lookups the current source reached.
	lookups []ssaflow.Site
	// keyed are the elements the current source selects by key
	// (db.Users[uid]).
	keyed []ssa.Value
	// creds follows the credential a login sends with the id (auth.go).
	creds       *ssaflow.Engine
	credChecked bool
	ids         map[string]bool // normalised identity fields

	// handlerTypes are the types with handler methods (the server): their
	// other methods are helpers, not stores.
	handlerTypes map[*types.TypeName]bool

	verified bool // the current source was compared with the session's identity
	roleMemo map[ast.Node]bool
	fnMemo   map[*ssa.Function]bool
	// senderMemo caches verifiesSender by function syntax.
	senderMemo map[ast.Node]bool
	lits       map[*ast.FuncLit]*ssa.Function
	cur        *source // the source being followed
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
		Keyed:   func(v ssa.Value) { c.keyed = append(c.keyed, v) },
	}, ssaRes.Pkg, ssaRes.SrcFuncs)

	c.creds = ssaflow.New(ssaflow.Config{Carries: carries, Call: c.credCall, Compare: c.credCompare}, ssaRes.Pkg, ssaRes.SrcFuncs)
	c.records = ssaflow.New(ssaflow.Config{Carries: carries, Call: c.recordCall}, ssaRes.Pkg, ssaRes.SrcFuncs)

	r := report.New(pass, cfg)
	for _, src := range c.sources() {
		if isTestFile(pass, src.pos) {
			continue
		}
		if d, ok := c.check(src); ok {
			r.Report(rules.DYP203, d)
		}
	}
	return r.Result(), nil
}

// check follows one source and returns its diagnostic: the first use of
// the id that no check covers — or, when there is none, a lookup of the
// user's record by the id in a signed-in handler — saying whether the
// record it selects is written to the response.
func (c *checker) check(src source) (analysis.Diagnostic, bool) {
	c.verified, c.cur = false, &src
	if len(src.guard) > 0 {
		if c.engine.Run(src.guard...); c.verified {
			return analysis.Diagnostic{}, false
		}
	}
	c.lookups, c.keyed = nil, nil
	hits := c.engine.Run(src.seeds...)
	if c.verified {
		return analysis.Diagnostic{}, false
	}
	slices.SortFunc(hits, func(a, b ssaflow.Hit) int { return int(a.Top.Pos() - b.Top.Pos()) })
	var u *useSite
	var write *ssaflow.Hit
	for _, h := range hits {
		if !c.roleChecked(src.fn, h.Top.Parent()) && !c.sessionActs(h) {
			u = &useSite{pos: h.Top.Pos(), name: c.callName(h.Top)}
			write = c.readBack(h.Top, h.Site.Instr)
			break
		}
	}
	if u == nil {
		u, write = c.readLookup(src)
	}
	if u == nil || c.authenticates(src) {
		return analysis.Diagnostic{}, false
	}
	d := analysis.Diagnostic{
		Pos: src.pos,
		Message: fmt.Sprintf("user id from %s %q is passed to %s: take the acting user from the verified session instead",
			src.kind, src.key, u.name),
		Related: []analysis.RelatedInformation{{Pos: u.pos, Message: "the user id is used here"}},
	}
	if write != nil {
		d.Message = fmt.Sprintf("user id from %s %q is passed to %s, whose result is written to the response: the record of any user can be read; take the user id from the verified session or JWT claims instead",
			src.kind, src.key, u.name)
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: write.Top.Pos(), Message: "the record is written to the response here"})
	}
	if src.node != nil {
		d.Pos, d.End = src.node.Pos(), src.node.End()
	}
	return d, true
}

// useSite is where the id is used: a call it is passed to, or a lookup
// of a store it selects an element of.
type useSite struct {
	pos  token.Pos
	name string // store.OrdersFor, the lookup db.Users[uid]
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

// callName renders the called function as written: store.OrdersFor,
// h.db.QueryContext, client.API.Post.
func (c *checker) callName(instr ssa.CallInstruction) string {
	if call := ssaflow.CallExpr(c.pass.Files, instr); call != nil {
		return shortExpr(call.Fun)
	}
	if f := handlers.Callee(instr.Common()); f != nil {
		return handlers.FuncName(f)
	}
	return "a function value"
}

// shortExpr renders an expression as written, cut to 60 bytes.
func shortExpr(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
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
