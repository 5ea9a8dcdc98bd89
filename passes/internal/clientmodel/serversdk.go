package clientmodel

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// Server-only third-party SDKs (sdk.ServerSDKs with a Go module: openai-go,
// anthropic-sdk-go, stripe-go) given their secret key (DYP105). A key is
// followed as the profile's privileged key is (privilege.go) and judged by
// serverJudge: any env var not named as a browser key, a literal that is
// not publishable, a name that says it holds a secret.

// SecretSDKSite is a construction of a server-only SDK's client with its
// secret key, or the key assigned to the SDK's key variable (stripe.Key).
type SecretSDKSite struct {
	Node  ast.Node
	SDK   *sdk.ServerSDK
	What  string // "openai.NewClient", "setting stripe.Key"
	Key   string // the key as the source gives it, a literal redacted
	Reach *Reach // non-nil in client-reachable code
}

// keyVarWrite is an assignment to a variable of a Go SDK (stripe.Key = k).
type keyVarWrite struct {
	lhs *ast.SelectorExpr
	val ast.Expr
	cur inspector.Cursor
}

// serverSDKObject returns the catalogue entry of an object of a Go SDK and
// its catalogue name (sdk.GoName), or nil.
func serverSDKObject(obj types.Object) (*sdk.ServerSDK, string) {
	recv := ""
	switch o := obj.(type) {
	case *types.Func:
		if o == nil {
			return nil, ""
		}
		if r := recvNamed(o); r != nil {
			recv = r.Name()
		}
	case *types.Var:
		if o == nil {
			return nil, ""
		}
	default:
		return nil, ""
	}
	if obj.Pkg() == nil {
		return nil, ""
	}
	srv, sub := sdk.GoServerSDK(obj.Pkg().Path())
	if srv == nil {
		return nil, ""
	}
	return srv, sdk.GoName(sub, recv, obj.Name())
}

// serverSDKPackage reports whether an import path is a catalogued Go SDK's.
func serverSDKPackage(path string) bool {
	srv, _ := sdk.GoServerSDK(path)
	return srv != nil
}

// inServerSDK reports whether the package analysed is part of a catalogued
// Go SDK, whose own code handles its key.
func (s *state) inServerSDK() bool {
	return serverSDKPackage(s.pass.Pkg.Path())
}

// recordKeyVar remembers an assignment that may set an SDK's key variable.
func (s *state) recordKeyVar(cur inspector.Cursor, lhs, val ast.Expr) {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok || s.info.Selections[sel] != nil {
		return
	}
	if v, ok := s.info.Uses[sel.Sel].(*types.Var); ok {
		if srv, name := serverSDKObject(v); srv != nil && slices.Contains(srv.GoKeyVars, name) {
			s.keyVars = append(s.keyVars, keyVarWrite{lhs: sel, val: val, cur: cur})
		}
	}
}

// classifyServerSDKs finds the secret-key constructions among the calls and
// key-variable assignments collected.
func (s *state) classifyServerSDKs() {
	if s.inServerSDK() {
		return
	}
	for _, p := range s.pending {
		fn := s.staticCallee(p.call)
		srv, name := serverSDKObject(fn)
		if srv == nil || !slices.Contains(srv.GoConstructors, name) {
			continue
		}
		if key := s.serverKeyArg(srv, p.call); key != nil {
			s.secretSDK(p.call, p.cur, srv, qualifiedName(fn), key)
		}
	}
	for _, w := range s.keyVars {
		srv, _ := serverSDKObject(s.info.Uses[w.lhs.Sel])
		s.secretSDK(w.lhs, w.cur, srv, "setting "+types.ExprString(w.lhs), w.val)
	}
}

// secretSDK records a site when its key is the SDK's secret.
func (s *state) secretSDK(node ast.Node, cur inspector.Cursor, srv *sdk.ServerSDK, what string, key ast.Expr) {
	if s.keyPrivilege(key, serverJudge(srv), 0) != sdk.PrivYes {
		return
	}
	s.model.SecretSDKs = append(s.model.SecretSDKs, &SecretSDKSite{
		Node: node, SDK: srv, What: what, Key: s.describeKey(srv, key), Reach: s.reachOf(node.Pos()),
	})
	s.serverCurs = append(s.serverCurs, cur)
}

// serverJudge judges a server-only SDK's key: an env var unless named as a
// browser key, a literal unless publishable or a placeholder, a name that
// says it is a secret. A key read from the page (an input the user types
// their own key into) is the user's, already in the browser: not one this
// code ships.
func serverJudge(srv *sdk.ServerSDK) *keyJudge {
	return &keyJudge{
		literal: srv.SecretLiteral,
		env:     func(name string) bool { return !sdk.BrowserKeyEnvName(name) },
		name:    sdk.SecretKeyName,
		page:    sdk.PrivNo,
		seen:    map[any]bool{},
	}
}

// serverKeyArg returns the key a constructor is given: its positional key
// argument, or the argument of a key option among its arguments (inline,
// in a slice passed with ..., or appended to one); nil when it is given
// none (the SDK reads its env var, on a server).
func (s *state) serverKeyArg(srv *sdk.ServerSDK, call *ast.CallExpr) ast.Expr {
	if i := srv.GoKeyArg; i >= 0 {
		if i < len(call.Args) && !(call.Ellipsis.IsValid() && i == len(call.Args)-1) {
			return call.Args[i]
		}
		return nil
	}
	for _, arg := range call.Args {
		if k := s.keyOption(srv, arg, map[any]bool{}, 0); k != nil {
			return k
		}
	}
	return nil
}

