package clientmodel

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// collect walks the package once, recording what values are assigned to
// what, the calls to classify, X-API-KEY headers and function references.
func (s *state) collect() {
	filter := []ast.Node{
		(*ast.FuncDecl)(nil),
		(*ast.FuncLit)(nil),
		(*ast.AssignStmt)(nil),
		(*ast.ValueSpec)(nil),
		(*ast.RangeStmt)(nil),
		(*ast.CompositeLit)(nil),
		(*ast.ReturnStmt)(nil),
		(*ast.CallExpr)(nil),
		(*ast.Ident)(nil),
		(*ast.ImportSpec)(nil),
	}
	for cur := range s.root.Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			s.funcDecl(n)
		case *ast.FuncLit:
			s.recordParams(n.Type)
			s.namedResults(n, n.Type)
			s.seedParams(n.Type)
		case *ast.AssignStmt:
			s.assign(cur, n)
		case *ast.ValueSpec:
			s.valueSpec(n)
		case *ast.RangeStmt:
			if n.Value != nil {
				s.addSource(s.lhsKey(n.Value), n.X, -1)
			}
		case *ast.CompositeLit:
			s.compositeLit(cur, n)
		case *ast.ReturnStmt:
			s.returnStmt(cur, n)
		case *ast.CallExpr:
			s.callExpr(cur, n)
		case *ast.Ident:
			s.ident(cur, n)
		case *ast.ImportSpec:
			s.imports = append(s.imports, n)
		}
	}
	// Parameters: values flow in from the call sites of functions that are
	// only ever called here; other parameters of client type are unknown.
	for _, fn := range s.funcOrder {
		fd := s.decls[fn]
		if fd.Recv != nil || fn.Exported() || s.escapes[fn] {
			s.seedParams(fd.Type)
			continue
		}
		params := fn.Signature().Params()
		for _, call := range s.calls[fn] {
			if call.Ellipsis.IsValid() {
				continue
			}
			for i, arg := range call.Args {
				if i < params.Len() && !(fn.Signature().Variadic() && i >= params.Len()-1) {
					s.addSource(params.At(i).Origin(), arg, -1)
				}
			}
		}
	}
}

func (s *state) funcDecl(fd *ast.FuncDecl) {
	fn, ok := s.info.Defs[fd.Name].(*types.Func)
	if !ok || fd.Body == nil {
		return
	}
	fn = fn.Origin()
	s.decls[fn] = fd
	s.recordParams(fd.Type)
	s.funcOrder = append(s.funcOrder, fn)
	s.namedResults(fn, fd.Type)
}

// namedResults makes named result variables sources of the results, for
// bare returns.
func (s *state) namedResults(fn any, ft *ast.FuncType) {
	if ft.Results == nil {
		return
	}
	i := 0
	for _, field := range ft.Results.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			s.addSource(resultKey{fn, i}, name, -1)
			i++
		}
	}
}

// seedParams marks parameters of client type as unknown.
func (s *state) seedParams(ft *ast.FuncType) {
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if v, ok := s.info.Defs[name].(*types.Var); ok && s.sdks.isClientType(v.Type()) {
				s.seed(v.Origin(), Unknown)
			}
		}
	}
}

// recordParams remembers a function's parameters.
func (s *state) recordParams(ft *ast.FuncType) {
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if v, ok := s.info.Defs[name].(*types.Var); ok {
				s.params[v.Origin()] = true
			}
		}
	}
}

func (s *state) seed(k any, b Kind) {
	if k == nil {
		return
	}
	if _, ok := s.sources[k]; !ok {
		s.sources[k] = nil
		s.keys = append(s.keys, k)
	}
	s.bits[k] |= b
}

func (s *state) addSource(k any, e ast.Expr, idx int) {
	if k == nil || e == nil {
		return
	}
	if _, ok := s.sources[k]; !ok {
		s.keys = append(s.keys, k)
		// A foreign object keeps what its own package knows of it.
		if o, ok := k.(types.Object); ok && o.Pkg() != nil && o.Pkg() != s.pass.Pkg {
			s.bits[k] |= s.foreignHolds(o)
		}
	}
	s.sources[k] = append(s.sources[k], source{e, idx})
}

// lhsKey is the tracked key an assignment to e updates.
func (s *state) lhsKey(e ast.Expr) any {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if e.Name == "_" {
			return nil
		}
		if v, ok := s.info.ObjectOf(e).(*types.Var); ok {
			return v.Origin()
		}
	case *ast.SelectorExpr:
		if sel := s.info.Selections[e]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return sel.Obj().(*types.Var).Origin()
			}
			return nil
		}
		if v, ok := s.info.Uses[e.Sel].(*types.Var); ok {
			return v.Origin()
		}
	case *ast.StarExpr:
		return s.lhsKey(e.X)
	case *ast.IndexExpr:
		return s.lhsKey(e.X) // the container holds the value
	}
	return nil
}

func (s *state) assign(cur inspector.Cursor, as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	for i, lhs := range as.Lhs {
		if len(as.Lhs) == len(as.Rhs) {
			s.addSource(s.lhsKey(lhs), as.Rhs[i], -1)
			s.recordWrite(lhs, as.Rhs[i], as)
			if as.Tok == token.ASSIGN {
				s.recordKeyVar(cur, lhs, as.Rhs[i])
			}
		} else if len(as.Rhs) == 1 {
			s.addSource(s.lhsKey(lhs), as.Rhs[0], i)
		}
		// req.Header["X-Api-Key"] = ...
		if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && isTypeNamed(s.info.TypeOf(ix.X), "net/http", "Header") {
			if name, ok := s.constString(ix.Index); ok && s.proj.Profile.IsKeyHeader(name) {
				var val ast.Expr
				if len(as.Lhs) == len(as.Rhs) {
					val = as.Rhs[i]
				}
				s.markers = append(s.markers, marker{node: lhs, cur: cur, req: s.requestOfHeader(ix.X), raw: true, header: name, val: val})
			}
		}
	}
}

