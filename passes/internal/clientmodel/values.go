package clientmodel

import (
	"go/ast"
	"go/token"
	"go/types"
)

// solve computes the kinds of all tracked keys: the least fixed point of
// the union of their sources' kinds.
func (s *state) solve() {
	for range 64 {
		changed := false
		for _, k := range s.keys {
			b := s.bits[k]
			for _, src := range s.sources[k] {
				b |= s.evalSource(src)
			}
			if b != s.bits[k] {
				s.bits[k] = b
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func (s *state) evalSource(src source) Kind {
	if src.idx < 0 {
		return s.eval(src.expr)
	}
	switch e := ast.Unparen(src.expr).(type) {
	case *ast.CallExpr:
		return s.callKind(e, src.idx)
	case *ast.IndexExpr, *ast.TypeAssertExpr:
		if src.idx == 0 {
			return s.eval(e) // v, ok := m[k] / x.(T)
		}
	}
	return 0
}

// eval is the kind of the value of e.
func (s *state) eval(e ast.Expr) Kind {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := s.info.ObjectOf(e).(*types.Var); ok {
			return s.objKind(v)
		}
	case *ast.SelectorExpr:
		if sel := s.info.Selections[e]; sel != nil {
			if sel.Kind() != types.FieldVal {
				return 0
			}
			f := sel.Obj().(*types.Var).Origin()
			b := s.objKind(f)
			if s.isSubClientField(f) {
				b |= s.eval(e.X) // c.API has c's kind
				if emb := promotedVia(sel); emb != nil {
					b |= s.objKind(emb) // app.API through an embedded *Client
				}
			}
			return b
		}
		if v, ok := s.info.Uses[e.Sel].(*types.Var); ok {
			return s.objKind(v)
		}
	case *ast.CallExpr:
		return s.callKind(e, 0)
	case *ast.StarExpr:
		return s.eval(e.X)
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return s.eval(e.X)
		}
	case *ast.TypeAssertExpr:
		return s.eval(e.X)
	case *ast.IndexExpr:
		if tv, ok := s.info.Types[e.X]; ok && tv.IsValue() {
			return s.eval(e.X) // an element of a container of clients
		}
	case *ast.CompositeLit:
		t := s.info.TypeOf(e)
		if t == nil {
			return 0
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array, *types.Map:
			var b Kind
			for _, elt := range e.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				b |= s.eval(elt)
			}
			return b
		}
	}
	return 0
}

func (s *state) objKind(o types.Object) Kind {
	k := any(o)
	switch o := o.(type) {
	case *types.Var:
		k = o.Origin()
	case *types.Func:
		k = o.Origin()
	}
	if b, ok := s.bits[k]; ok {
		return b
	}
	if o.Pkg() != nil && o.Pkg() != s.pass.Pkg {
		b := s.foreignHolds(o)
		s.bits[k] = b
		return b
	}
	return 0
}

// foreignHolds is what another package's fact says of a variable or field.
func (s *state) foreignHolds(o types.Object) Kind {
	var f holdsFact
	if s.pass.ImportObjectFact(o, &f) {
		return f.Kind
	}
	if s.sdks.of(o.Pkg()) == nil && s.sdks.isClientType(o.Type()) {
		return Unknown
	}
	return 0
}

// promotedVia returns the embedded field through which a promoted field
// is selected (Client in app.API when App embeds *Client), or nil.
func promotedVia(sel *types.Selection) *types.Var {
	idx := sel.Index()
	if len(idx) < 2 {
		return nil
	}
	t := sel.Recv()
	var f *types.Var
	for _, i := range idx[:len(idx)-1] {
		st := structOf(t)
		if st == nil || i >= st.NumFields() {
			return nil
		}
		f = st.Field(i)
		t = f.Type()
	}
	return f.Origin()
}

// isSubClientField reports whether f is the SDK client's API or Auth field.
func (s *state) isSubClientField(f *types.Var) bool {
	info := s.sdks.of(f.Pkg())
	return info != nil && (f == info.apiField || f == info.authField)
}

// callKind is the kind of result idx of call.
func (s *state) callKind(call *ast.CallExpr, idx int) Kind {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return s.eval(call.Args[0]) // conversion
		}
		return 0
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := s.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" {
				var k Kind
				for _, a := range call.Args {
					k |= s.eval(a)
				}
				return k
			}
			return 0
		}
	}
	callees := s.callees(call.Fun, 0)
	if len(callees) == 0 {
		if s.sdks.isClientType(s.resultType(call, idx)) {
			return Unknown
		}
		return 0
	}
	var k Kind
	for _, c := range callees {
		k |= s.resultKind(c, call, idx)
	}
	return k
}

