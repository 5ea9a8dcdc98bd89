package clientmodel

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// chainInfo is the shortest known way a function (or the package's
// initialisation) reaches an API-key construction.
type chainInfo struct {
	chain []string
	pos   token.Pos // the construction, when in this package
	site  Site      // the construction, when in another package
	// sdk and key are set for a server-only SDK's client (serversdk.go).
	sdk *sdk.ServerSDK
	key string
}

func better(cur *chainInfo, cand *chainInfo) bool {
	return cur == nil || len(cand.chain) < len(cur.chain)
}

// importedConstructs returns the constructs fact of a function of another
// package, or nil.
func (s *state) importedConstructs(fn *types.Func) *constructsFact {
	if f, ok := s.factCache[fn]; ok {
		return f
	}
	var f *constructsFact
	var fact constructsFact
	if s.pass.ImportObjectFact(fn, &fact) {
		f = &fact
	}
	s.factCache[fn] = f
	return f
}

func (s *state) chainOf(fn *types.Func) *chainInfo {
	if fn.Pkg() == s.pass.Pkg {
		return s.best[fn]
	}
	if f := s.importedConstructs(fn); f != nil {
		return &chainInfo{chain: f.Chain, site: f.Site}
	}
	return nil
}

// chainSet is one family of constructions whose chains the model follows:
// the profile's API-key clients, or server-only SDK clients (serversdk.go).
type chainSet struct {
	seeds []chainSeed
	// chainOf is the chain of a function (this package's from best, another
	// package's from its fact); importInit that of an imported package's
	// initialisation, from its package fact.
	chainOf    func(*types.Func) *chainInfo
	importInit func(*types.Package) *chainInfo

	best     map[*types.Func]*chainInfo
	initBest *chainInfo
}

// chainSeed is a construction: where it is, and its chain from the
// construction on (its name, position and details).
type chainSeed struct {
	cur inspector.Cursor
	ci  chainInfo
}

// follow computes which functions of the package reach a construction of
// the set (directly or through calls), whether its initialisation does,
// and where browser code reaches one outside browser code: calls of (and
// references to) such functions, imports of such packages.
func (s *state) follow(cs *chainSet) []*ClientRef {
	pkgInit := s.pass.Pkg.Name() + ".init"
	onInit := func(cand *chainInfo) {
		if better(cs.initBest, cand) {
			cs.initBest = cand
		}
	}
	for _, sd := range cs.seeds {
		if fn := s.topFunc(sd.cur); fn != nil {
			if cand := sd.ci.via(qualifiedName(fn)); better(cs.best[fn], cand) {
				cs.best[fn] = cand
			}
		} else if atInit(sd.cur) {
			onInit(sd.ci.via(pkgInit))
		}
	}
	s.propagate(cs.best, cs.chainOf, onInit)
	for _, fn := range s.funcOrder {
		if ci := cs.best[fn]; isInit(fn) && ci != nil {
			onInit(ci)
		}
	}
	imports := slices.Clone(s.pass.Pkg.Imports())
	slices.SortFunc(imports, func(a, b *types.Package) int { return strings.Compare(a.Path(), b.Path()) })
	for _, imp := range imports {
		if ci := cs.importInit(imp); ci != nil {
			onInit(ci.via("import " + imp.Name()))
		}
	}

	refs := s.browserRefs(cs.chainOf)
	for _, spec := range s.imports {
		reach := s.reachOf(spec.Pos())
		if reach == nil {
			continue
		}
		pn := s.info.PkgNameOf(spec)
		if pn == nil {
			continue
		}
		if ci := cs.importInit(pn.Imported()); ci != nil {
			refs = append(refs, &ClientRef{
				Node:   spec,
				Reach:  reach,
				Name:   pn.Imported().Name(),
				Import: true,
				Chain:  ci.chain,
				Site:   s.sitePos(ci),
				SDK:    ci.sdk,
				Key:    ci.key,
			})
		}
	}
	return refs
}

// chains follows the API-key constructions (model.Keys).
func (s *state) chains() {
	cs := &chainSet{
		chainOf: s.chainOf,
		importInit: func(p *types.Package) *chainInfo {
			var f initFact
			if s.pass.ImportPackageFact(p, &f) {
				return &chainInfo{chain: f.Chain, site: f.Site}
			}
			return nil
		},
		best: map[*types.Func]*chainInfo{},
	}
	for i, ks := range s.model.Keys {
		cs.seeds = append(cs.seeds, chainSeed{s.keyCurs[i], chainInfo{chain: []string{ks.What}, pos: ks.Node.Pos()}})
	}
	s.best = cs.best // chainOf reads it
	s.model.ClientRefs = append(s.model.ClientRefs, s.follow(cs)...)
	s.initBest = cs.initBest
}

