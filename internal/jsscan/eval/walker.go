package eval

import (
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// Checks is what a Walker tells the rules: the sites they judge, as the walk
// reaches them, with the values the walk has computed. Every method runs in
// both passes of a chunk; Walker.Reporting says whether findings are
// wanted (the first pass only computes values). The methods returning a
// value decide what the site evaluates to.
type Checks interface {
	// EnvRead is a read of the environment variable name (process.env.X,
	// import.meta.env.X, Deno.env.get("X"), an import from a SvelteKit
	// public env module).
	EnvRead(name string, at file.Idx)
	// Construct is the value of a call of the SDK's client constructor
	// (name: its exported name).
	Construct(e *ast.CallExpression, name string, args []*Value) *Value
	// HelperClient is the value of a call of a function that returns ret,
	// a client.
	HelperClient(e *ast.CallExpression, ret *Value, args []*Value) *Value
	// ClientCall is a method call on a client's api or auth object (base);
	// it reports whether the call was one the rules know (the call then
	// evaluates to nothing).
	ClientCall(e *ast.CallExpression, base *Value, method string, args []*Value) bool
	// ServerImport is an import of a server-only SDK that is itself the
	// mistake (sdk.ServerSDK.AnyImport).
	ServerImport(imp *ast.ImportDeclaration, srv *sdk.ServerSDK, spec string)
	// ServerConstruct is a call (or new, isNew) of a server-only SDK's
	// constructor ctor.
	ServerConstruct(at file.Idx, callee ast.Expression, ctor *Value, args []ast.Expression, vals []*Value, isNew bool)
	// KeyHeader is a key header (X-API-KEY, apikey, Authorization) given
	// the value v (expression e): in an object literal, an assignment or a
	// headers.set call.
	KeyHeader(at file.Idx, header string, v *Value, e ast.Expression)
	// OtherCall is any other call: a raw request (fetch, axios) may still
	// carry the key or the caller's id.
	OtherCall(e *ast.CallExpression, args []*Value)

	// The rest tell who the caller is (the signed-in user's session).

	// Calling is a method call about to have its arguments walked: a route
	// registration names its handler literals before they are walked.
	Calling(e *ast.CallExpression, method string)
	// Called is every call once its callee and arguments are walked.
	Called(e *ast.CallExpression, base, callee *Value)
	// Member is a property read left.name.
	Member(left ast.Expression, name string, at file.Idx)
	// Pattern is a declaration destructuring from into target.
	Pattern(target, from ast.Expression)
	// Params is the parameter list of the function fn, before its body.
	Params(fn ast.Node, pl *ast.ParameterList)
}

// Walker follows values through one chunk. It walks the chunk twice: the
// first pass computes what each binding holds, so that a function walked
// before the declaration it uses still sees it; the second reports.
type Walker struct {
	prof   *sdk.Profile
	path   string // the chunk's path, for relative imports
	checks Checks
	// exports is shared by the walkers of one build: chunk path → export
	// name → binding, filled in import order.
	exports map[string]map[string]*Binding
	exp     map[string]*Binding // this chunk's exports
	scopes  map[ast.Node]*Scope
	sc      *Scope
	fn      *Frame
	report  bool
	// classes holds each class's Class value, the same in both passes,
	// so that a method walked before the constructor sees this.admin.
	classes map[ast.Node]*Value
	cls     *Value // the class whose body is being walked
}

// NewWalker returns a walker of the chunk at path, under the profile prof,
// sharing exports with the walkers of the chunks it imports, and telling
// checks what it finds.
func NewWalker(prof *sdk.Profile, path string, exports map[string]map[string]*Binding, checks Checks) *Walker {
	w := &Walker{prof: prof, path: path, checks: checks, exports: exports,
		exp: map[string]*Binding{}, scopes: map[ast.Node]*Scope{}}
	exports[path] = w.exp
	return w
}

// Walk walks the program once; report says whether this is the pass whose
// findings count.
func (w *Walker) Walk(prog *ast.Program, report bool) {
	w.report = report
	w.sc, w.fn = nil, &Frame{}
	w.program(prog)
}

// Reporting reports whether this is the pass whose findings count.
func (w *Walker) Reporting() bool { return w.report }

// Lookup is the binding of name in the scope being walked, or nil.
func (w *Walker) Lookup(name string) *Binding { return w.sc.Lookup(name) }

// Frame is the function being walked (the module's has no Node).
func (w *Walker) Frame() *Frame { return w.fn }
