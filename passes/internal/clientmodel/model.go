package clientmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/gostd"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/report"
)

// Name is the model pass's analyzer name.
const Name = "dypaiclient"

// models holds one model pass per Config, so that every rule pass built
// from the same Config requires the same analyzer and the model runs once
// per package.
var models sync.Map // *config.Config -> *analysis.Analyzer

// defaultConfig stands in for a nil *config.Config.
var defaultConfig = &config.Config{}

// For returns the model pass configured by cfg. The rule passes of one run
// must all be built from the same Config: go/analysis allows each fact type
// to belong to one analyzer per run.
func For(cfg *config.Config) *analysis.Analyzer {
	if cfg == nil {
		cfg = defaultConfig
	}
	if a, ok := models.Load(cfg); ok {
		return a.(*analysis.Analyzer)
	}
	a := &analysis.Analyzer{
		Name:       Name,
		Doc:        "model DYPAI client code (SDK clients, endpoint calls, API-key requests, browser code) for the dypailint rule passes",
		Requires:   []*analysis.Analyzer{handlers.Analyzer},
		ResultType: reflect.TypeFor[*Model](),
		FactTypes:  []analysis.Fact{new(returnsFact), new(holdsFact), new(constructsFact), new(initFact), new(sdkTypeFact), new(secretSDKFact), new(secretSDKInitFact)},
		Run: report.Safe(Name, func(pass *analysis.Pass) (any, error) {
			return run(pass, cfg), nil
		}),
	}
	actual, _ := models.LoadOrStore(cfg, a)
	return actual.(*analysis.Analyzer)
}

// Model is what the model pass learned about one package.
type Model struct {
	// Project is the configuration that applies to the package; nil when
	// the package has no files.
	Project *config.Project
	// Err is the error finding or parsing dypai.yaml. The rule passes
	// return it from their run functions; the model never fails, so that a
	// rule pass reports the real error rather than a failed prerequisite.
	Err error

	// Dir is the package's directory; Browser says why the package, or
	// one of its files, runs in a browser (nil: it does not).
	Dir     string
	Browser *Reach

	Calls      []*Call      // endpoint calls through the SDK
	SignUps    []*SignUp    // Auth.SignUp calls
	Listeners  []*Listener  // Auth.OnAuthStateChange calls
	Keys       []*KeySite   // API-key client constructions and X-API-KEY requests
	ClientRefs []*ClientRef // browser code reaching an API-key construction elsewhere
	// SecretSDKs are server-only SDK clients given their secret key
	// (serversdk.go), in browser code or not.
	SecretSDKs []*SecretSDKSite
	// SecretSDKRefs are browser code calling (or referring to) a function
	// outside browser code that builds one, directly or through calls.
	SecretSDKRefs []*ClientRef
}

// Reach says why code is client-reachable (runs in a browser).
type Reach struct {
	// Label starts the chain shown to users: "wasm main",
	// "package ui (imports syscall/js)", "app_js.go (js/wasm build)".
	Label string
}

// Call is an endpoint call: client.API.Post(ctx, "name", payload).
type Call struct {
	Call   *ast.CallExpr
	Method string   // Get, Post, …
	Client ast.Expr // the client expression (c in c.API.Post)
	Kind   Kind
	// Endpoint is the endpoint's name when it is a constant (a query string
	// is cut off); EndpointExpr is the argument.
	Endpoint     string
	EndpointExpr ast.Expr
	// EndpointLit is the argument when it is a plain string literal (for
	// suggested fixes).
	EndpointLit *ast.BasicLit
	Payload     ast.Expr
	Identity    []Identity // identity fields sent, in the payload or the query
	Reach       *Reach     // non-nil in client-reachable code
	Handler     *Handler   // non-nil inside a handler serving a signed-in user
}

// ClientName renders the call's client expression for messages.
func (c *Call) ClientName() string { return types.ExprString(c.Client) }

// SignUp is an Auth.SignUp call.
type SignUp struct {
	Call   *ast.CallExpr
	Recv   ast.Expr // the Auth value (c.Auth in c.Auth.SignUp)
	Client ast.Expr // the client, when the receiver is its Auth field
	Method string
	Kind   Kind
	Reach  *Reach
}

// Listener is an Auth.OnAuthStateChange call: it registers a callback
// for auth events.
type Listener struct {
	Call *ast.CallExpr
	// Callback is the function given, an *ast.FuncLit or the *ast.FuncDecl
	// of a function or method of this package; nil when not known.
	Callback ast.Node
	Reach    *Reach
}

// Name renders the method called: c.Auth.SignUp.
func (s *SignUp) Name() string { return types.ExprString(s.Recv) + "." + s.Method }

