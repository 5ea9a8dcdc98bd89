package jsscan

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"
	"github.com/grafana/sobek/token"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
)

// kind is what the analysis knows about a value.
type kind int

const (
	kUnknown    kind = iota
	kCtor            // the SDK's client constructor
	kSDK             // the SDK module's namespace (import * as sdk)
	kClient          // a client
	kAPI             // client.api
	kAuth            // client.auth
	kFunc            // a function; ret is what it returns
	kObject          // an object literal
	kString          // a constant string
	kProcess         // the global process
	kImportMeta      // import.meta
	kEnv             // process.env, import.meta.env or Deno.env
	kEnvVar          // one environment variable's value
	kDeno            // the global Deno
	kOneOf           // one of parts (a || b, a ?? b, a function's returns)
	kParam           // a parameter of the function walked; str: its name
	kNamed           // an unknown value read from a name (str), for key privilege
	kClass           // a class; props: what its instances' fields hold
	kInstance        // this in a class, or new C(); props: its class's
	kServerCtor      // a constructor of a server-only SDK (server: which); str: its name
	kServerNS        // a server-only SDK's module or factory object (server: which)
)

type value struct {
	kind   kind
	client *client
	ret    *value             // kFunc: the client (or SDK value) it returns
	keyRet *value             // kFunc: the other values it returns (a key, a config object)
	obj    *ast.ObjectLiteral // kObject
	props  map[string]*value  // kObject: the values of its static keys
	str    string             // kString: the string; kEnvVar: the variable's name; kCtor: the constructor's name; kParam, kNamed: the name
	expr   string             // kEnvVar: how it was read (process.env.X); kString: "template" when only a prefix is known
	parts  []*value           // kOneOf: the alternatives; kString template: the substituted values
	idx    int                // kParam: its index
	fn     ast.Node           // kParam: its function; kFunc: the function itself, when known
	server *sdk.ServerSDK     // kServerCtor, kServerNS: the SDK (DYP105)
}

// client is one client construction.
type client struct {
	apiKey bool
	key    string // how the key was given, for messages
	loc    finding.Location
	ok     bool // loc is known
	// keyParam is the index of the parameter of the enclosing function
	// that the key came from, when the key is not privileged by itself: a
	// call of that function passing a privileged key builds a privileged
	// client (createAdmin(serviceKey)). -1 otherwise.
	keyParam int
}

type binding struct{ v *value }

type scope struct {
	parent *scope
	vars   map[string]*binding
	fn     bool
}

func (s *scope) lookup(name string) *binding {
	for ; s != nil; s = s.parent {
		if b := s.vars[name]; b != nil {
			return b
		}
	}
	return nil
}

// funcScope is the nearest function (or module) scope: where var lives.
func (s *scope) funcScope() *scope {
	for !s.fn && s.parent != nil {
		s = s.parent
	}
	return s
}

type fnCtx struct {
	ret    *value
	rets   []*value // returned values that are not interesting (keys, config objects)
	node   ast.Node // the function literal
	parent *fnCtx   // the enclosing function's
}

// chunkAnalyzer walks one output chunk.
type chunkAnalyzer struct {
	a      *analysis
	ch     *chunk
	scopes map[ast.Node]*scope
	sc     *scope
	fn     *fnCtx
	report bool // false in the first pass, which only computes values
	exp    map[string]*binding
	// sessions holds each function's first read of the signed-in user's
	// session (see session.go), recorded in the first pass.
	sessions map[ast.Node]*sessionRead
	// classes holds each class's kClass value, the same in both passes,
	// so that a method walked before the constructor sees this.admin.
	classes map[ast.Node]*value
	cls     *value // the class whose body is being walked
	// routes names the function literals registered as route handlers
	// (app.post("/orders", fn) → "POST /orders"), for messages.
	routes map[ast.Node]string
}

// analysis applies the rules to the chunks of one build.
type analysis struct {
	p       *project
	b       *buildOut
	prof    *sdk.Profile
	exports map[string]map[string]*binding // chunk -> export name -> binding
	emit    func(rule string, loc finding.Location, msg string, related []finding.Related, fixes ...finding.Fix)
	files   *fileCache
	// deadline is the project's time bound; zero means none.
	deadline time.Time
	// recovery is where the client build handles the set-password auth
	// event (DYP407, see recovery.go); nil when nowhere.
	recovery *finding.Location
}

// run analyses every chunk, in import order so that a chunk sees the values
// its imports export. It stops at the deadline, returning the note.
func (a *analysis) run() error {
	a.exports = map[string]map[string]*binding{}
	done := map[string]bool{}
	var order []*chunk
	var visit func(c *chunk)
	visit = func(c *chunk) {
		if done[c.path] {
			return
		}
		done[c.path] = true
		for _, imp := range c.imports {
			if d := a.b.byPath[imp]; d != nil {
				visit(d)
			}
		}
		order = append(order, c)
	}
	for _, c := range a.b.chunks {
		visit(c)
	}
	for i, c := range order {
		if !a.deadline.IsZero() && time.Now().After(a.deadline) {
			return &timeBoundError{root: a.p.root, left: len(order) - i}
		}
		a.chunk(c)
		c.prog = nil // free the AST
	}
	return nil
}

// timeBoundError notes a project whose analysis hit projectTimeBound.
type timeBoundError struct {
	root string
	left int // modules not analysed; 0 when a build was cut short
}

func (e *timeBoundError) Error() string {
	if e.left > 0 {
		return fmt.Sprintf("%s: analysis stopped at its time bound (%v): %d modules not analysed", e.root, projectTimeBound, e.left)
	}
	return fmt.Sprintf("%s: analysis stopped at its time bound (%v) while building", e.root, projectTimeBound)
}

// IsNotice marks the bound as a gap in what was seen.
func (e *timeBoundError) IsNotice() bool { return true }

func (a *analysis) chunk(c *chunk) {
	prog := c.prog
	if prog == nil {
		return // buildParsed has reported why
	}
	ca := &chunkAnalyzer{a: a, ch: c, scopes: map[ast.Node]*scope{}, exp: map[string]*binding{}}
	a.exports[c.path] = ca.exp
	// Two passes: the first computes what each binding holds, so that a
	// function walked before the declaration it uses still sees it.
	for pass := 0; pass < 2; pass++ {
		ca.report = pass == 1
		ca.sc, ca.fn = nil, &fnCtx{}
		ca.program(prog)
	}
}

// enter returns the scope for node n, the same one in both passes.
func (ca *chunkAnalyzer) enter(n ast.Node, fn bool) *scope {
	s := ca.scopes[n]
	if s == nil {
		s = &scope{parent: ca.sc, vars: map[string]*binding{}, fn: fn}
		ca.scopes[n] = s
	}
	ca.sc = s
	return s
}

func (ca *chunkAnalyzer) declare(s *scope, name string) *binding {
	if b := s.vars[name]; b != nil {
		return b
	}
	b := &binding{}
	s.vars[name] = b
	return b
}

func (ca *chunkAnalyzer) program(prog *ast.Program) {
	s := ca.enter(prog, true)
	for _, st := range prog.Body {
		if imp, ok := st.(*ast.ImportDeclaration); ok {
			ca.importDecl(s, imp)
		}
	}
	ca.hoist(s, prog.Body)
	for _, st := range prog.Body {
		ca.stmt(st)
	}
	for _, st := range prog.Body {
		if ed, ok := st.(*ast.ExportDeclaration); ok {
			ca.exportDecl(s, ed)
		}
	}
}

// namedImports declares the named imports of an import clause, each bound
// to what bind says its exported name is (nil: unknown).
func (ca *chunkAnalyzer) namedImports(s *scope, c *ast.ImportClause, bind func(name string) *value) {
	if c.NamedImports == nil {
		return
	}
	for _, is := range c.NamedImports.ImportsList {
		local := is.Alias
		if local == "" {
			local = is.IdentifierName
		}
		if v := bind(string(is.IdentifierName)); v != nil {
			ca.declare(s, string(local)).v = v
		} else {
			ca.declare(s, string(local))
		}
	}
}