func (s *state) resultType(call *ast.CallExpr, idx int) types.Type {
	t := s.info.TypeOf(call)
	if tup, ok := t.(*types.Tuple); ok {
		if idx < tup.Len() {
			return tup.At(idx).Type()
		}
		return nil
	}
	return t
}

// resultKind is the kind of result idx of callee c called by call.
func (s *state) resultKind(c any, call *ast.CallExpr, idx int) Kind {
	switch c := c.(type) {
	case *ast.FuncLit:
		return s.bits[resultKey{c, idx}]
	case *types.Func:
		if info := s.sdks.of(c.Pkg()); info != nil {
			switch {
			case info.constructors[c]:
				if idx == 0 {
					return s.constructKind(call, c)
				}
				return 0
			case info.keyOptions[c]:
				return APIKey
			case info.userOptions[c]:
				return User
			}
			if s.sdks.isClientType(s.resultType(call, idx)) && !isOptionResult(info, c) {
				return Unknown
			}
			return 0
		}
		if c.Pkg() == s.pass.Pkg {
			if _, ok := s.decls[c]; ok {
				return s.bits[resultKey{c, idx}]
			}
		} else {
			var f returnsFact
			if s.pass.ImportObjectFact(c, &f) {
				if f.Index == idx {
					return f.Kind
				}
				return 0
			}
		}
		if s.sdks.isClientType(s.resultType(call, idx)) {
			return Unknown
		}
	}
	return 0
}

// isOptionResult reports whether an SDK function returns an option that
// says nothing about credentials (WithTimeout).
func isOptionResult(info *sdkInfo, fn *types.Func) bool {
	res := fn.Signature().Results()
	if res.Len() != 1 || info.option == nil {
		return false
	}
	n := namedOf(res.At(0).Type())
	return n != nil && n.Obj() == info.option
}

// constructKind classifies an SDK constructor call: an API-key client when
// it is given a key (the positional key argument or a key option), a user
// client otherwise, unknown when its options come from elsewhere.
func (s *state) constructKind(call *ast.CallExpr, fn *types.Func) Kind {
	prof := s.proj.Profile
	var k Kind
	for i, arg := range call.Args {
		t := s.info.TypeOf(arg)
		if t == nil {
			continue
		}
		if i == prof.GoKeyArg && isStringish(t) {
			k |= s.keyArgKind(arg, call.Ellipsis.IsValid() && i == len(call.Args)-1)
			continue
		}
		if i > 0 && s.sdks.isClientType(t) {
			k |= s.eval(arg)
		}
	}
	switch {
	case k&APIKey != 0:
		return APIKey
	case k&Unknown != 0:
		return Unknown
	}
	return User
}

// keyArgKind is the kind a positional key argument gives a client.
func (s *state) keyArgKind(arg ast.Expr, spread bool) Kind {
	if spread {
		if lit, ok := ast.Unparen(s.origin(arg, 0)).(*ast.CompositeLit); ok && len(lit.Elts) == 0 {
			return 0
		}
		if lit, ok := ast.Unparen(s.origin(arg, 0)).(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
			return s.keyArgKind(lit.Elts[0], false)
		}
		return APIKey
	}
	if v, ok := s.constString(arg); ok && v == "" {
		return 0
	}
	if s.proj.Profile.Gated() && !s.privilegedKey(arg) {
		return User
	}
	return APIKey
}