// KeyHeader is KeySite.What for a key header (X-API-KEY; supabase: apikey
// or Authorization with the service-role key).
const KeyHeader = "X-API-KEY header"

// KeySite is an API-key client construction or an X-API-KEY request.
type KeySite struct {
	Node ast.Node
	What string // the constructor ("dypai.CreateClient"), or KeyHeader
	// Header names the key header, for KeyHeader sites, in the profile's
	// spelling ("X-API-KEY", "apikey", "Authorization").
	Header string
	Reach  *Reach // non-nil in client-reachable code
	// Raw is set for X-API-KEY requests made with net/http.
	Raw *RawRequest
}

// RawRequest is what is known of a request with an X-API-KEY header.
type RawRequest struct {
	Endpoint string // the URL's last path element, when dypai.yaml declares it
	Identity []Identity
	Handler  *Handler
	// Platform says the request goes to the platform: its URL or its key
	// names it (os.Getenv("DYPAI_URL"), cfg.DypaiKey, a dypai host), or the
	// URL ends in an endpoint dypai.yaml declares. Many other APIs take
	// their key in an X-API-KEY header too.
	Platform bool
}

// ClientRef is browser code that reaches an API-key construction outside
// browser code: a call of (or reference to) a function that constructs one,
// or an import of a package whose initialisation does.
type ClientRef struct {
	Node   ast.Node
	Reach  *Reach
	Name   string   // the function called, or the package imported
	Import bool     // an import rather than a call
	Chain  []string // from Name to the construction
	Site   token.Pos
	// SDK and Key are set for a server-only SDK's client (SecretSDKRefs):
	// the SDK and its key as the construction gives it.
	SDK *sdk.ServerSDK
	Key string
}

// Identity is an identity field sent to an endpoint.
type Identity struct {
	Field string   // the name sent: "user_id"
	Where string   // "payload", "query", "body"
	Node  ast.Node // where it is set
	// Entry and Lit are set when the field is an entry of a map literal,
	// which a fix can delete.
	Entry *ast.KeyValueExpr
	Lit   *ast.CompositeLit
}

// Handler is a request handler that serves a signed-in user.
type Handler struct {
	Name string    // the handler's name: "Orders", "(*Server).Me", "function literal"
	Why  string    // what shows it: `it reads the "Authorization" header`
	Pos  token.Pos // of the read (or the middleware)
}

func run(pass *analysis.Pass, cfg *config.Config) *Model {
	m := &Model{}
	dir := packageDir(pass)
	if dir == "" {
		return m
	}
	proj, err := cfg.ProjectFor(dir)
	if err != nil {
		m.Err = err
		return m
	}
	m.Project, m.Dir = proj, dir
	s := newState(pass, proj, m)
	if info := s.sdks.of(pass.Pkg); info != nil {
		// The SDK itself: mark its types for the packages that see it
		// only through export data.
		s.sdks.exportSurface(info)
		return m
	}
	if !s.relevant() {
		return m
	}
	// The inspector is built here, not required from inspect.Analyzer:
	// go vet runs this pass on every dependency for its facts, and most
	// of them stop at relevant.
	s.root = inspector.New(pass.Files).Root()
	m.Browser = s.browser()
	s.collect()
	s.solve()
	s.classify()
	s.chains()
	s.serverChains()
	s.exportFacts()
	return m
}

// packageDir is the directory of the package's first source file (skipping
// files generated into the build cache, such as cgo's).
func packageDir(pass *analysis.Pass) string {
	var first string
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		if first == "" {
			first = name
		}
		if strings.HasSuffix(name, ".go") && !strings.Contains(name, "go-build") {
			return filepath.Dir(name)
		}
	}
	if first == "" {
		return ""
	}
	return filepath.Dir(first)
}

// resultKey names result i of a function (*types.Func or *ast.FuncLit).
type resultKey struct {
	fn any
	i  int
}

// source is one value assigned to a tracked key: expr, or result idx of the
// multi-value expression expr when idx >= 0.
type source struct {
	expr ast.Expr
	idx  int
}

// ref is a reference to a function, for the construction chains.
type ref struct {
	from   *types.Func // the enclosing top-level function; nil at package level
	to     *types.Func
	node   ast.Node // the reference (selector or identifier)
	call   bool
	atInit bool // evaluated when the package initialises
	reach  *Reach
}

// pendingCall is a call to classify once kinds are solved.
type pendingCall struct {
	call *ast.CallExpr
	cur  inspector.Cursor
}

// marker is an X-API-KEY header (or, in browser code, a key-header map).
type marker struct {
	node   ast.Node
	cur    inspector.Cursor
	req    ast.Expr // the request, when known
	raw    bool
	header string   // the header's name as written
	val    ast.Expr // the header's value, when known
}