func (ca *chunkAnalyzer) importDecl(s *scope, imp *ast.ImportDeclaration) {
	if imp.ImportClause == nil || imp.FromClause == nil {
		return
	}
	spec := string(imp.FromClause.ModuleSpecifier)
	c := imp.ImportClause
	prof := ca.a.prof
	if prof.IsJSModule(spec) {
		if c.ImportedDefaultBinding != nil {
			ca.declare(s, string(c.ImportedDefaultBinding.Name)).v = &value{kind: kSDK}
		}
		if c.NameSpaceImport != nil {
			ca.declare(s, string(c.NameSpaceImport.ImportedBinding)).v = &value{kind: kSDK}
		}
		ca.namedImports(s, c, func(name string) *value {
			if slices.Contains(prof.JSConstructors, name) {
				return &value{kind: kCtor, str: name}
			}
			return nil
		})
		return
	}
	if ca.serverImport(s, imp, spec) {
		return
	}
	if dynamic, ok := kitEnvModules[spec]; ok {
		ca.kitEnvImport(s, imp, spec, dynamic)
		return
	}
	if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") {
		return
	}
	exp := ca.a.exports[filepath.Join(filepath.Dir(ca.ch.path), filepath.FromSlash(spec))]
	if c.NamedImports != nil {
		for _, is := range c.NamedImports.ImportsList {
			local := is.Alias
			if local == "" {
				local = is.IdentifierName
			}
			if b := exp[string(is.IdentifierName)]; b != nil {
				s.vars[string(local)] = b // shared: later updates are seen
			} else {
				ca.declare(s, string(local))
			}
		}
	}
	if c.ImportedDefaultBinding != nil {
		if b := exp["default"]; b != nil {
			s.vars[string(c.ImportedDefaultBinding.Name)] = b
		}
	}
}

// kitEnvModules are SvelteKit's env modules, true for the dynamic ones:
// the static ones export each variable by name (inlined by the build),
// the dynamic ones an env object.
var kitEnvModules = map[string]bool{
	"$env/static/public": false, "$env/static/private": false,
	"$env/dynamic/public": true, "$env/dynamic/private": true,
}

// kitEnvImport binds the names imported from a SvelteKit env module to the
// variables they hold, and reports a secret-like name imported from a
// public one (DYP102), at the import.
func (ca *chunkAnalyzer) kitEnvImport(s *scope, imp *ast.ImportDeclaration, spec string, dynamic bool) {
	if imp.ImportClause.NamedImports == nil {
		return
	}
	for _, is := range imp.ImportClause.NamedImports.ImportsList {
		local := is.Alias
		if local == "" {
			local = is.IdentifierName
		}
		name := string(is.IdentifierName)
		b := ca.declare(s, string(local))
		switch {
		case dynamic && name == "env":
			b.v = &value{kind: kEnv, expr: "env"}
		case !dynamic:
			b.v = &value{kind: kEnvVar, str: name, expr: name + " from " + spec}
			if strings.HasSuffix(spec, "/public") {
				ca.envRead(name, imp.Idx)
			}
		}
	}
}

func (ca *chunkAnalyzer) exportDecl(s *scope, ed *ast.ExportDeclaration) {
	if ed.NamedExports != nil && ed.FromClause == nil {
		for _, es := range ed.NamedExports.ExportsList {
			name := es.Alias
			if name == "" {
				name = es.IdentifierName
			}
			if b := s.vars[string(es.IdentifierName)]; b != nil {
				ca.exp[string(name)] = b
			}
		}
	}
	if ed.ExportFromClause != nil && ed.FromClause != nil && ed.ExportFromClause.NamedExports != nil {
		spec := string(ed.FromClause.ModuleSpecifier)
		exp := ca.a.exports[filepath.Join(filepath.Dir(ca.ch.path), filepath.FromSlash(spec))]
		for _, es := range ed.ExportFromClause.NamedExports.ExportsList {
			name := es.Alias
			if name == "" {
				name = es.IdentifierName
			}
			if b := exp[string(es.IdentifierName)]; b != nil {
				ca.exp[string(name)] = b
			}
		}
	}
	var names []string
	switch {
	case ed.HoistableDeclaration != nil && ed.HoistableDeclaration.FunctionDeclaration != nil:
		if n := ed.HoistableDeclaration.FunctionDeclaration.Function.Name; n != nil {
			names = append(names, string(n.Name))
		}
	case ed.LexicalDeclaration != nil:
		names = bindingNames(ed.LexicalDeclaration.List)
	case ed.Variable != nil:
		names = bindingNames(ed.Variable.List)
	}
	for _, n := range names {
		if b := s.vars[n]; b != nil {
			ca.exp[n] = b
		}
	}
}

func bindingNames(list []*ast.Binding) []string {
	var out []string
	for _, b := range list {
		if id, ok := b.Target.(*ast.Identifier); ok {
			out = append(out, string(id.Name))
		}
	}
	return out
}

// hoist declares the block's function declarations (with their value, so
// that calls before the declaration see it), its let/const/class names, and,
// at function level, the var names anywhere in the body.
func (ca *chunkAnalyzer) hoist(s *scope, list []ast.Statement) {
	for _, st := range list {
		switch st := st.(type) {
		case *ast.ExportDeclaration:
			switch {
			case st.HoistableDeclaration != nil && st.HoistableDeclaration.FunctionDeclaration != nil:
				ca.hoistFunc(s, st.HoistableDeclaration.FunctionDeclaration)
			case st.LexicalDeclaration != nil:
				ca.declareTargets(s, st.LexicalDeclaration.List)
			case st.ClassDeclaration != nil && st.ClassDeclaration.Class.Name != nil:
				ca.declare(s, string(st.ClassDeclaration.Class.Name.Name))
			}
		case *ast.FunctionDeclaration:
			ca.hoistFunc(s, st)
		case *ast.LexicalDeclaration:
			ca.declareTargets(s, st.List)
		case *ast.ClassDeclaration:
			if st.Class.Name != nil {
				ca.declare(s, string(st.Class.Name.Name))
			}
		}
	}
	if s.fn {
		var vars func(st ast.Node)
		vars = func(n ast.Node) {
			switch n := n.(type) {
			case *ast.FunctionLiteral, *ast.ArrowFunctionLiteral, *ast.ClassLiteral:
				return
			case *ast.VariableStatement:
				ca.declareTargets(s, n.List)
			case *ast.ForLoopInitializerVarDeclList:
				ca.declareTargets(s, n.List)
			case *ast.ForIntoVar:
				ca.declareTargets(s, []*ast.Binding{n.Binding})
			case *ast.ExportDeclaration:
				if n.Variable != nil {
					ca.declareTargets(s, n.Variable.List)
				}
				return
			case ast.Expression:
				return
			}
			eachChild(n, vars)
		}
		for _, st := range list {
			vars(st)
		}
	}
}

func (ca *chunkAnalyzer) hoistFunc(s *scope, fd *ast.FunctionDeclaration) {
	if fd.Function.Name == nil {
		return
	}
	b := ca.declare(s, string(fd.Function.Name.Name))
	if b.v == nil || b.v.kind != kFunc {
		b.v = &value{kind: kFunc}
	}
	b.v.fn = fd.Function
}

func (ca *chunkAnalyzer) declareTargets(s *scope, list []*ast.Binding) {
	for _, b := range list {
		for _, n := range targetNames(b.Target) {
			ca.declare(s, n)
		}
	}
}

func targetNames(t ast.Expression) []string {
	switch t := t.(type) {
	case *ast.Identifier:
		return []string{string(t.Name)}
	case *ast.ObjectPattern:
		var out []string
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				out = append(out, string(p.Name.Name))
			case *ast.PropertyKeyed:
				out = append(out, targetNames(p.Value)...)
			}
		}
		if t.Rest != nil {
			out = append(out, targetNames(t.Rest)...)
		}
		return out
	case *ast.ArrayPattern:
		var out []string
		for _, e := range t.Elements {
			out = append(out, targetNames(e)...)
		}
		if t.Rest != nil {
			out = append(out, targetNames(t.Rest)...)
		}
		return out
	case *ast.AssignExpression: // a default value in a pattern
		return targetNames(t.Left)
	}
	return nil
}

func (ca *chunkAnalyzer) stmt(st ast.Statement) {
	switch st := st.(type) {
	case nil:
	case *ast.ImportDeclaration:
	case *ast.ExportDeclaration:
		switch {
		case st.HoistableDeclaration != nil && st.HoistableDeclaration.FunctionDeclaration != nil:
			ca.funcDecl(st.HoistableDeclaration.FunctionDeclaration)
		case st.LexicalDeclaration != nil:
			ca.bindings(st.LexicalDeclaration.List)
		case st.Variable != nil:
			ca.bindings(st.Variable.List)
		case st.ClassDeclaration != nil:
			ca.classDecl(st.ClassDeclaration)
		case st.AssignExpression != nil:
			v := ca.expr(st.AssignExpression)
			ca.declare(ca.sc, "*default*").v = v
			ca.exp["default"] = ca.sc.vars["*default*"]
		}
	case *ast.FunctionDeclaration:
		ca.funcDecl(st)
	case *ast.VariableStatement:
		ca.bindings(st.List)
	case *ast.LexicalDeclaration:
		ca.bindings(st.List)
	case *ast.BlockStatement:
		saved := ca.sc
		s := ca.enter(st, false)
		ca.hoist(s, st.List)
		for _, x := range st.List {
			ca.stmt(x)
		}
		ca.sc = saved
	case *ast.ReturnStatement:
		if st.Argument != nil {
			ca.returned(ca.expr(st.Argument), st.Argument)
		}
	case *ast.CatchStatement:
		saved := ca.sc
		s := ca.enter(st, false)
		for _, n := range targetNames(st.Parameter) {
			ca.declare(s, n)
		}
		ca.stmt(st.Body)
		ca.sc = saved
	case *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement:
		saved := ca.sc
		s := ca.enter(st, false)
		ca.forDecls(s, st)
		eachChild(st, ca.node)
		ca.sc = saved
	case *ast.ClassDeclaration:
		ca.classDecl(st)
	default:
		eachChild(st, ca.node)
	}
}