func (s *state) valueSpec(vs *ast.ValueSpec) {
	for i, name := range vs.Names {
		if len(vs.Names) == len(vs.Values) {
			s.addSource(s.lhsKey(name), vs.Values[i], -1)
		} else if len(vs.Values) == 1 {
			s.addSource(s.lhsKey(name), vs.Values[0], i)
		}
	}
}

func (s *state) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := s.info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := s.info.Uses[id].(*types.Var); ok && f.IsField() {
						s.addSource(f.Origin(), kv.Value, -1)
					}
				}
			} else if i < u.NumFields() {
				s.addSource(u.Field(i).Origin(), elt, -1)
			}
		}
	case *types.Map:
		isHeader := isTypeNamed(t, "net/http", "Header")
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			name, ok := s.constString(kv.Key)
			if !ok || !s.proj.Profile.IsKeyHeader(name) {
				continue
			}
			if isHeader {
				s.markers = append(s.markers, marker{node: kv, cur: cur, req: s.requestOfHeaderLit(cur), raw: true, header: name, val: kv.Value})
			} else if s.reachOf(lit.Pos()) != nil {
				// js.ValueOf(map[string]any{"headers": {"X-API-KEY": k}}) and
				// the like: in browser code any key header is a leak.
				s.markers = append(s.markers, marker{node: kv, cur: cur, header: name, val: kv.Value})
			}
		}
	}
}

func (s *state) returnStmt(cur inspector.Cursor, ret *ast.ReturnStmt) {
	fn := s.enclosingFunc(cur)
	if fn == nil {
		return
	}
	if len(ret.Results) == 1 {
		if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
			if tup, ok := s.info.TypeOf(call).(*types.Tuple); ok {
				for i := range tup.Len() {
					s.addSource(resultKey{fn, i}, call, i)
				}
				return
			}
		}
	}
	for i, e := range ret.Results {
		s.addSource(resultKey{fn, i}, e, -1)
	}
}

// enclosingFunc is the innermost function around cur: a *types.Func for a
// declared function, an *ast.FuncLit for a literal.
func (s *state) enclosingFunc(cur inspector.Cursor) any {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return n
		case *ast.FuncDecl:
			if fn, ok := s.info.Defs[n.Name].(*types.Func); ok {
				return fn.Origin()
			}
			return nil
		}
	}
	return nil
}

// topFunc is the package-level function declaration around cur, or nil at
// package level.
func (s *state) topFunc(cur inspector.Cursor) *types.Func {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		if fn, ok := s.info.Defs[c.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
			return fn.Origin()
		}
	}
	return nil
}

// atInit reports whether code at cur, outside any function declaration,
// runs when the package initialises: it is not inside a function literal
// that is merely stored.
func atInit(cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if c.ParentEdgeKind() != edge.CallExpr_Fun {
			return false
		}
	}
	return true
}

func (s *state) callExpr(cur inspector.Cursor, call *ast.CallExpr) {
	// Calls of functions of this package feed their parameters.
	if fn := s.staticCallee(call); fn != nil && fn.Pkg() == s.pass.Pkg {
		s.calls[fn] = append(s.calls[fn], call)
	}
	fn, recv := s.methodCall(call)
	if fn != nil {
		if isTypeNamed(recvType(fn), "net/http", "Header") && (fn.Name() == "Set" || fn.Name() == "Add") && len(call.Args) > 0 {
			if name, ok := s.constString(call.Args[0]); ok && s.proj.Profile.IsKeyHeader(name) {
				var val ast.Expr
				if len(call.Args) > 1 {
					val = call.Args[1]
				}
				s.markers = append(s.markers, marker{node: call, cur: cur, req: s.requestOfHeader(recv), raw: true, header: name, val: val})
			}
		}
		// url.Values and other string-keyed maps: v.Set("user_id", id)
		if (fn.Name() == "Set" || fn.Name() == "Add") && len(call.Args) == 2 {
			if v := s.localVar(recv); v != nil {
				if key, ok := s.constString(call.Args[0]); ok {
					s.writes[v] = append(s.writes[v], write{key: key, node: call})
				}
			}
		}
	}
	s.pending = append(s.pending, pendingCall{call, cur})
}

func (s *state) ident(cur inspector.Cursor, id *ast.Ident) {
	fn, ok := s.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	fn = fn.Origin()
	local := fn.Pkg() == s.pass.Pkg
	if !local && s.importedConstructs(fn) == nil && s.importedServer(fn) == nil {
		return
	}
	// The reference expression: pkg.F, x.M or F, and whether it is called.
	node := ast.Node(id)
	c := cur
	if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
		c = c.Parent()
		node = c.Node()
	}
	if k := c.ParentEdgeKind(); k == edge.IndexExpr_X || k == edge.IndexListExpr_X {
		c = c.Parent() // F[T]
	}
	isCall := c.ParentEdgeKind() == edge.CallExpr_Fun
	if local && !isCall {
		s.escapes[fn] = true
	}
	from := s.topFunc(cur)
	s.refs = append(s.refs, ref{
		from:   from,
		to:     fn,
		node:   node,
		call:   isCall,
		atInit: from == nil && isCall && atInit(cur),
		reach:  s.reachOf(id.Pos()),
	})
}
