package clientmodel

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// classify turns the calls and header markers collected into the model's
// findings-to-be, once client kinds are solved.
func (s *state) classify() {
	prof := s.proj.Profile
	s.classifyServerSDKs()
	for _, p := range s.pending {
		call := p.call
		if fn := s.constructorOf(call); fn != nil {
			if s.constructKind(call, fn) == APIKey {
				s.addKey(&KeySite{Node: call, What: qualifiedName(fn), Reach: s.reachOf(call.Pos())}, p.cur)
			}
			continue
		}
		fn, recv := s.methodCall(call)
		if fn == nil {
			continue
		}
		info := s.sdks.of(fn.Pkg())
		if info == nil {
			continue
		}
		switch r := recvNamed(fn); {
		case r == nil:
		case r == info.api && prof.IsCallMethod(fn.Name()):
			s.endpointCall(p, fn, recv, info)
		case r == info.auth && fn.Name() == prof.GoSignUp:
			s.model.SignUps = append(s.model.SignUps, &SignUp{
				Call:   call,
				Recv:   recv,
				Method: fn.Name(),
				Client: clientOf(s.info, recv, info.authField),
				Kind:   s.eval(recv),
				Reach:  s.reachOf(call.Pos()),
			})
		case r == info.auth && fn.Name() == prof.GoAuthStateChange && len(call.Args) > 0:
			s.model.Listeners = append(s.model.Listeners, &Listener{Call: call, Callback: s.funcNode(call.Args[0]), Reach: s.reachOf(call.Pos())})
		}
	}
	for _, mk := range s.markers {
		if prof.Gated() && !s.privilegedKey(mk.val) {
			continue // apikey: <anon key>, Authorization: Bearer <user JWT>
		}
		ks := &KeySite{Node: mk.node, What: KeyHeader, Header: prof.KeyHeaderDisplay(mk.header), Reach: s.reachOf(mk.node.Pos())}
		if mk.raw {
			raw := &RawRequest{Handler: s.handlerAt(mk.node.Pos()), Platform: s.namesPlatform(mk.val, 0)}
			if mk.req != nil {
				s.requestDetails(mk.req, raw)
			}
			ks.Raw = raw
		}
		s.addKey(ks, mk.cur)
	}
}

func (s *state) addKey(ks *KeySite, cur inspector.Cursor) {
	s.model.Keys = append(s.model.Keys, ks)
	s.keyCurs = append(s.keyCurs, cur)
}

// constructorOf returns the SDK constructor a call calls, directly or
// through a variable holding it.
func (s *state) constructorOf(call *ast.CallExpr) *types.Func {
	cs := s.callees(call.Fun, 0)
	if len(cs) != 1 {
		return nil
	}
	fn, ok := cs[0].(*types.Func)
	if !ok {
		return nil
	}
	if info := s.sdks.of(fn.Pkg()); info != nil && info.constructors[fn] {
		return fn
	}
	return nil
}

// clientOf strips the SDK client's API/Auth field from a receiver
// expression: c.API -> c.
func clientOf(info *types.Info, recv ast.Expr, field *types.Var) ast.Expr {
	if sel, ok := ast.Unparen(recv).(*ast.SelectorExpr); ok {
		if selection := info.Selections[sel]; selection != nil && selection.Kind() == types.FieldVal && selection.Obj() == field {
			return sel.X
		}
	}
	return recv
}

func (s *state) endpointCall(p pendingCall, fn *types.Func, recv ast.Expr, info *sdkInfo) {
	call := p.call
	c := &Call{
		Call:    call,
		Method:  fn.Name(),
		Client:  clientOf(s.info, recv, info.apiField),
		Kind:    s.eval(recv),
		Reach:   s.reachOf(call.Pos()),
		Handler: s.handlerAt(call.Pos()),
	}
	if len(call.Args) > 1 {
		arg := call.Args[1]
		c.EndpointExpr = arg
		if lit, ok := ast.Unparen(arg).(*ast.BasicLit); ok {
			c.EndpointLit = lit
		}
		name, keys := splitEndpoint(s.stringParts(arg, 0))
		c.Endpoint = name
		for _, k := range keys {
			if s.proj.IsIdentityField(k) {
				c.Identity = append(c.Identity, Identity{Field: k, Where: "query", Node: arg})
			}
		}
	}
	if len(call.Args) > 2 {
		c.Payload = call.Args[2]
		c.Identity = append(c.Identity, s.identities(call.Args[2], "payload")...)
	}
	s.model.Calls = append(s.model.Calls, c)
}