func (ca *chunkAnalyzer) forDecls(s *scope, st ast.Statement) {
	var into ast.ForInto
	switch st := st.(type) {
	case *ast.ForStatement:
		if ld, ok := st.Initializer.(*ast.ForLoopInitializerLexicalDecl); ok {
			ca.declareTargets(s, ld.LexicalDeclaration.List)
		}
		return
	case *ast.ForInStatement:
		into = st.Into
	case *ast.ForOfStatement:
		into = st.Into
	}
	if fd, ok := into.(*ast.ForDeclaration); ok {
		for _, n := range targetNames(fd.Target) {
			ca.declare(s, n)
		}
	}
}

// node dispatches a child found by eachChild.
func (ca *chunkAnalyzer) node(n ast.Node) {
	switch n := n.(type) {
	case ast.Statement:
		ca.stmt(n)
	case ast.Expression:
		ca.expr(n)
	case *ast.Binding:
		ca.bindings([]*ast.Binding{n})
	case *ast.ForLoopInitializerVarDeclList:
		ca.bindings(n.List)
	case *ast.ForLoopInitializerLexicalDecl:
		ca.bindings(n.LexicalDeclaration.List)
	case *ast.ForIntoVar:
		ca.bindings([]*ast.Binding{n.Binding})
	case *ast.ForDeclaration:
	default:
		eachChild(n, ca.node)
	}
}

func (ca *chunkAnalyzer) funcDecl(fd *ast.FunctionDeclaration) {
	v := ca.function(fd.Function)
	if fd.Function.Name != nil {
		if b := ca.sc.lookup(string(fd.Function.Name.Name)); b != nil && b.v != nil && b.v.kind == kFunc {
			b.v.ret, b.v.keyRet = v.ret, v.keyRet
		}
	}
}

// returned records a value the walked function returns: the first
// interesting one is what calls of it give; the others (a key, a config
// object) are kept for key privilege.
func (ca *chunkAnalyzer) returned(v *value, e ast.Expression) {
	switch {
	case interesting(v):
		if ca.fn.ret == nil {
			ca.fn.ret = v
		}
	case v != nil || exprName(e) != "":
		ca.fn.rets = append(ca.fn.rets, partOf(v, e))
	}
}

// value is the kFunc value of the function just walked.
func (f *fnCtx) value() *value {
	v := &value{kind: kFunc, ret: f.ret, fn: f.node}
	switch len(f.rets) {
	case 0:
	case 1:
		v.keyRet = f.rets[0]
	default:
		v.keyRet = &value{kind: kOneOf, parts: f.rets}
	}
	return v
}

// function walks a function literal and returns it as a kFunc value.
func (ca *chunkAnalyzer) function(fl *ast.FunctionLiteral) *value {
	saved, savedFn := ca.sc, ca.fn
	s := ca.enter(fl, true)
	if fl.Name != nil {
		ca.declare(s, string(fl.Name.Name))
	}
	ca.fn = &fnCtx{node: fl, parent: savedFn}
	ca.params(s, fl.ParameterList)
	if fl.Body != nil {
		ca.hoist(s, fl.Body.List)
		for _, st := range fl.Body.List {
			ca.stmt(st)
		}
	}
	v := ca.fn.value()
	ca.sc, ca.fn = saved, savedFn
	return v
}

func (ca *chunkAnalyzer) arrow(af *ast.ArrowFunctionLiteral) *value {
	saved, savedFn := ca.sc, ca.fn
	s := ca.enter(af, true)
	ca.fn = &fnCtx{node: af, parent: savedFn}
	ca.params(s, af.ParameterList)
	switch body := af.Body.(type) {
	case *ast.BlockStatement:
		ca.hoist(s, body.List)
		for _, st := range body.List {
			ca.stmt(st)
		}
	case *ast.ExpressionBody:
		ca.returned(ca.expr(body.Expression), body.Expression)
	}
	v := ca.fn.value()
	ca.sc, ca.fn = saved, savedFn
	return v
}

func (ca *chunkAnalyzer) params(s *scope, pl *ast.ParameterList) {
	if pl == nil {
		return
	}
	ca.sessionParams(ca.fn.node, pl)
	for i, b := range pl.List {
		var def *value
		if b.Initializer != nil {
			def = ca.expr(b.Initializer)
		}
		if id, ok := b.Target.(*ast.Identifier); ok {
			v := &value{kind: kParam, str: string(id.Name), idx: i, fn: ca.fn.node}
			if keyish(def) {
				// (key = process.env.DYPAI_API_KEY): the default is a key
				// whatever the callers pass.
				v = oneOf(partOf(def, b.Initializer), v)
			}
			ca.declare(s, string(id.Name)).v = v
		} else {
			for _, n := range targetNames(b.Target) {
				ca.declare(s, n).v = nil
			}
		}
	}
	if pl.Rest != nil {
		for _, n := range targetNames(pl.Rest) {
			ca.declare(s, n).v = nil
		}
	}
}

func interesting(v *value) bool {
	if v == nil {
		return false
	}
	switch v.kind {
	case kClient, kAPI, kAuth, kCtor, kSDK, kFunc:
		return true
	}
	return false
}

func (ca *chunkAnalyzer) bindings(list []*ast.Binding) {
	for _, b := range list {
		var v *value
		if b.Initializer != nil {
			v = ca.expr(b.Initializer)
			ca.sessionPattern(b.Target, b.Initializer) // const { user } = req
		}
		ca.bind(b.Target, v, b.Initializer != nil)
	}
}

// bind assigns v to a declaration or assignment target.
func (ca *chunkAnalyzer) bind(t ast.Expression, v *value, set bool) {
	switch t := t.(type) {
	case *ast.Identifier:
		b := ca.sc.lookup(string(t.Name))
		if b == nil {
			b = ca.declare(ca.sc.funcScope(), string(t.Name))
		}
		if set {
			b.v = v
		}
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				name := string(p.Name.Name)
				ca.bind(&p.Name, ca.member(v, name, p.Name.Idx), set)
				if p.Initializer != nil {
					ca.expr(p.Initializer)
				}
			case *ast.PropertyKeyed:
				var sub *value
				if k, ok := propName(p); ok {
					sub = ca.member(v, k, p.Key.Idx0())
				} else {
					ca.expr(p.Key)
				}
				target := p.Value
				if ae, ok := target.(*ast.AssignExpression); ok {
					ca.expr(ae.Right)
					target = ae.Left
				}
				ca.bind(target, sub, set)
			}
		}
		if t.Rest != nil {
			ca.bind(t.Rest, nil, set)
		}
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			if e != nil {
				ca.bind(e, nil, set)
			}
		}
		if t.Rest != nil {
			ca.bind(t.Rest, nil, set)
		}
	case *ast.AssignExpression: // default value
		ca.expr(t.Right)
		ca.bind(t.Left, v, set)
	default:
		ca.expr(t)
	}
}

// propName is the static name of an object property key.
func propName(p *ast.PropertyKeyed) (string, bool) {
	if p.Computed {
		if s, ok := p.Key.(*ast.StringLiteral); ok {
			return string(s.Value), true
		}
		return "", false
	}
	switch k := p.Key.(type) {
	case *ast.StringLiteral:
		return string(k.Value), true
	case *ast.Identifier:
		return string(k.Name), true
	case *ast.NumberLiteral:
		return k.Literal, true
	}
	return "", false
}

// member is the value of v.name; it reports env reads (DYP102).
func (ca *chunkAnalyzer) member(v *value, name string, at file.Idx) *value {
	if v == nil {
		return nil
	}
	prof := ca.a.prof
	switch v.kind {
	case kSDK:
		if slices.Contains(prof.JSConstructors, name) {
			return &value{kind: kCtor, str: name}
		}
	case kObject, kInstance:
		return v.props[name]
	case kServerNS:
		return serverMember(v, name)
	case kClient:
		switch name {
		case prof.JSAPIField:
			return &value{kind: kAPI, client: v.client}
		case prof.JSAuthField:
			return &value{kind: kAuth, client: v.client}
		}
	case kProcess, kImportMeta, kDeno:
		if name == "env" {
			return &value{kind: kEnv, expr: map[kind]string{kProcess: "process.env", kImportMeta: "import.meta.env", kDeno: "Deno.env"}[v.kind]}
		}
	case kEnv:
		ca.envRead(name, at)
		return &value{kind: kEnvVar, str: name, expr: v.expr + "." + name}
	}
	return nil
}

