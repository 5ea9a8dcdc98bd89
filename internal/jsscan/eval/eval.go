package eval

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// enter returns the scope for node n, the same one in both passes.
func (w *Walker) enter(n ast.Node, fn bool) *Scope {
	s := w.scopes[n]
	if s == nil {
		s = &Scope{parent: w.sc, vars: map[string]*Binding{}, fn: fn}
		w.scopes[n] = s
	}
	w.sc = s
	return s
}

func (w *Walker) declare(s *Scope, name string) *Binding {
	if b := s.vars[name]; b != nil {
		return b
	}
	b := &Binding{}
	s.vars[name] = b
	return b
}

func (w *Walker) program(prog *ast.Program) {
	s := w.enter(prog, true)
	for _, st := range prog.Body {
		if imp, ok := st.(*ast.ImportDeclaration); ok {
			w.importDecl(s, imp)
		}
	}
	w.hoist(s, prog.Body)
	for _, st := range prog.Body {
		w.stmt(st)
	}
	for _, st := range prog.Body {
		if ed, ok := st.(*ast.ExportDeclaration); ok {
			w.exportDecl(s, ed)
		}
	}
}

// namedImports declares the named imports of an import clause, each bound
// to what bind says its exported name is (nil: unknown).
func (w *Walker) namedImports(s *Scope, c *ast.ImportClause, bind func(name string) *Value) {
	if c.NamedImports == nil {
		return
	}
	for _, is := range c.NamedImports.ImportsList {
		local := is.Alias
		if local == "" {
			local = is.IdentifierName
		}
		if v := bind(string(is.IdentifierName)); v != nil {
			w.declare(s, string(local)).Value = v
		} else {
			w.declare(s, string(local))
		}
	}
}