// requestOfHeader returns the request whose Header x is: req in
// req.Header, also through a variable h := req.Header.
func (s *state) requestOfHeader(x ast.Expr) ast.Expr {
	x = s.origin(x, 0)
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	selection := s.info.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal || selection.Obj().Name() != "Header" {
		return nil
	}
	if !isTypeNamed(selection.Recv(), "net/http", "Request") {
		return nil
	}
	return sel.X
}

// requestOfHeaderLit returns the request an http.Header literal at cur is
// given to: &http.Request{Header: lit} or req.Header = lit.
func (s *state) requestOfHeaderLit(cur inspector.Cursor) ast.Expr {
	switch cur.ParentEdgeKind() {
	case edge.KeyValueExpr_Value:
		kv := cur.Parent()
		if kv.ParentEdgeKind() == edge.CompositeLit_Elts {
			lit := kv.Parent().Node().(*ast.CompositeLit)
			if isTypeNamed(s.info.TypeOf(lit), "net/http", "Request") {
				return lit
			}
		}
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		i := cur.ParentEdgeIndex()
		if len(as.Lhs) == len(as.Rhs) {
			return s.requestOfHeader(as.Lhs[i])
		}
	}
	return nil
}

// requestDetails fills in what the request's construction says: the
// endpoint named by its URL and the identity fields in its query and body.
func (s *state) requestDetails(req ast.Expr, raw *RawRequest) {
	e := ast.Unparen(s.origin(req, 0))
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(s.origin(u.X, 0))
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return
	}
	fn := s.staticCallee(call)
	var url, body ast.Expr
	switch {
	case isFunc(fn, "net/http", "", "NewRequest") && len(call.Args) == 3:
		url, body = call.Args[1], call.Args[2]
	case isFunc(fn, "net/http", "", "NewRequestWithContext") && len(call.Args) == 4:
		url, body = call.Args[2], call.Args[3]
	default:
		return
	}
	name, keys := splitURL(s.stringParts(url, 0))
	if name != "" && s.proj.Manifest.Endpoint(name) != nil {
		raw.Endpoint = name
	}
	raw.Platform = raw.Platform || raw.Endpoint != "" || s.namesPlatform(url, 0)
	for _, k := range keys {
		if s.proj.IsIdentityField(k) {
			raw.Identity = append(raw.Identity, Identity{Field: k, Where: "query", Node: url})
		}
	}
	raw.Identity = append(raw.Identity, s.identities(body, "body")...)
}

// namesPlatform reports whether an expression names the platform: a string
// constant, or a variable, field or function whose name holds the SDK
// profile's name (os.Getenv("DYPAI_URL"), cfg.DypaiURL,
// "https://x.dypai.dev"), variables followed to what they were set to.
func (s *state) namesPlatform(e ast.Expr, depth int) bool {
	if e == nil || depth > 6 {
		return false
	}
	has := s.proj.Profile.NamesPlatform
	if v, ok := s.constString(e); ok {
		return has(v)
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return s.namesPlatform(x.X, depth+1) || s.namesPlatform(x.Y, depth+1)
	case *ast.CallExpr:
		return s.namesPlatform(x.Fun, depth+1) || slices.ContainsFunc(x.Args, func(a ast.Expr) bool { return s.namesPlatform(a, depth+1) })
	case *ast.SelectorExpr:
		return has(x.Sel.Name) || s.namesPlatform(x.X, depth+1)
	case *ast.Ident:
		if has(x.Name) {
			return true
		}
		if o := s.origin(x, 0); o != ast.Expr(x) {
			return s.namesPlatform(o, depth+1)
		}
	case *ast.CompositeLit: // []string{key}
		return slices.ContainsFunc(x.Elts, func(el ast.Expr) bool { return s.namesPlatform(el, depth+1) })
	case *ast.UnaryExpr:
		return s.namesPlatform(x.X, depth+1)
	}
	return false
}

// funcNode returns the function an argument passes, followed as calls
// are (variables, fields): a function literal, or the declaration of a
// function or method of this package.
func (s *state) funcNode(arg ast.Expr) ast.Node {
	cs := s.callees(arg, 0)
	if len(cs) != 1 {
		return nil
	}
	switch fn := cs[0].(type) {
	case *ast.FuncLit:
		return fn
	case *types.Func:
		if d := s.decls[fn]; d != nil {
			return d
		}
	}
	return nil
}