func (ca *chunkAnalyzer) envRead(name string, at file.Idx) {
	if !ca.report || !ca.a.prof.IsPublicSecretEnv(name) {
		return
	}
	ca.emit(rules.DYP102, at, rules.MsgPublicEnv(name, ca.a.prof.PublicEnvPrefix(name)), nil)
}

func (ca *chunkAnalyzer) expr(e ast.Expression) *value {
	switch e := e.(type) {
	case nil:
		return nil
	case *ast.Identifier:
		if b := ca.sc.lookup(string(e.Name)); b != nil {
			return b.v
		}
		switch e.Name {
		case "process":
			return &value{kind: kProcess}
		case "Deno":
			return &value{kind: kDeno}
		}
		return nil
	case *ast.MetaProperty:
		if e.Meta != nil && e.Property != nil && e.Meta.Name == "import" && e.Property.Name == "meta" {
			return &value{kind: kImportMeta}
		}
		return nil
	case *ast.StringLiteral:
		return &value{kind: kString, str: string(e.Value)}
	case *ast.TemplateLiteral:
		var parts []*value
		for _, x := range e.Expressions {
			parts = append(parts, partOf(ca.expr(x), x))
		}
		if e.Tag != nil {
			ca.expr(e.Tag)
			return nil
		}
		if len(e.Expressions) == 0 && len(e.Elements) == 1 {
			return &value{kind: kString, str: string(e.Elements[0].Parsed)}
		}
		if len(e.Elements) > 0 {
			// A prefix is enough to name the endpoint and see a query;
			// the substitutions say whether it carries a key.
			return &value{kind: kString, str: string(e.Elements[0].Parsed), expr: "template", parts: parts}
		}
		return nil
	case *ast.DotExpression:
		base := ca.expr(e.Left)
		name := string(e.Identifier.Name)
		ca.sessionMember(e.Left, name, e.Identifier.Idx)
		if (base == nil || base.kind != kEnv) && envName(name) {
			// A validated env object (t3-env's env.VITE_X, Expo's
			// Constants.expoConfig.extra.EXPO_PUBLIC_X) holds the same
			// variables the bundler inlines.
			ca.envRead(name, e.Identifier.Idx)
		}
		return ca.member(base, name, e.Identifier.Idx)
	case *ast.PrivateDotExpression:
		ca.expr(e.Left)
		return nil
	case *ast.BracketExpression:
		base := ca.expr(e.Left)
		m := ca.expr(e.Member)
		if m != nil && m.kind == kString && m.expr == "" {
			ca.sessionMember(e.Left, m.str, e.Member.Idx0())
			if base != nil && base.kind == kEnv {
				return ca.member(base, m.str, e.Member.Idx0())
			}
			return ca.member(base, m.str, e.Member.Idx0())
		}
		return nil
	case *ast.OptionalChain:
		return ca.expr(e.Expression)
	case *ast.Optional:
		return ca.expr(e.Expression)
	case *ast.AwaitExpression:
		return ca.expr(e.Argument)
	case *ast.SequenceExpression:
		var v *value
		for _, x := range e.Sequence {
			v = ca.expr(x)
		}
		return v
	case *ast.ConditionalExpression:
		ca.expr(e.Test)
		a, b := ca.expr(e.Consequent), ca.expr(e.Alternate)
		if interesting(a) {
			return a
		}
		if !interesting(b) && (keyish(a) || keyish(b)) {
			return oneOf(partOf(a, e.Consequent), partOf(b, e.Alternate)) // dev ? serviceKey : anonKey
		}
		return b
	case *ast.BinaryExpression:
		l, r := ca.expr(e.Left), ca.expr(e.Right)
		if e.Operator == token.LOGICAL_OR || e.Operator == token.COALESCE || e.Operator == token.LOGICAL_AND {
			if interesting(r) {
				return r
			}
			if interesting(l) {
				return l
			}
			if e.Operator != token.LOGICAL_AND && (keyish(l) || keyish(r)) {
				// process.env.SERVICE_KEY ?? process.env.ANON_KEY: either
				// may be the key.
				return oneOf(partOf(l, e.Left), partOf(r, e.Right))
			}
		}
		if e.Operator == token.PLUS && l != nil && l.kind == kString {
			// "Bearer " + key
			return &value{kind: kString, str: l.str, expr: "template", parts: []*value{l, partOf(r, e.Right)}}
		}
		return nil
	case *ast.AssignExpression:
		v := ca.expr(e.Right)
		if e.Operator == token.ASSIGN {
			switch t := e.Left.(type) {
			case *ast.Identifier, *ast.ObjectPattern, *ast.ArrayPattern:
				ca.bind(t, v, true)
				return v
			case *ast.DotExpression:
				// this.admin = createClient(url, key), in a constructor
				if _, ok := t.Left.(*ast.ThisExpression); ok {
					ca.field(string(t.Identifier.Name), v)
					return v
				}
			case *ast.BracketExpression:
				// headers["X-API-KEY"] = key
				ca.expr(t.Left)
				if m := ca.expr(t.Member); m != nil && m.kind == kString && ca.a.prof.IsKeyHeader(m.str) {
					ca.keyHeader(t.Member.Idx0(), m.str, v, e.Right)
				}
				return v
			}
		}
		ca.expr(e.Left)
		return v
	case *ast.FunctionLiteral:
		return ca.function(e)
	case *ast.ArrowFunctionLiteral:
		return ca.arrow(e)
	case *ast.ObjectLiteral:
		return &value{kind: kObject, obj: e, props: ca.object(e)}
	case *ast.CallExpression:
		return ca.call(e)
	case *ast.NewExpression:
		c := ca.expr(e.Callee)
		args := make([]*value, len(e.ArgumentList))
		for i, x := range e.ArgumentList {
			args[i] = ca.expr(x)
		}
		switch {
		case c == nil:
		case c.kind == kClass:
			return &value{kind: kInstance, props: c.props}
		case c.kind == kServerCtor:
			ca.serverConstruct(e.Idx0(), e.Callee, c, e.ArgumentList, args, true)
		case c.kind == kServerNS:
			return c // new Mailgun(FormData): the factory whose client() builds
		}
		return nil
	case *ast.ClassLiteral:
		return ca.class(e)
	case *ast.ThisExpression:
		if ca.cls != nil {
			return &value{kind: kInstance, props: ca.cls.props}
		}
		return nil
	}
	eachChild(e, ca.node)
	return nil
}

// class walks a class body with this bound to its instances, and returns
// the class as a kClass value whose props are what the constructor and the
// field initialisers store on this.
func (ca *chunkAnalyzer) class(cl *ast.ClassLiteral) *value {
	if ca.classes == nil {
		ca.classes = map[ast.Node]*value{}
	}
	v := ca.classes[cl]
	if v == nil {
		v = &value{kind: kClass, props: map[string]*value{}}
		ca.classes[cl] = v
	}
	saved := ca.cls
	ca.expr(cl.SuperClass)
	ca.cls = v
	for _, el := range cl.Body {
		if fd, ok := el.(*ast.FieldDefinition); ok && !fd.Static && !fd.Computed && fd.Initializer != nil {
			if name := fieldName(fd.Key); name != "" {
				ca.field(name, ca.expr(fd.Initializer))
				continue
			}
		}
		eachChild(el, ca.node)
	}
	ca.cls = saved
	return v
}

// classDecl walks a class declaration and binds its name to the class.
func (ca *chunkAnalyzer) classDecl(cd *ast.ClassDeclaration) {
	v := ca.class(cd.Class)
	if cd.Class.Name != nil {
		if b := ca.sc.lookup(string(cd.Class.Name.Name)); b != nil {
			b.v = v
		}
	}
}

// field records what the class being walked stores in this.name. The first
// interesting value stays: a later this.admin = null (a dispose method)
// does not hide the client.
func (ca *chunkAnalyzer) field(name string, v *value) {
	if ca.cls == nil || v == nil {
		return
	}
	if old := ca.cls.props[name]; old != nil && interesting(old) && !interesting(v) {
		return
	}
	ca.cls.props[name] = v
}