func (w *Walker) importDecl(s *Scope, imp *ast.ImportDeclaration) {
	if imp.ImportClause == nil || imp.FromClause == nil {
		return
	}
	spec := string(imp.FromClause.ModuleSpecifier)
	c := imp.ImportClause
	prof := w.prof
	if prof.IsJSModule(spec) {
		if c.ImportedDefaultBinding != nil {
			w.declare(s, string(c.ImportedDefaultBinding.Name)).Value = &Value{Kind: SDKNamespace}
		}
		if c.NameSpaceImport != nil {
			w.declare(s, string(c.NameSpaceImport.ImportedBinding)).Value = &Value{Kind: SDKNamespace}
		}
		w.namedImports(s, c, func(name string) *Value {
			if slices.Contains(prof.JSConstructors, name) {
				return &Value{Kind: Constructor, Str: name}
			}
			return nil
		})
		return
	}
	if w.serverImport(s, imp, spec) {
		return
	}
	if dynamic, ok := kitEnvModules[spec]; ok {
		w.kitEnvImport(s, imp, spec, dynamic)
		return
	}
	if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") {
		return
	}
	exp := w.exports[filepath.Join(filepath.Dir(w.path), filepath.FromSlash(spec))]
	if c.NamedImports != nil {
		for _, is := range c.NamedImports.ImportsList {
			local := is.Alias
			if local == "" {
				local = is.IdentifierName
			}
			if b := exp[string(is.IdentifierName)]; b != nil {
				s.vars[string(local)] = b // shared: later updates are seen
			} else {
				w.declare(s, string(local))
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
// variables they hold; a name imported from a public one is an env read
// at the import.
func (w *Walker) kitEnvImport(s *Scope, imp *ast.ImportDeclaration, spec string, dynamic bool) {
	if imp.ImportClause.NamedImports == nil {
		return
	}
	for _, is := range imp.ImportClause.NamedImports.ImportsList {
		local := is.Alias
		if local == "" {
			local = is.IdentifierName
		}
		name := string(is.IdentifierName)
		b := w.declare(s, string(local))
		switch {
		case dynamic && name == "env":
			b.Value = &Value{Kind: Env, Expr: "env"}
		case !dynamic:
			b.Value = &Value{Kind: EnvVar, Str: name, Expr: name + " from " + spec}
			if strings.HasSuffix(spec, "/public") {
				w.checks.EnvRead(name, imp.Idx)
			}
		}
	}
}

func (w *Walker) exportDecl(s *Scope, ed *ast.ExportDeclaration) {
	if ed.NamedExports != nil && ed.FromClause == nil {
		for _, es := range ed.NamedExports.ExportsList {
			name := es.Alias
			if name == "" {
				name = es.IdentifierName
			}
			if b := s.vars[string(es.IdentifierName)]; b != nil {
				w.exp[string(name)] = b
			}
		}
	}
	if ed.ExportFromClause != nil && ed.FromClause != nil && ed.ExportFromClause.NamedExports != nil {
		spec := string(ed.FromClause.ModuleSpecifier)
		exp := w.exports[filepath.Join(filepath.Dir(w.path), filepath.FromSlash(spec))]
		for _, es := range ed.ExportFromClause.NamedExports.ExportsList {
			name := es.Alias
			if name == "" {
				name = es.IdentifierName
			}
			if b := exp[string(es.IdentifierName)]; b != nil {
				w.exp[string(name)] = b
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
			w.exp[n] = b
		}
	}
}

// hoist declares the block's function declarations (with their value, so
// that calls before the declaration see it), its let/const/class names, and,
// at function level, the var names anywhere in the body.
func (w *Walker) hoist(s *Scope, list []ast.Statement) {
	for _, st := range list {
		switch st := st.(type) {
		case *ast.ExportDeclaration:
			switch {
			case st.HoistableDeclaration != nil && st.HoistableDeclaration.FunctionDeclaration != nil:
				w.hoistFunc(s, st.HoistableDeclaration.FunctionDeclaration)
			case st.LexicalDeclaration != nil:
				w.declareTargets(s, st.LexicalDeclaration.List)
			case st.ClassDeclaration != nil && st.ClassDeclaration.Class.Name != nil:
				w.declare(s, string(st.ClassDeclaration.Class.Name.Name))
			}
		case *ast.FunctionDeclaration:
			w.hoistFunc(s, st)
		case *ast.LexicalDeclaration:
			w.declareTargets(s, st.List)
		case *ast.ClassDeclaration:
			if st.Class.Name != nil {
				w.declare(s, string(st.Class.Name.Name))
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
				w.declareTargets(s, n.List)
			case *ast.ForLoopInitializerVarDeclList:
				w.declareTargets(s, n.List)
			case *ast.ForIntoVar:
				w.declareTargets(s, []*ast.Binding{n.Binding})
			case *ast.ExportDeclaration:
				if n.Variable != nil {
					w.declareTargets(s, n.Variable.List)
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

func (w *Walker) hoistFunc(s *Scope, fd *ast.FunctionDeclaration) {
	if fd.Function.Name == nil {
		return
	}
	b := w.declare(s, string(fd.Function.Name.Name))
	if b.Value == nil || b.Value.Kind != Func {
		b.Value = &Value{Kind: Func}
	}
	b.Value.Fn = fd.Function
}

func (w *Walker) declareTargets(s *Scope, list []*ast.Binding) {
	for _, b := range list {
		for _, n := range jsast.TargetNames(b.Target) {
			w.declare(s, n)
		}
	}
}

func (w *Walker) stmt(st ast.Statement) {
	switch st := st.(type) {
	case nil:
	case *ast.ImportDeclaration:
	case *ast.ExportDeclaration:
		switch {
		case st.HoistableDeclaration != nil && st.HoistableDeclaration.FunctionDeclaration != nil:
			w.funcDecl(st.HoistableDeclaration.FunctionDeclaration)
		case st.LexicalDeclaration != nil:
			w.bindings(st.LexicalDeclaration.List)
		case st.Variable != nil:
			w.bindings(st.Variable.List)
		case st.ClassDeclaration != nil:
			w.classDecl(st.ClassDeclaration)
		case st.AssignExpression != nil:
			v := w.expr(st.AssignExpression)
			w.declare(w.sc, "*default*").Value = v
			w.exp["default"] = w.sc.vars["*default*"]
		}
	case *ast.FunctionDeclaration:
		w.funcDecl(st)
	case *ast.VariableStatement:
		w.bindings(st.List)
	case *ast.LexicalDeclaration:
		w.bindings(st.List)
	case *ast.BlockStatement:
		saved := w.sc
		s := w.enter(st, false)
		w.hoist(s, st.List)
		for _, x := range st.List {
			w.stmt(x)
		}
		w.sc = saved
	case *ast.ReturnStatement:
		if st.Argument != nil {
			w.returned(w.expr(st.Argument), st.Argument)
		}
	case *ast.CatchStatement:
		saved := w.sc
		s := w.enter(st, false)
		for _, n := range jsast.TargetNames(st.Parameter) {
			w.declare(s, n)
		}
		w.stmt(st.Body)
		w.sc = saved
	case *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement:
		saved := w.sc
		s := w.enter(st, false)
		w.forDecls(s, st)
		jsast.EachChild(st, w.node)
		w.sc = saved
	case *ast.ClassDeclaration:
		w.classDecl(st)
	default:
		jsast.EachChild(st, w.node)
	}
}

func (w *Walker) forDecls(s *Scope, st ast.Statement) {
	var into ast.ForInto
	switch st := st.(type) {
	case *ast.ForStatement:
		if ld, ok := st.Initializer.(*ast.ForLoopInitializerLexicalDecl); ok {
			w.declareTargets(s, ld.LexicalDeclaration.List)
		}
		return
	case *ast.ForInStatement:
		into = st.Into
	case *ast.ForOfStatement:
		into = st.Into
	}
	if fd, ok := into.(*ast.ForDeclaration); ok {
		for _, n := range jsast.TargetNames(fd.Target) {
			w.declare(s, n)
		}
	}
}

// node dispatches a child found by eachChild.
func (w *Walker) node(n ast.Node) {
	switch n := n.(type) {
	case ast.Statement:
		w.stmt(n)
	case ast.Expression:
		w.expr(n)
	case *ast.Binding:
		w.bindings([]*ast.Binding{n})
	case *ast.ForLoopInitializerVarDeclList:
		w.bindings(n.List)
	case *ast.ForLoopInitializerLexicalDecl:
		w.bindings(n.LexicalDeclaration.List)
	case *ast.ForIntoVar:
		w.bindings([]*ast.Binding{n.Binding})
	case *ast.ForDeclaration:
	default:
		jsast.EachChild(n, w.node)
	}
}

func (w *Walker) funcDecl(fd *ast.FunctionDeclaration) {
	v := w.function(fd.Function)
	if fd.Function.Name != nil {
		if b := w.sc.Lookup(string(fd.Function.Name.Name)); b != nil && b.Value != nil && b.Value.Kind == Func {
			b.Value.Ret, b.Value.KeyRet = v.Ret, v.KeyRet
		}
	}
}

// returned records a value the walked function returns: the first
// interesting one is what calls of it give; the others (a key, a config
// object) are kept for key privilege.
func (w *Walker) returned(v *Value, e ast.Expression) {
	switch {
	case Interesting(v):
		if w.fn.ret == nil {
			w.fn.ret = v
		}
	case v != nil || ExprName(e) != "":
		w.fn.rets = append(w.fn.rets, PartOf(v, e))
	}
}

// function walks a function literal and returns it as a Func value.
func (w *Walker) function(fl *ast.FunctionLiteral) *Value {
	saved, savedFn := w.sc, w.fn
	s := w.enter(fl, true)
	if fl.Name != nil {
		w.declare(s, string(fl.Name.Name))
	}
	w.fn = &Frame{Node: fl, Parent: savedFn}
	w.params(s, fl.ParameterList)
	if fl.Body != nil {
		w.hoist(s, fl.Body.List)
		for _, st := range fl.Body.List {
			w.stmt(st)
		}
	}
	v := w.fn.value()
	w.sc, w.fn = saved, savedFn
	return v
}

func (w *Walker) arrow(af *ast.ArrowFunctionLiteral) *Value {
	saved, savedFn := w.sc, w.fn
	s := w.enter(af, true)
	w.fn = &Frame{Node: af, Parent: savedFn}
	w.params(s, af.ParameterList)
	switch body := af.Body.(type) {
	case *ast.BlockStatement:
		w.hoist(s, body.List)
		for _, st := range body.List {
			w.stmt(st)
		}
	case *ast.ExpressionBody:
		w.returned(w.expr(body.Expression), body.Expression)
	}
	v := w.fn.value()
	w.sc, w.fn = saved, savedFn
	return v
}

func (w *Walker) params(s *Scope, pl *ast.ParameterList) {
	if pl == nil {
		return
	}
	w.checks.Params(w.fn.Node, pl)
	for i, b := range pl.List {
		var def *Value
		if b.Initializer != nil {
			def = w.expr(b.Initializer)
		}
		if id, ok := b.Target.(*ast.Identifier); ok {
			v := &Value{Kind: Param, Str: string(id.Name), Idx: i, Fn: w.fn.Node}
			if keyish(def) {
				// (key = process.env.DYPAI_API_KEY): the default is a key
				// whatever the callers pass.
				v = OneOf(PartOf(def, b.Initializer), v)
			}
			w.declare(s, string(id.Name)).Value = v
		} else {
			for _, n := range jsast.TargetNames(b.Target) {
				w.declare(s, n).Value = nil
			}
		}
	}
	if pl.Rest != nil {
		for _, n := range jsast.TargetNames(pl.Rest) {
			w.declare(s, n).Value = nil
		}
	}
}

func (w *Walker) bindings(list []*ast.Binding) {
	for _, b := range list {
		var v *Value
		if b.Initializer != nil {
			v = w.expr(b.Initializer)
			w.checks.Pattern(b.Target, b.Initializer) // const { user } = req
		}
		w.bind(b.Target, v, b.Initializer != nil)
	}
}

// bind assigns v to a declaration or assignment target.
func (w *Walker) bind(t ast.Expression, v *Value, set bool) {
	switch t := t.(type) {
	case *ast.Identifier:
		b := w.sc.Lookup(string(t.Name))
		if b == nil {
			b = w.declare(w.sc.funcScope(), string(t.Name))
		}
		if set {
			b.Value = v
		}
	case *ast.ObjectPattern:
		for _, p := range t.Properties {
			switch p := p.(type) {
			case *ast.PropertyShort:
				name := string(p.Name.Name)
				w.bind(&p.Name, w.member(v, name, p.Name.Idx), set)
				if p.Initializer != nil {
					w.expr(p.Initializer)
				}
			case *ast.PropertyKeyed:
				var sub *Value
				if k, ok := jsast.PropName(p); ok {
					sub = w.member(v, k, p.Key.Idx0())
				} else {
					w.expr(p.Key)
				}
				target := p.Value
				if ae, ok := target.(*ast.AssignExpression); ok {
					w.expr(ae.Right)
					target = ae.Left
				}
				w.bind(target, sub, set)
			}
		}
		if t.Rest != nil {
			w.bind(t.Rest, nil, set)
		}
	case *ast.ArrayPattern:
		for _, e := range t.Elements {
			if e != nil {
				w.bind(e, nil, set)
			}
		}
		if t.Rest != nil {
			w.bind(t.Rest, nil, set)
		}
	case *ast.AssignExpression: // default value
		w.expr(t.Right)
		w.bind(t.Left, v, set)
	default:
		w.expr(t)
	}
}