type state struct {
	pass  *analysis.Pass
	info  *types.Info
	proj  *config.Project
	model *Model
	sdks  *sdkTable
	root  inspector.Cursor

	// value tracking
	keys    []any
	sources map[any][]source
	bits    map[any]Kind
	// functions declared in this package and how they are used
	decls     map[*types.Func]*ast.FuncDecl
	funcOrder []*types.Func
	escapes   map[*types.Func]bool
	calls     map[*types.Func][]*ast.CallExpr
	writes    map[*types.Var][]write
	params    map[*types.Var]bool

	pending []pendingCall
	markers []marker
	keyCurs []inspector.Cursor // parallel to model.Keys
	keyVars []keyVarWrite
	// serverCurs is parallel to model.SecretSDKs.
	serverCurs []inspector.Cursor
	initBest   *chainInfo
	refs       []ref
	imports    []*ast.ImportSpec

	pkgReach   *Reach
	fileReach  map[*token.File]*Reach
	handlerSet *handlers.Set
	factCache  map[*types.Func]*constructsFact
	best       map[*types.Func]*chainInfo
	// serverFacts and serverBest are the server-only SDK counterparts.
	serverFacts map[*types.Func]*secretSDKFact
	serverBest  map[*types.Func]*chainInfo
}

func newState(pass *analysis.Pass, proj *config.Project, m *Model) *state {
	return &state{
		pass:        pass,
		info:        pass.TypesInfo,
		proj:        proj,
		model:       m,
		sdks:        &sdkTable{pass: pass, prof: proj.Profile, cache: map[*types.Package]*sdkInfo{}},
		sources:     map[any][]source{},
		bits:        map[any]Kind{},
		decls:       map[*types.Func]*ast.FuncDecl{},
		escapes:     map[*types.Func]bool{},
		calls:       map[*types.Func][]*ast.CallExpr{},
		writes:      map[*types.Var][]write{},
		params:      map[*types.Var]bool{},
		fileReach:   map[*token.File]*Reach{},
		handlerSet:  pass.ResultOf[handlers.Analyzer].(*handlers.Set),
		factCache:   map[*types.Func]*constructsFact{},
		serverFacts: map[*types.Func]*secretSDKFact{},
	}
}

// relevant is the cheap early exit: a package that cannot see the SDK, a
// server-only SDK (serversdk.go) or net/http, is not browser code, and imports nothing that constructs an
// API-key client has nothing to model.
func (s *state) relevant() bool {
	s.computeReach()
	if s.pkgReach != nil || len(s.fileReach) > 0 {
		return true
	}
	found := false
	seen := map[*types.Package]bool{}
	// The standard library and third-party modules hold no project clients
	// built from raw X-API-KEY requests or server-only SDKs (whose own
	// packages import each other): only reaching the SDK makes them
	// relevant. (go vet runs this pass on every dependency to compute
	// facts; this keeps that cheap. The CLI never analyses them from source.)
	rawHTTP := !dependencyModule(s.pass)
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if found || seen[p] {
			return
		}
		seen[p] = true
		if rawHTTP && (p.Path() == "net/http" || serverSDKPackage(p.Path())) || s.proj.Profile.IsGoSDK(p.Path()) {
			found = true
			return
		}
		for _, q := range p.Imports() {
			visit(q)
		}
	}
	visit(s.pass.Pkg)
	if found {
		return true
	}
	// Imported facts: a dependency constructs an API-key client in a way
	// this package's import graph (from export data) does not show.
	return len(s.pass.AllPackageFacts()) > 0 || len(s.pass.AllObjectFacts()) > 0
}

// dependencyModule reports whether the pass analyses a standard-library
// package or one of a versioned (downloaded) module: not the project's code.
//
// A package with module information belongs to a dependency when its module
// has a version: the main module, workspace modules and replacements have
// none, whatever their path (a project's module may be named "server",
// without a dot). Without module information (the standard library, or a
// driver that gives none), only the standard library's packages are
// dependencies.
func dependencyModule(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" && m.Path != "std" {
		return m.Version != ""
	}
	return gostd.IsStdlib(pass.Pkg.Path())
}

// browser returns why the package, or the first of its files that does,
// runs in a browser, or nil.
func (s *state) browser() *Reach {
	if s.pkgReach != nil {
		return s.pkgReach
	}
	for _, f := range s.pass.Files {
		if r := s.fileReach[s.pass.Fset.File(f.Pos())]; r != nil {
			return r
		}
	}
	return nil
}

// reachOf returns why the code at pos is client-reachable, or nil.
func (s *state) reachOf(pos token.Pos) *Reach {
	if s.pkgReach != nil {
		return s.pkgReach
	}
	return s.fileReach[s.pass.Fset.File(pos)]
}
