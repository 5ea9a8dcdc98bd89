// Package funcfacts is the one copy of what the passes that export facts
// about functions share (fielduse: the fields a function reads;
// accesscheck: the ids it compares with the verified identity): each fact
// worked out once, on demand, from the function's SSA form — so that a
// function's fact can depend on those of the functions it calls, in its
// package (recursion ends without one) or imported — exported, and the
// table of the facts a package sees.
package funcfacts

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"
)

// Fact is a pointer to a fact type F.
type Fact[F any] interface {
	*F
	analysis.Fact
}

// Cache works out the facts of one package's functions.
type Cache[F any, P Fact[F]] struct {
	pass    *analysis.Pass
	pkg     *ssa.Package
	memo    map[*ssa.Function]P // nil while being worked out
	compute func(*ssa.Function) P
}

// Of returns fn's fact, looked up once: for a function of the package
// with a body, computed (nil within its own recursion); for another
// package's, the imported one (a callee is asked for at each of its call
// sites); nil when there is none.
func (c *Cache[F, P]) Of(fn *ssa.Function) P {
	if f, done := c.memo[fn]; done {
		return f
	}
	c.memo[fn] = nil
	var f P
	switch {
	case fn.Pkg != c.pkg:
		f = c.imported(fn)
	case fn.Blocks != nil:
		f = c.compute(fn)
	}
	c.memo[fn] = f
	return f
}

// imported returns the fact the analysis of fn's package exported, or nil.
func (c *Cache[F, P]) imported(fn *ssa.Function) P {
	obj, ok := fn.Object().(*types.Func)
	f := P(new(F))
	if !ok || !c.pass.ImportObjectFact(obj, f) {
		return nil
	}
	return f
}

// New returns the cache of the package res is the SSA form of; compute
// works out a function's fact (nil for none) and may ask the cache for
// others'.
func New[F any, P Fact[F]](pass *analysis.Pass, res *buildssa.SSA, compute func(*ssa.Function) P) *Cache[F, P] {
	return &Cache[F, P]{pass: pass, pkg: res.Pkg, memo: map[*ssa.Function]P{}, compute: compute}
}

// Export exports the fact of every function of the package that has one.
func (c *Cache[F, P]) Export(funcs []*ssa.Function) {
	for _, fn := range funcs {
		if obj, ok := fn.Object().(*types.Func); ok {
			if f := c.Of(fn); f != nil {
				c.pass.ExportObjectFact(obj, f)
			}
		}
	}
}

// Table is the facts of type F a package sees: its own functions' and
// those of the packages it imports.
type Table[F any, P Fact[F]] struct {
	byFunc map[types.Object]P
}

// Collect returns the facts of type F the package pass analyses sees.
func Collect[F any, P Fact[F]](pass *analysis.Pass) *Table[F, P] {
	t := &Table[F, P]{byFunc: map[types.Object]P{}}
	for _, of := range pass.AllObjectFacts() {
		if f, ok := of.Fact.(P); ok {
			t.byFunc[of.Object] = f
		}
	}
	return t
}

// Of returns the fact of a function (its generic origin), or nil.
func (t *Table[F, P]) Of(fn *types.Func) P {
	if t == nil || fn == nil {
		return nil
	}
	return t.byFunc[fn.Origin()]
}
