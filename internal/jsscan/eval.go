package jsscan

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

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
	exp := ca.a.exports[filepath.Join(filepath.Dir(ca.ch.Path), filepath.FromSlash(spec))]
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
		exp := ca.a.exports[filepath.Join(filepath.Dir(ca.ch.Path), filepath.FromSlash(spec))]
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
		names = jsast.BindingNames(ed.LexicalDeclaration.List)
	case ed.Variable != nil:
		names = jsast.BindingNames(ed.Variable.List)
	}
	for _, n := range names {
		if b := s.vars[n]; b != nil {
			ca.exp[n] = b
		}
	}
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
			jsast.EachChild(n, vars)
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
		for _, n := range jsast.TargetNames(b.Target) {
			ca.declare(s, n)
		}
	}
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
		for _, n := range jsast.TargetNames(st.Parameter) {
			ca.declare(s, n)
		}
		ca.stmt(st.Body)
		ca.sc = saved
	case *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement:
		saved := ca.sc
		s := ca.enter(st, false)
		ca.forDecls(s, st)
		jsast.EachChild(st, ca.node)
		ca.sc = saved
	case *ast.ClassDeclaration:
		ca.classDecl(st)
	default:
		jsast.EachChild(st, ca.node)
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
		for _, n := range jsast.TargetNames(fd.Target) {
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
		jsast.EachChild(n, ca.node)
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
			for _, n := range jsast.TargetNames(b.Target) {
				ca.declare(s, n).v = nil
			}
		}
	}
	if pl.Rest != nil {
		for _, n := range jsast.TargetNames(pl.Rest) {
			ca.declare(s, n).v = nil
		}
	}
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
				if k, ok := jsast.PropName(p); ok {
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
