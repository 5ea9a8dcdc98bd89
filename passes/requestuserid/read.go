package requestuserid

import (
	"go/ast"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// The read side: a request-supplied user id that selects whose record is
// returned to the client. What a call given the id returns (its result, or
// what it writes into a pointer it is given: db.First(&u, id)) is followed
// to the response.

// readBack returns the response write that the record selected by one of
// the calls reaches, or nil.
func (c *checker) readBack(calls ...ssa.CallInstruction) *ssaflow.Hit {
	var seeds []ssaflow.Seed
	for _, call := range calls {
		if v, ok := call.(*ssa.Call); ok {
			seeds = append(seeds, ssaflow.Seed{Value: v})
		}
		for _, a := range call.Common().Args {
			for _, p := range ssaflow.Pointees(a) {
				// Out-parameters only: not what carries the id in.
				if s, ok := memorySeed(p); ok && !c.engine.Reached(p) && !c.engine.Reached(s.Value) {
					seeds = append(seeds, s)
				}
			}
		}
	}
	return c.firstWrite(seeds...)
}

// firstWrite returns the first response write the records seeded reach,
// or nil.
func (c *checker) firstWrite(seeds ...ssaflow.Seed) *ssaflow.Hit {
	if len(seeds) == 0 {
		return nil
	}
	hits := c.records.Run(seeds...)
	if len(hits) == 0 {
		return nil
	}
	slices.SortFunc(hits, func(a, b ssaflow.Hit) int { return int(a.Top.Pos() - b.Top.Pos()) })
	return &hits[0]
}

// memorySeed tracks the local memory a pointer points into (&u, &u.ID).
func memorySeed(p ssa.Value) (ssaflow.Seed, bool) {
	for {
		fa, ok := p.(*ssa.FieldAddr)
		if !ok {
			break
		}
		p = fa.X
	}
	if a, ok := p.(*ssa.Alloc); ok {
		return ssaflow.Seed{Value: a, All: true}, true
	}
	return ssaflow.Seed{}, false
}

// readLookup returns the first lookup of a user record by the id — a call
// (users.Get(id), FindUserByID) or an element of a store (db.Users[id]) —
// that runs in a signed-in handler, is covered by no check, and whose
// record is written to the response; and that write. A lookup alone
// addresses the user resource (a profile page); a signed-in caller who is
// handed anyone's record by naming them is the classic IDOR.
func (c *checker) readLookup(src source) (*useSite, *ssaflow.Hit) {
	lookups, keyed := c.lookups, c.keyed
	for _, lk := range lookups {
		fn := lk.Instr.Parent()
		if !c.signedIn(src.fn, fn) || c.roleChecked(src.fn, fn) || c.sessionActs(ssaflow.Hit{Site: lk, Top: lk.Instr}) {
			continue
		}
		if w := c.readBack(lk.Instr); w != nil {
			return &useSite{pos: lk.Instr.Pos(), name: c.callName(lk.Instr)}, w
		}
	}
	for _, el := range keyed {
		fn := el.Parent()
		if !storeElement(el) || !c.signedIn(src.fn, fn) || c.roleChecked(src.fn, fn) {
			continue
		}
		if w := c.firstWrite(ssaflow.Seed{Value: el}); w != nil {
			name := "a lookup"
			if ix := c.indexExpr(el.Pos()); ix != nil {
				name = "the lookup " + shortExpr(ix.(ast.Expr))
			}
			return &useSite{pos: el.Pos(), name: name}, w
		}
	}
	return nil, nil
}

// storeElement reports whether an element selected by key is one of a
// store — a map or slice of a global, a field, or returned by a call
// (db.Users[id], s.cache[id]) — not of a value the handler built.
func storeElement(el ssa.Value) bool {
	var x ssa.Value
	switch e := el.(type) {
	case *ssa.Lookup:
		x = e.X
	case *ssa.Index:
		x = e.X
	case *ssa.IndexAddr:
		x = e.X
	}
	for {
		switch v := x.(type) {
		case *ssa.UnOp:
			x = v.X
			continue
		case *ssa.Global, *ssa.FieldAddr, *ssa.Field, *ssa.Call, *ssa.FreeVar:
			return true
		}
		return false
	}
}

// signedIn reports whether one of the functions is, or is in, a handler
// that serves a signed-in user: it reads the session, or it is registered
// behind authentication middleware.
func (c *checker) signedIn(fns ...*ssa.Function) bool {
	for _, fn := range fns {
		for f := fn; f != nil; f = f.Parent() {
			if h := c.set.Of(f.Syntax()); h != nil && h.SignedIn() {
				return true
			}
			if g := c.set.GateOf(f.Syntax()); g != nil && slices.ContainsFunc(g.Middleware, func(m handlers.Middleware) bool { return m.Auth }) {
				return true
			}
			if c.handlerScope(f.Syntax()) {
				break
			}
		}
	}
	return false
}

// recordCall decides what a call does with a record: written to the
// response it is a sink; the package's functions are followed; loggers,
// errors and request reads drop it; any other call passes it on, in its
// result and into the pointers it is given (row.Scan(&u.ID), toView(u)).
func (c *checker) recordCall(s ssaflow.Site) ssaflow.Decision {
	if d, ok := ssaflow.ResponseWrite(c.types, s); ok {
		return d
	}
	f := s.Func
	if f == nil || f.Pkg() == nil {
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	path := f.Pkg().Path()
	switch {
	case s.Local:
		return ssaflow.Decision{Effect: ssaflow.Follow}
	case c.types.ResponseHelper(s.Common, s.Arg):
		return ssaflow.Decision{Effect: ssaflow.Use, Label: handlers.FuncName(f)}
	case handlers.IsRequestAPI(f), isLogger(f), pathHasWord(path, ObservePathMarkers), slices.Contains(IgnoredPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	case path == "fmt" && !strings.HasPrefix(f.Name(), "Sprint"):
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	return ssaflow.Decision{Effect: ssaflow.IntoPointers}
}