func isStringish(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Info()&types.IsString != 0
	}
	return false
}

// callees are the functions a call expression may call: declared functions
// (by object), function literals, and the function values a local variable
// is assigned.
func (s *state) callees(fun ast.Expr, depth int) []any {
	if depth > 4 {
		return nil
	}
	switch f := ast.Unparen(fun).(type) {
	case *ast.FuncLit:
		return []any{f}
	case *ast.IndexExpr:
		return s.callees(f.X, depth)
	case *ast.IndexListExpr:
		return s.callees(f.X, depth)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if sel, ok := f.(*ast.SelectorExpr); ok {
			if selection := s.info.Selections[sel]; selection != nil {
				if selection.Kind() == types.FieldVal {
					return s.funcValues(selection.Obj().(*types.Var), depth)
				}
				obj = selection.Obj()
			} else {
				obj = s.info.Uses[sel.Sel]
			}
		} else {
			obj = s.info.Uses[f.(*ast.Ident)]
		}
		switch o := obj.(type) {
		case *types.Func:
			if recv := o.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
				return nil
			}
			return []any{o.Origin()}
		case *types.Var:
			return s.funcValues(o, depth)
		}
	}
	return nil
}

// funcValues are the functions stored in a variable of this package, when
// every value it is assigned is a function.
func (s *state) funcValues(v *types.Var, depth int) []any {
	if v.Pkg() != s.pass.Pkg {
		return nil
	}
	srcs := s.sources[v.Origin()]
	if len(srcs) == 0 {
		return nil
	}
	var out []any
	for _, src := range srcs {
		if src.idx >= 0 {
			return nil
		}
		c := s.callees(src.expr, depth+1)
		if c == nil {
			return nil
		}
		out = append(out, c...)
	}
	return out
}

// staticCallee is the declared function a call calls, if any.
func (s *state) staticCallee(call *ast.CallExpr) *types.Func {
	cs := s.callees(call.Fun, 4) // no variables
	if len(cs) == 1 {
		if fn, ok := cs[0].(*types.Func); ok {
			return fn
		}
	}
	return nil
}

// methodCall returns the method a call calls and its receiver expression,
// also through a method value stored in a local variable.
func (s *state) methodCall(call *ast.CallExpr) (*types.Func, ast.Expr) {
	fun := ast.Unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if v, ok := s.info.Uses[id].(*types.Var); ok && v.Pkg() == s.pass.Pkg {
			if srcs := s.sources[v.Origin()]; len(srcs) == 1 && srcs[0].idx < 0 {
				fun = ast.Unparen(srcs[0].expr)
			}
		}
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	selection := s.info.Selections[sel]
	if selection == nil || selection.Kind() != types.MethodVal {
		return nil, nil
	}
	return selection.Obj().(*types.Func).Origin(), sel.X
}

func recvType(fn *types.Func) types.Type {
	if r := fn.Signature().Recv(); r != nil {
		return r.Type()
	}
	return nil
}

// localVar returns the variable e names, if e is an identifier.
func (s *state) localVar(e ast.Expr) *types.Var {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := s.info.ObjectOf(id).(*types.Var); ok {
			return v.Origin()
		}
	}
	return nil
}

// origin follows an identifier of a variable of this package that is
// assigned exactly once to the expression assigned.
func (s *state) origin(e ast.Expr, depth int) ast.Expr {
	for ; depth < 8; depth++ {
		e = ast.Unparen(e)
		v := s.localVar(e)
		if v == nil || v.Pkg() != s.pass.Pkg {
			return e
		}
		srcs := s.sources[v]
		if len(srcs) != 1 || srcs[0].idx > 0 {
			return e
		}
		if srcs[0].idx == 0 {
			return srcs[0].expr // v, err := f(): the call
		}
		e = srcs[0].expr
	}
	return e
}