// fieldName is the static name of a class field's key.
func fieldName(k ast.Expression) string {
	switch k := k.(type) {
	case *ast.Identifier:
		return string(k.Name)
	case *ast.StringLiteral:
		return string(k.Value)
	}
	return ""
}

// object walks an object literal, reports an API-key header in it and
// returns the values of its static keys.
func (ca *chunkAnalyzer) object(o *ast.ObjectLiteral) map[string]*value {
	var props map[string]*value
	set := func(k string, v *value) {
		if v == nil {
			return
		}
		if props == nil {
			props = map[string]*value{}
		}
		props[k] = v
	}
	for _, p := range o.Value {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			var v *value
			if p.Computed {
				ca.expr(p.Key)
			}
			v = ca.expr(p.Value)
			if k, ok := propName(p); ok {
				set(k, partOf(v, p.Value))
				if ca.a.prof.IsKeyHeaderKey(k) {
					ca.keyHeader(p.Key.Idx0(), k, v, p.Value)
				}
			}
		case *ast.PropertyShort:
			v := ca.expr(&p.Name)
			if p.Initializer != nil {
				ca.expr(p.Initializer)
			}
			set(string(p.Name.Name), partOf(v, &p.Name))
			if ca.a.prof.IsKeyHeaderKey(string(p.Name.Name)) {
				ca.keyHeader(p.Name.Idx, string(p.Name.Name), v, &p.Name)
			}
		case *ast.SpreadElement:
			ca.expr(p.Expression)
		default:
			ca.node(p)
		}
	}
	return props
}

// keyHeader handles a key header (X-API-KEY; supabase: apikey, or
// Authorization with the service-role key) given a value e: a privileged
// request built in this code (DYP101 in the client build).
func (ca *chunkAnalyzer) keyHeader(at file.Idx, header string, v *value, e ast.Expression) {
	if !ca.report || !ca.a.b.client || !ca.privileged(v, e) {
		return
	}
	ca.emitDYP101(at, fmt.Sprintf("an %s header%s", header, paren(ca.describeKey(v, e))), v, true)
}

// keyish reports whether a value can be a key, or part of one.
func keyish(v *value) bool {
	if v == nil {
		return false
	}
	switch v.kind {
	case kEnvVar, kString, kOneOf, kParam, kNamed:
		return true
	}
	return false
}

// partOf is v as a part of a larger value: an unknown value becomes kNamed
// with the name it was read from, so that the name can still mark a key.
func partOf(v *value, e ast.Expression) *value {
	if v != nil {
		return v
	}
	if n := exprName(e); n != "" {
		return &value{kind: kNamed, str: n}
	}
	return nil
}

// oneOf is a value that is one of vs (nil ones dropped).
func oneOf(vs ...*value) *value {
	var parts []*value
	for _, v := range vs {
		if v == nil {
			continue
		}
		if v.kind == kOneOf {
			parts = append(parts, v.parts...)
		} else {
			parts = append(parts, v)
		}
	}
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	return &value{kind: kOneOf, parts: parts}
}

// exprName is the name an expression reads its value from: a variable, a
// property (config.serviceKey, env["SERVICE_KEY"]) or a called function
// (getServiceRoleKey()); "" when it has none.
func exprName(e ast.Expression) string {
	switch x := e.(type) {
	case *ast.Identifier:
		return string(x.Name)
	case *ast.DotExpression:
		return string(x.Identifier.Name)
	case *ast.PrivateDotExpression:
		return string(x.Identifier.Name)
	case *ast.BracketExpression:
		if s, ok := x.Member.(*ast.StringLiteral); ok {
			return string(s.Value)
		}
	case *ast.CallExpression:
		return exprName(unwrapOptional(x.Callee))
	case *ast.OptionalChain:
		return exprName(x.Expression)
	case *ast.Optional:
		return exprName(x.Expression)
	case *ast.AwaitExpression:
		return exprName(x.Argument)
	}
	return ""
}

// privileged reports whether a key (v, given by expression e) makes a
// client privileged. With no markers in the profile (dypai) any key does;
// otherwise (supabase) only a privileged one (see keyPrivilege).
func (ca *chunkAnalyzer) privileged(v *value, e ast.Expression) bool {
	prof := ca.a.prof
	if !prof.Gated() {
		return true
	}
	return keyPrivilege(prof, partOf(v, e), 0) == sdk.PrivYes
}

// keyPrivilege judges a key value: an env var by its name, a literal by
// its form (a service_role JWT, an sb_secret_ key), a template, a
// concatenation or alternatives by their parts, and a value that is not
// known (a parameter, an opaque call) by the name it was read from.
func keyPrivilege(prof *sdk.Profile, v *value, depth int) sdk.Privilege {
	if v == nil || depth > 8 {
		return sdk.PrivUnknown
	}
	switch v.kind {
	case kEnvVar:
		if prof.IsPrivilegedName(v.str) {
			return sdk.PrivYes
		}
		return sdk.PrivNo
	case kString:
		p := sdk.PrivNo
		if prof.IsSecretLiteral(v.str) {
			return sdk.PrivYes
		}
		for _, part := range v.parts {
			if part != v {
				p = p.Or(keyPrivilege(prof, part, depth+1))
			}
		}
		return p
	case kOneOf:
		p := sdk.PrivNo
		for _, part := range v.parts {
			p = p.Or(keyPrivilege(prof, part, depth+1))
		}
		return p
	case kParam, kNamed:
		if prof.IsPrivilegedName(v.str) {
			return sdk.PrivYes
		}
	}
	return sdk.PrivUnknown
}

// privilegedPart is the part of a key value that makes it privileged (or,
// in an ungated profile, the first part that says where it comes from).
func (ca *chunkAnalyzer) privilegedPart(v *value) *value {
	if v == nil || v.kind != kOneOf && (v.kind != kString || len(v.parts) == 0) {
		return v
	}
	gated := ca.a.prof.Gated()
	var best *value
	for _, part := range v.parts {
		p := ca.privilegedPart(part)
		if p == nil {
			continue
		}
		if gated && keyPrivilege(ca.a.prof, p, 0) == sdk.PrivYes {
			return p
		}
		if best == nil || best.kind == kString && p.kind != kString {
			best = p // rather the variable than the "Bearer " text
		}
	}
	if best == nil {
		return v
	}
	return best
}

// describeKey says how a key was given, for messages: the env var read,
// a redacted literal, or the variable holding it; "" when unknown.
func (ca *chunkAnalyzer) describeKey(v *value, e ast.Expression) string {
	if p := ca.privilegedPart(v); p != nil {
		switch p.kind {
		case kEnvVar:
			return p.expr
		case kString:
			if p.expr == "" {
				return fmt.Sprintf("%q", sdk.Redact(p.str))
			}
		case kParam, kNamed:
			if p == v || v == nil {
				if t := ca.sourceName(e, exprText(e, 0)); t != "" {
					return t // this.serviceKey rather than serviceKey
				}
			}
			return p.str
		}
	}
	return ca.sourceName(e, exprText(e, 0))
}

// sourceName is out — a name or a chain of property reads that the bundle
// has at e — as the source spells it: esbuild renames colliding top-level
// names across modules (config → config2), which messages must not show.
func (ca *chunkAnalyzer) sourceName(e ast.Expression, out string) string {
	if out == "" || !strings.ContainsAny(out, "0123456789") {
		return out
	}
	loc, ok := ca.loc(e.Idx0())
	if !ok {
		return out
	}
	line := ca.a.files.line(loc.File, loc.Line-1)
	i := loc.Col - 1
	if i < 0 || i >= len(line) {
		return out
	}
	j := i
	for j < len(line) && (isIdentByte(line[j]) || line[j] == '.') {
		j++
	}
	if src := line[i:j]; src != "" && sameBundleName(src, out) {
		return src
	}
	return out
}

// sameBundleName reports whether a source name chain and the bundle's
// differ at most by esbuild's numeric rename suffixes.
func sameBundleName(src, out string) bool {
	a, b := strings.Split(src, "."), strings.Split(out, ".")
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if bundleName(a[i]) != bundleName(b[i]) {
			return false
		}
	}
	return true
}

// exprText renders a name or a chain of property reads for messages
// (config.supabase.serviceKey, this.key); "" for anything else.
func exprText(e ast.Expression, depth int) string {
	switch x := e.(type) {
	case *ast.Identifier:
		return string(x.Name)
	case *ast.ThisExpression:
		return "this"
	case *ast.DotExpression:
		if depth < 4 {
			if l := exprText(x.Left, depth+1); l != "" {
				return l + "." + string(x.Identifier.Name)
			}
		}
	}
	return ""
}