// propagate extends best along the package's references: a function that
// calls (or refers to) one with a chain gets the chain through it. onInit,
// when set, receives the chains package initialisation reaches.
func (s *state) propagate(best map[*types.Func]*chainInfo, chainOf func(*types.Func) *chainInfo, onInit func(*chainInfo)) {
	pkgInit := s.pass.Pkg.Name() + ".init"
	for range 64 {
		changed := false
		for _, r := range s.refs {
			target := chainOf(r.to)
			if target == nil {
				continue
			}
			switch {
			case r.from != nil:
				if r.from == r.to {
					continue
				}
				cand := target.via(qualifiedName(r.from))
				if better(best[r.from], cand) {
					best[r.from] = cand
					changed = true
				}
			case r.atInit && onInit != nil:
				onInit(target.via(pkgInit))
			}
		}
		if !changed {
			break
		}
	}
}

// via is the chain reached through head.
func (ci *chainInfo) via(head string) *chainInfo {
	c := *ci
	c.chain = extendChain(head, ci.chain)
	return &c
}

// browserRefs are the references in browser code to functions with a
// chain that are not themselves in browser code (constructions in browser
// code are reported where they are).
func (s *state) browserRefs(chainOf func(*types.Func) *chainInfo) []*ClientRef {
	var out []*ClientRef
	for _, r := range s.refs {
		if r.reach == nil {
			continue
		}
		if r.to.Pkg() == s.pass.Pkg {
			if decl := s.decls[r.to]; decl == nil || s.reachOf(decl.Pos()) != nil {
				continue
			}
		}
		target := chainOf(r.to)
		if target == nil {
			continue
		}
		out = append(out, &ClientRef{
			Node:  r.node,
			Reach: r.reach,
			Name:  qualifiedName(r.to),
			Chain: target.chain,
			Site:  s.sitePos(target),
			SDK:   target.sdk,
			Key:   target.key,
		})
	}
	return out
}

func isInit(fn *types.Func) bool {
	return fn.Name() == "init" && fn.Signature().Recv() == nil
}

// sitePos maps a construction site to a position in this pass's file set:
// exact for this package, by file and line for others (the file set holds
// the files of imported packages when they were loaded from source, and
// their lines when loaded from export data); NoPos when unknown.
func (s *state) sitePos(ci *chainInfo) token.Pos {
	if ci.pos.IsValid() {
		return ci.pos
	}
	if ci.site.File == "" {
		return token.NoPos
	}
	var pos token.Pos
	s.pass.Fset.Iterate(func(f *token.File) bool {
		if f.Name() != ci.site.File {
			return true
		}
		if ci.site.Line >= 1 && ci.site.Line <= f.LineCount() {
			pos = f.LineStart(ci.site.Line)
			end := f.Base() + f.Size()
			if ci.site.Line < f.LineCount() {
				end = int(f.LineStart(ci.site.Line + 1))
			}
			if p := int(pos) + ci.site.Col - 1; ci.site.Col > 1 && p < end {
				pos = token.Pos(p)
			}
		}
		return false
	})
	return pos
}

// exportFacts records what other packages need to know.
func (s *state) exportFacts() {
	scope := s.pass.Pkg.Scope()
	for _, fn := range s.funcOrder {
		if !s.exportable(fn) {
			continue
		}
		if ci := s.best[fn]; ci != nil {
			site := ci.site
			if ci.pos.IsValid() {
				site = siteOf(s.pass.Fset, ci.pos)
			}
			s.pass.ExportObjectFact(fn, &constructsFact{Chain: ci.chain, Site: site})
		}
		res := fn.Signature().Results()
		for i := range res.Len() {
			if !s.sdks.isClientType(res.At(i).Type()) {
				continue
			}
			if k := s.bits[resultKey{fn, i}]; k&(User|APIKey) != 0 {
				s.pass.ExportObjectFact(fn, &returnsFact{Index: i, Kind: k})
				break
			}
		}
	}
	if ci := s.initBest; ci != nil {
		site := ci.site
		if ci.pos.IsValid() {
			site = siteOf(s.pass.Fset, ci.pos)
		}
		s.pass.ExportPackageFact(&initFact{Chain: ci.chain, Site: site})
	}
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.Var:
			s.exportHolds(obj)
		case *types.TypeName:
			if st, ok := obj.Type().Underlying().(*types.Struct); ok && !obj.IsAlias() {
				for f := range st.Fields() {
					s.exportHolds(f)
				}
			}
		}
	}
}

// exportable reports whether facts on fn can reach other packages: a
// package-level function or a method of a package-level type, not init.
func (s *state) exportable(fn *types.Func) bool {
	if isInit(fn) {
		return false
	}
	scope := s.pass.Pkg.Scope()
	if r := recvNamed(fn); r != nil {
		return r.Parent() == scope
	}
	return fn.Parent() == scope
}

func (s *state) exportHolds(v *types.Var) {
	if v.Pkg() != s.pass.Pkg || !s.sdks.isClientType(v.Type()) {
		return
	}
	if k := s.bits[v]; k&(User|APIKey) != 0 {
		s.pass.ExportObjectFact(v, &holdsFact{Kind: k})
	}
}