// keyOption finds a key option's argument in an option expression.
func (s *state) keyOption(srv *sdk.ServerSDK, e ast.Expr, seen map[any]bool, depth int) ast.Expr {
	if depth > 8 {
		return nil
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if srv2, name := serverSDKObject(s.staticCallee(x)); srv2 == srv && slices.Contains(srv.GoKeyOptions, name) && len(x.Args) > 0 {
			return x.Args[0]
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && id.Name == "append" {
			if _, ok := s.info.Uses[id].(*types.Builtin); ok {
				for _, a := range x.Args {
					if k := s.keyOption(srv, a, seen, depth+1); k != nil {
						return k
					}
				}
			}
		}
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if k := s.keyOption(srv, elt, seen, depth+1); k != nil {
				return k
			}
		}
	case *ast.Ident:
		v := s.localVar(x)
		if v == nil || v.Pkg() != s.pass.Pkg || seen[v] {
			return nil
		}
		seen[v] = true
		for _, src := range s.sources[v] {
			if src.idx < 0 {
				if k := s.keyOption(srv, src.expr, seen, depth+1); k != nil {
					return k
				}
			}
		}
	}
	return nil
}

// describeKey renders a key for a message as the source gives it, with
// literal keys redacted.
func (s *state) describeKey(srv *sdk.ServerSDK, e ast.Expr) string {
	if v, ok := s.constString(e); ok {
		return strconv.Quote(sdk.Redact(v))
	}
	out := types.ExprString(e)
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok {
			if v, err := strconv.Unquote(lit.Value); err == nil && srv.SecretLiteral(v) && !envName(v) {
				out = strings.ReplaceAll(out, lit.Value, strconv.Quote(sdk.Redact(v)))
			}
		}
		return true
	})
	return out
}

// envName reports a string spelled like an env var name (OPENAI_API_KEY).
func envName(v string) bool {
	return strings.Trim(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == ""
}

// secretSDKFact is attached to a function or method that builds a
// server-only SDK's client with its secret key, directly or through the
// functions it calls: the SDK's catalogue name, the key as the
// construction gives it, the chain to the construction and its site.
type secretSDKFact struct {
	SDK   string
	Key   string
	Chain []string
	Site  Site
}

func (*secretSDKFact) AFact() {}

func (f *secretSDKFact) String() string {
	return "builds a server-only " + f.SDK + " client: " + strings.Join(f.Chain, " → ")
}

// importedServer returns the secretSDK fact of a function of another
// package, or nil.
func (s *state) importedServer(fn *types.Func) *secretSDKFact {
	if f, ok := s.serverFacts[fn]; ok {
		return f
	}
	var f *secretSDKFact
	var fact secretSDKFact
	if s.pass.ImportObjectFact(fn, &fact) && serverSDKNamed(fact.SDK) != nil {
		f = &fact
	}
	s.serverFacts[fn] = f
	return f
}

func serverSDKNamed(name string) *sdk.ServerSDK {
	for _, srv := range sdk.ServerSDKs {
		if srv.Name == name {
			return srv
		}
	}
	return nil
}

func (s *state) serverChainOf(fn *types.Func) *chainInfo {
	if fn.Pkg() == s.pass.Pkg {
		return s.serverBest[fn]
	}
	if f := s.importedServer(fn); f != nil {
		return &chainInfo{chain: f.Chain, site: f.Site, sdk: serverSDKNamed(f.SDK), key: f.Key}
	}
	return nil
}

// secretSDKInitFact is attached to a package whose initialisation builds a
// server-only SDK's client with its secret key, directly or through an
// import.
type secretSDKInitFact secretSDKFact

func (*secretSDKInitFact) AFact() {}

func (f *secretSDKInitFact) String() string {
	return "builds a server-only " + f.SDK + " client at init: " + strings.Join(f.Chain, " → ")
}

// serverChains follows the server-only SDK constructions (model.SecretSDKs)
// as chains() follows the API-key ones, and exports their facts.
func (s *state) serverChains() {
	cs := &chainSet{
		chainOf: s.serverChainOf,
		importInit: func(p *types.Package) *chainInfo {
			var f secretSDKInitFact
			if s.pass.ImportPackageFact(p, &f) && serverSDKNamed(f.SDK) != nil {
				return &chainInfo{chain: f.Chain, site: f.Site, sdk: serverSDKNamed(f.SDK), key: f.Key}
			}
			return nil
		},
		best: map[*types.Func]*chainInfo{},
	}
	for i, site := range s.model.SecretSDKs {
		cs.seeds = append(cs.seeds, chainSeed{s.serverCurs[i], chainInfo{chain: []string{site.What}, pos: site.Node.Pos(), sdk: site.SDK, key: site.Key}})
	}
	s.serverBest = cs.best // serverChainOf reads it
	s.model.SecretSDKRefs = s.follow(cs)
	fact := func(ci *chainInfo) secretSDKFact {
		site := ci.site
		if ci.pos.IsValid() {
			site = siteOf(s.pass.Fset, ci.pos)
		}
		return secretSDKFact{SDK: ci.sdk.Name, Key: ci.key, Chain: ci.chain, Site: site}
	}
	for _, fn := range s.funcOrder {
		if ci := s.serverBest[fn]; ci != nil && s.exportable(fn) {
			f := fact(ci)
			s.pass.ExportObjectFact(fn, &f)
		}
	}
	if cs.initBest != nil {
		f := secretSDKInitFact(fact(cs.initBest))
		s.pass.ExportPackageFact(&f)
	}
}