func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func (ca *chunkAnalyzer) call(e *ast.CallExpression) *value {
	// Evaluate the callee once: a method call's receiver is walked here,
	// not again below (promise chains would otherwise cost 2^depth).
	var base, callee *value
	d, isDot := unwrapOptional(e.Callee).(*ast.DotExpression)
	if isDot {
		base = ca.expr(d.Left)
		callee = ca.member(base, string(d.Identifier.Name), d.Identifier.Idx)
	} else {
		callee = ca.expr(e.Callee)
	}
	if isDot {
		ca.nameRouteHandlers(e, string(d.Identifier.Name))
	}
	args := make([]*value, len(e.ArgumentList))
	for i, x := range e.ArgumentList {
		args[i] = ca.expr(x)
	}
	ca.sessionCall(e, base, callee)
	if id, ok := e.Callee.(*ast.Identifier); ok && bundleName(string(id.Name)) == "__publicField" && len(args) == 3 && args[1] != nil && args[1].kind == kString {
		// esbuild's lowering of a class field: __publicField(this, "admin", value)
		if _, ok := e.ArgumentList[0].(*ast.ThisExpression); ok {
			ca.field(args[1].str, args[2])
			return args[2]
		}
	}
	if callee != nil {
		switch callee.kind {
		case kCtor:
			return ca.construct(e, callee.str, args)
		case kServerCtor:
			ca.serverConstruct(e.Idx0(), e.Callee, callee, e.ArgumentList, args, false)
			return nil
		case kFunc:
			if callee.ret != nil {
				return ca.helperClient(e, callee.ret, args)
			}
			if keyPrivilege(ca.a.prof, callee.keyRet, 0) == sdk.PrivUnknown {
				// requireEnv("SUPABASE_SERVICE_ROLE_KEY") reading process.env[name]
				if v := envAccessor(exprName(e.Callee), args); v != nil {
					return v
				}
			}
			return callee.keyRet
		}
	}
	if isDot && base != nil {
		method := string(d.Identifier.Name)
		switch {
		case base.kind == kAPI && ca.a.prof.IsCallMethod(method):
			ca.endpointCall(e, base.client, method, args)
			return nil
		case base.kind == kAuth && method == ca.a.prof.JSSignUp:
			ca.signUp(e)
			return nil
		case base.kind == kAuth && method == ca.a.prof.JSAuthStateChange && method != "":
			ca.authListener(e, args)
			return nil
		case base.kind == kEnv && method == "get" && len(args) > 0 && args[0] != nil && args[0].kind == kString && args[0].expr == "":
			// Deno.env.get("SUPABASE_SERVICE_ROLE_KEY")
			ca.envRead(args[0].str, e.ArgumentList[0].Idx0())
			return &value{kind: kEnvVar, str: args[0].str, expr: fmt.Sprintf("%s.get(%q)", base.expr, args[0].str)}
		case keyish(base) && sameKeyMethods[method]:
			// key.trim(), key.replace(/\s+/g, "")
			if base.kind == kString {
				return &value{kind: kString, str: base.str, expr: "template", parts: base.parts}
			}
			return base
		}
	}
	if isDot && (d.Identifier.Name == "set" || d.Identifier.Name == "append" || d.Identifier.Name == "setRequestHeader") && len(args) >= 2 &&
		args[0] != nil && args[0].kind == kString && ca.a.prof.IsKeyHeader(args[0].str) {
		ca.keyHeader(e.ArgumentList[0].Idx0(), args[0].str, args[1], e.ArgumentList[1]) // headers.set("X-API-KEY", key)
		return nil
	}
	if callee == nil && !isDot {
		if id, ok := e.Callee.(*ast.Identifier); ok {
			if id.Name == "String" && len(args) == 1 && ca.sc.lookup("String") == nil {
				return partOf(args[0], e.ArgumentList[0]) // String(process.env.KEY ?? "")
			}
			if v := envAccessor(string(id.Name), args); v != nil {
				return v
			}
		}
	}
	ca.rawRequest(e, args)
	return nil
}

// sameKeyMethods are string methods whose result is still the key.
var sameKeyMethods = map[string]bool{
	"trim": true, "trimStart": true, "trimEnd": true, "toString": true, "valueOf": true,
	"replace": true, "replaceAll": true,
}

// envAccessor reads a call of a project's env helper — a function whose
// name mentions env, given a variable's name: getEnv("SERVICE_ROLE_KEY"),
// requireEnv(...) — as the variable's value.
func envAccessor(fn string, args []*value) *value {
	if len(args) == 0 || args[0] == nil || args[0].kind != kString || args[0].expr != "" ||
		!strings.Contains(strings.ToLower(fn), "env") || !envName(args[0].str) {
		return nil
	}
	return &value{kind: kEnvVar, str: args[0].str, expr: fmt.Sprintf("%s(%q)", fn, args[0].str)}
}

// envName reports whether s looks like an environment variable's name.
func envName(s string) bool {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// helperClient is what a call of a function returning a client gives:
// the client, or — when the function builds it with a key taken from its
// parameter (createAdmin(key)) and this call passes a privileged key — a
// privileged client, reported here in browser code.
func (ca *chunkAnalyzer) helperClient(e *ast.CallExpression, ret *value, args []*value) *value {
	if ret.kind != kClient || ret.client == nil || ret.client.apiKey || ret.client.keyParam < 0 {
		return ret
	}
	i := ret.client.keyParam
	if i >= len(args) || isNothing(e.ArgumentList[i]) || !ca.privileged(args[i], e.ArgumentList[i]) {
		return ret
	}
	c := &client{apiKey: true, key: ca.describeKey(args[i], e.ArgumentList[i]), keyParam: -1}
	c.loc, c.ok = ca.loc(e.Idx0())
	if ca.report && ca.a.b.client {
		what := ca.sourceName(e.Callee, exprName(e.Callee))
		if what == "" {
			what = "a helper"
		}
		ca.emitDYP101(e.Idx0(), what+" with "+ca.a.prof.Terms.Key+paren(c.key), args[i], false)
	}
	return &value{kind: kClient, client: c}
}

func unwrapOptional(e ast.Expression) ast.Expression {
	for {
		switch x := e.(type) {
		case *ast.OptionalChain:
			e = x.Expression
		case *ast.Optional:
			e = x.Expression
		default:
			return e
		}
	}
}

// construct handles a call of the SDK's constructor (name: its exported
// name).
func (ca *chunkAnalyzer) construct(e *ast.CallExpression, name string, args []*value) *value {
	prof := ca.a.prof
	c := &client{keyParam: -1}
	c.loc, c.ok = ca.loc(e.Idx0())
	v, arg := constructorKey(prof, e.ArgumentList, args)
	if arg == nil {
		return &value{kind: kClient, client: c}
	}
	c.key = ca.describeKey(v, arg)
	fromParam := v != nil && v.kind == kParam && v.fn == ca.fn.node && v.fn != nil
	if fromParam && !prof.Gated() {
		// createAdmin(url, key) { return createClient(url, key) }: with
		// any key making an API-key client, what the callers pass decides
		// (helperClient), and a leak is reported where the key is given.
		c.keyParam = v.idx
	} else {
		c.apiKey = ca.privileged(v, arg)
		if !c.apiKey && fromParam {
			c.keyParam = v.idx
		}
	}
	if c.apiKey && ca.report && ca.a.b.client {
		if name == "" {
			name = "createClient"
		}
		ca.emitDYP101(e.Idx0(), name+" with "+prof.Terms.Key+paren(c.key), v, false)
	}
	return &value{kind: kClient, client: c}
}

// constructorKey finds the key given to the SDK's constructor: the
// positional argument, else a key option of an options object
// (createClientComponentClient({ supabaseUrl, supabaseKey })). arg is nil
// when none is given.
func constructorKey(prof *sdk.Profile, list []ast.Expression, args []*value) (*value, ast.Expression) {
	if k := prof.JSKeyArg; k >= 0 && k < len(list) && !isNothing(list[k]) {
		return args[k], list[k]
	}
	for _, v := range args {
		if v == nil || v.kind != kObject || v.obj == nil {
			continue
		}
		for _, p := range v.obj.Value {
			switch p := p.(type) {
			case *ast.PropertyKeyed:
				if name, ok := propName(p); ok && slices.Contains(prof.JSKeyOptions, name) {
					return v.props[name], p.Value
				}
			case *ast.PropertyShort:
				if name := string(p.Name.Name); slices.Contains(prof.JSKeyOptions, name) {
					return v.props[name], &p.Name
				}
			}
		}
	}
	return nil, nil
}

// isNothing reports whether an argument is undefined, null or void 0.
func isNothing(e ast.Expression) bool {
	switch x := e.(type) {
	case *ast.NullLiteral:
		return true
	case *ast.Identifier:
		return x.Name == "undefined"
	case *ast.UnaryExpression:
		return x.Operator == token.VOID
	}
	return false
}

// bundlerEnv reports whether an env read (its expression) is one bundlers
// replace: process.env.X or import.meta.env.X, not a helper's lookup.
func bundlerEnv(expr string) bool {
	return strings.HasPrefix(expr, "process.env.") || strings.HasPrefix(expr, "import.meta.env.")
}

// emitDYP101 reports something that puts the API key in browser code and
// says how the code is reached from a client entry point.
func (ca *chunkAnalyzer) emitDYP101(at file.Idx, what string, key *value, header bool) {
	loc, ok := ca.loc(at)
	if !ok {
		return
	}
	chain, entry := ca.a.chain(loc.File)
	if chain == "" {
		chain = "a client entry point"
	}
	terms := ca.a.prof.Terms
	if key := ca.privilegedPart(key); key != nil && key.kind == kEnvVar && bundlerEnv(key.expr) && !ca.a.prof.IsPublicEnv(key.str) {
		terms = terms.Unexposed(key.str)
	}
	msg := terms.KeyClientInBrowser(what, chain)
	if header {
		msg = terms.KeyHeaderInBrowser(what, chain)
	}
	var rel []finding.Related
	if entry != nil {
		rel = append(rel, finding.Related{
			Location: finding.Location{File: entry.file, Line: 1, Col: 1},
			Message:  fmt.Sprintf("client entry point (%s)", entry.kind.label()),
		})
	}
	ca.a.emit(rules.DYP101, loc, msg, rel)
}

// endpointCall applies the call rules to client.api.<method>(name, payload).
func (ca *chunkAnalyzer) endpointCall(e *ast.CallExpression, c *client, method string, args []*value) {
	if !ca.report {
		return
	}
	name, dynamic := "", true
	var query []string
	if len(args) > 0 && args[0] != nil && args[0].kind == kString {
		name = args[0].str
		dynamic = args[0].expr != ""
		if i := strings.IndexByte(name, '?'); i >= 0 {
			query = queryKeys(name[i+1:])
			name, dynamic = name[:i], false
		}
		name = strings.TrimPrefix(name, "/")
	}
	known := name != "" && !dynamic
	shown := name
	if !known {
		shown = "a computed endpoint"
	}
	// Identity fields in the payload, query or params.
	var ids []string
	for _, k := range query {
		if ca.a.p.cfg.IsIdentityField(k) {
			ids = append(ids, k)
		}
	}
	for i, v := range args {
		if i > 0 { // the payload, query or params after the endpoint name
			ids = append(ids, ca.identityKeys(v, 0)...)
		}
	}
	ids = uniq(ids)
	if !ca.a.prof.ImplicitCaller {
		ids = nil // identity in a call is not a mistake on this platform
	}
	pc := ca.a.p.cfg
	manifest := pc.ManifestRulesApply()
	var ep = pc.Manifest.Endpoint(name)
	if !manifest || !known {
		ep = nil
	}
	if manifest && known && ep == nil {
		ca.emit(rules.DYP404, e.Idx0(), rules.MsgUnknownEndpoint(name, config.Closest(name, pc.Manifest.EndpointNames())), nil)
	}
	jwt := ep != nil && ep.AuthMode == config.AuthJWT
	apiKeyEP := ep != nil && ep.AuthMode == config.AuthAPIKey
	shown = rules.Endpoint(name)
	if !known {
		shown = rules.Endpoint("")
	}
	if c.apiKey {
		var reasons []string
		if jwt {
			reasons = append(reasons, rules.ReasonJWTEndpoint(name))
		}
		if len(ids) > 0 {
			reasons = append(reasons, rules.ReasonIdentity(ids))
		}
		signedIn, related := ca.signedInReason()
		if signedIn != "" {
			reasons = append(reasons, signedIn)
		}
		if len(reasons) > 0 {
			ca.emit(rules.DYP301, e.Idx0(), rules.MsgAPIKeyUserScope("call of "+shown+" with the API-key client", reasons), related)
		}
		if apiKeyEP && ca.a.b.client {
			if loc, ok := ca.loc(e.Idx0()); ok {
				chain, _ := ca.a.chain(loc.File)
				ca.emit(rules.DYP405, e.Idx0(), rules.MsgBrowserCallsAPIKeyEndpoint(chain, name), nil)
			}
		}
		return
	}
	if len(ids) > 0 && !ep.HasRoles() {
		if loc, ok := ca.loc(e.Idx0()); ok {
			ca.a.emit(rules.DYP201, loc, rules.MsgManualUserID(shown, ids, payloadWord(method)), nil, ca.dropIdentityFixes(args[1:])...)
		}
	}
	if apiKeyEP {
		ca.emit(rules.DYP405, e.Idx0(), rules.MsgUserCallsAPIKeyEndpoint("", name), nil)
	}
}

func payloadWord(method string) string {
	if strings.EqualFold(method, "get") {
		return "query string"
	}
	return "payload"
}

func queryKeys(q string) []string {
	var out []string
	for _, kv := range strings.Split(q, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k != "" {
			out = append(out, k)
		}
	}
	return out
}

func uniq(s []string) []string {
	var out []string
	for _, x := range s {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// identityKeys returns the identity fields among an object literal's keys,
// looking into nested object literals (params, body, filter…).
func (ca *chunkAnalyzer) identityKeys(v *value, depth int) []string {
	if v == nil || v.kind != kObject || depth > 3 {
		return nil
	}
	var out []string
	for _, p := range v.obj.Value {
		switch p := p.(type) {
		case *ast.PropertyKeyed:
			if k, ok := propName(p); ok && ca.a.p.cfg.IsIdentityField(k) {
				out = append(out, k)
			}
			if o, ok := p.Value.(*ast.ObjectLiteral); ok {
				out = append(out, ca.identityKeys(&value{kind: kObject, obj: o}, depth+1)...)
			}
		case *ast.PropertyShort:
			if k := string(p.Name.Name); ca.a.p.cfg.IsIdentityField(k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func (ca *chunkAnalyzer) signUp(e *ast.CallExpression) {
	if !ca.report {
		return
	}
	pc := ca.a.p.cfg
	if !pc.ManifestRulesApply() || pc.Manifest.SignupAllowed() {
		return
	}
	why := "signup: false"
	if pc.Manifest.Signup == nil {
		why = "app: " + pc.Manifest.App + ", so signup defaults to false"
	}
	ca.emit(rules.DYP403, e.Idx0(), rules.MsgPrivateSignup(ca.a.prof.JSAuthField+"."+ca.a.prof.JSSignUp, why), nil)
}

// rawRequest handles fetch(url, init), axios(...) and the like: a request
// whose options carry an X-API-KEY header is an API-key call; in server code
// it must not send the user's identity (DYP301).
func (ca *chunkAnalyzer) rawRequest(e *ast.CallExpression, args []*value) {
	if !ca.report || len(args) == 0 || !ca.a.prof.ImplicitCaller {
		return
	}
	header := ""
	for _, v := range args {
		if h := ca.keyHeaderIn(v); h != "" {
			header = h
		}
	}
	if header == "" {
		return
	}
	var ids []string
	if args[0] != nil && args[0].kind == kString {
		if _, q, ok := strings.Cut(args[0].str, "?"); ok {
			for _, k := range queryKeys(q) {
				if ca.a.p.cfg.IsIdentityField(k) {
					ids = append(ids, k)
				}
			}
		}
	}
	for i, x := range e.ArgumentList {
		v := args[i]
		if v == nil || v.kind != kObject {
			continue
		}
		_ = x
		for _, p := range v.obj.Value {
			pk, ok := p.(*ast.PropertyKeyed)
			if !ok {
				continue
			}
			k, _ := propName(pk)
			switch k {
			case "headers":
				continue
			case "body":
				// body: JSON.stringify({...})
				if c, ok := pk.Value.(*ast.CallExpression); ok && len(c.ArgumentList) == 1 {
					if o, ok := c.ArgumentList[0].(*ast.ObjectLiteral); ok {
						ids = append(ids, ca.identityKeys(&value{kind: kObject, obj: o}, 0)...)
					} else if id, ok := c.ArgumentList[0].(*ast.Identifier); ok {
						if b := ca.sc.lookup(string(id.Name)); b != nil {
							ids = append(ids, ca.identityKeys(b.v, 0)...)
						}
					}
				}
			}
			if o, ok := pk.Value.(*ast.ObjectLiteral); ok && k != "headers" {
				ids = append(ids, ca.identityKeys(&value{kind: kObject, obj: o}, 0)...)
			}
			if k != "" && ca.a.p.cfg.IsIdentityField(k) {
				ids = append(ids, k)
			}
		}
	}
	ids = uniq(ids)
	var reasons []string
	if len(ids) > 0 {
		reasons = append(reasons, rules.ReasonIdentity(ids))
	}
	var related []finding.Related
	if signedIn, rel := ca.signedInReason(); signedIn != "" && ca.platformURL(e.ArgumentList[0], args[0]) {
		reasons = append(reasons, signedIn)
		related = rel
	}
	if len(reasons) > 0 {
		ca.emit(rules.DYP301, e.Idx0(), rules.MsgKeyRequestUserScope("request with an "+header+" header", reasons), related)
	}
}

// keyHeaderIn returns the API-key header named in an options object: at its
// top level or in its headers property.
func (ca *chunkAnalyzer) keyHeaderIn(v *value) string {
	if v == nil || v.kind != kObject {
		return ""
	}
	for _, p := range v.obj.Value {
		pk, ok := p.(*ast.PropertyKeyed)
		if !ok {
			continue
		}
		k, _ := propName(pk)
		if ca.a.prof.IsKeyHeaderKey(k) {
			return k
		}
		if k == "headers" {
			if o, ok := pk.Value.(*ast.ObjectLiteral); ok {
				if h := ca.keyHeaderIn(&value{kind: kObject, obj: o}); h != "" {
					return h
				}
			} else if id, ok := pk.Value.(*ast.Identifier); ok {
				if b := ca.sc.lookup(string(id.Name)); b != nil {
					if h := ca.keyHeaderIn(b.v); h != "" {
						return h
					}
				}
			}
		}
	}
	return ""
}

// emit reports a finding at an offset of the chunk.
func (ca *chunkAnalyzer) emit(rule string, at file.Idx, msg string, related []finding.Related) {
	if !ca.report {
		return
	}
	loc, ok := ca.loc(at)
	if !ok {
		return
	}
	ca.a.emit(rule, loc, msg, related)
}

// loc maps an offset of the chunk to the original file, line and column.
func (ca *chunkAnalyzer) loc(at file.Idx) (finding.Location, bool) {
	return ca.ch.originAt(int(at)-1, ca.a.files)
}

// chain describes how a file is reached from a client entry point:
// "app/dashboard/page.tsx ('use client') → lib/admin.ts".
func (a *analysis) chain(target string) (string, *entry) {
	chain, e, _ := a.chainFrom(target)
	return chain, e
}

// importSite is where client code imports target: the line and column of
// the specifier in the file before it on the chain from a client entry
// point, or target itself at 1:1 when that is not known.
func (a *analysis) importSite(target string) (file string, line, col int) {
	if _, _, prev := a.chainFrom(target); prev != "" {
		if spec := a.b.specs[prev+"\x00"+target]; spec != "" {
			if l, c, ok := a.specifierAt(prev, spec); ok {
				return prev, l, c
			}
		}
	}
	return target, 1, 1
}

// specifierAt is the line and column of the quoted specifier spec in file.
func (a *analysis) specifierAt(file, spec string) (int, int, bool) {
	src, err := a.files.read(file)
	if err != nil {
		return 0, 0, false
	}
	for _, q := range []string{"'", `"`, "`"} {
		if i := strings.Index(string(src), q+spec+q); i >= 0 {
			line, col := lineCol(string(src), i+1)
			return line, col, true
		}
	}
	return 0, 0, false
}

// chainFrom is chain, with the file that imports target on it ("" when
// target is an entry point or unreachable).
func (a *analysis) chainFrom(target string) (string, *entry, string) {
	type hop struct {
		prev string
		e    *entry
	}
	seen := map[string]hop{}
	var queue []string
	for i := range a.p.entries {
		e := &a.p.entries[i]
		if _, ok := seen[e.file]; !ok {
			seen[e.file] = hop{e: e}
			queue = append(queue, e.file)
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == target {
			var path []string
			for f := cur; ; {
				h := seen[f]
				path = append(path, a.p.rel(f))
				if h.e != nil {
					path[len(path)-1] += " (" + h.e.kind.label() + ")"
					slices.Reverse(path)
					return strings.Join(path, " → "), h.e, seen[target].prev
				}
				f = h.prev
			}
		}
		next := slices.Clone(a.b.graph[cur])
		slices.Sort(next)
		for _, n := range next {
			if _, ok := seen[n]; !ok {
				seen[n] = hop{prev: cur}
				queue = append(queue, n)
			}
		}
	}
	return "", nil, ""
}

// rel is a path relative to the project root, with slashes.
func (p *project) rel(f string) string {
	r, err := filepath.Rel(p.root, f)
	if err != nil {
		return f
	}
	return filepath.ToSlash(r)
}

// dropIdentityFixes returns the mechanical fix of DYP201: delete each
// identity property written directly in a payload object literal, in the
// original source. A property whose original text cannot be found where the
// source map points gets no fix.
func (ca *chunkAnalyzer) dropIdentityFixes(payloads []*value) []finding.Fix {
	var fix finding.Fix
	for _, v := range payloads {
		if v == nil || v.kind != kObject {
			continue
		}
		for _, p := range v.obj.Value {
			var name string
			switch p := p.(type) {
			case *ast.PropertyKeyed:
				name, _ = propName(p)
			case *ast.PropertyShort:
				name = string(p.Name.Name)
			}
			if name == "" || !ca.a.p.cfg.IsIdentityField(name) {
				continue
			}
			loc, ok := ca.loc(p.Idx0())
			if !ok {
				continue
			}
			src, err := ca.a.files.read(loc.File)
			if err != nil {
				continue
			}
			if start, end, ok := propertySpan(src, loc.Line, loc.Col, name); ok {
				fix.Edits = append(fix.Edits, finding.Edit{File: loc.File, Start: start, End: end})
			}
		}
	}
	if len(fix.Edits) == 0 {
		return nil
	}
	fix.Message = "remove the identity fields from the payload"
	return []finding.Fix{fix}
}

// propertySpan finds, in an object literal's source, the bytes to delete to
// remove the property whose key starts at line:col (1-based, bytes): the
// property, its value and the comma after it (or, for the last property,
// the comma before it). It checks that the key is there and gives up on
// anything it cannot follow.
func propertySpan(src []byte, line, col int, key string) (int, int, bool) {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[start:], '\n')
		if i < 0 {
			return 0, 0, false
		}
		start += i + 1
	}
	start += col - 1
	if start < 0 || start >= len(src) {
		return 0, 0, false
	}
	rest := src[start:]
	switch {
	case bytes.HasPrefix(rest, []byte(key)):
	case len(rest) > 0 && (rest[0] == '"' || rest[0] == '\'') && bytes.HasPrefix(rest[1:], []byte(key)) && len(rest) > len(key)+1 && rest[len(key)+1] == rest[0]:
	default:
		return 0, 0, false
	}
	// Scan to the end of the value: a comma or closing brace at depth 0.
	depth, i := 0, start
	for ; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'', '`':
			j := skipString(src, i)
			if j < 0 {
				return 0, 0, false
			}
			i = j
		case '/':
			if i+1 < len(src) && src[i+1] == '/' {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			} else if i+1 < len(src) && src[i+1] == '*' {
				j := bytes.Index(src[i+2:], []byte("*/"))
				if j < 0 {
					return 0, 0, false
				}
				i += j + 3
			}
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth == 0 {
				// The last property: remove the comma before it instead.
				k := start - 1
				for k >= 0 && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
					k--
				}
				if k >= 0 && src[k] == ',' {
					end := i
					for end > start && (src[end-1] == ' ' || src[end-1] == '\t') {
						end--
					}
					if bytes.HasSuffix(src[start:end], []byte("\n")) {
						end--
					}
					return k, end, true
				}
				end := i
				for end > start && (src[end-1] == ' ' || src[end-1] == '\t' || src[end-1] == '\n' || src[end-1] == '\r') {
					end--
				}
				return start, end, true
			}
			depth--
		case ',':
			if depth == 0 {
				end := i + 1
				for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
					end++
				}
				// A property on a line of its own goes with its line.
				ls := start
				for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
					ls--
				}
				if (ls == 0 || src[ls-1] == '\n') && end < len(src) && src[end] == '\n' {
					return ls, end + 1, true
				}
				return start, end, true
			}
		}
	}
	return 0, 0, false
}

// skipString returns the index of the quote closing the string or template
// opened at i (templates' ${…} are skipped over by brace depth), or -1.
func skipString(src []byte, i int) int {
	q := src[i]
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case q:
			return j
		case '\n':
			if q != '`' {
				return -1
			}
		case '$':
			if q == '`' && j+1 < len(src) && src[j+1] == '{' {
				depth := 0
				for j++; j < len(src); j++ {
					if src[j] == '{' {
						depth++
					} else if src[j] == '}' {
						depth--
						if depth == 0 {
							break
						}
					}
				}
			}
		}
	}
	return -1
}
