// Package accesscheck records, as analysis facts, the functions of the
// project that check whether the caller may act on a user id they are
// given: they compare it with the verified identity (the session's, the
// JWT claims', the request context's) and return a bool or an error. A
// handler in another package that hands the id it read from the request
// to such a function (helper.MatchUserTypeToUid(c, userID)) has checked
// it, whatever the function is named.
package accesscheck

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/funcfacts"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/lazyssa"
	"github.com/dypai/dypailint/passes/internal/report"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

// Fact lists the parameters (by Go-call index, receiver excluded) that a
// function compares with the verified identity.
type Fact struct {
	Params []int
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

func (f *Fact) String() string { return fmt.Sprintf("checks%v", f.Params) }

// Checks reports whether the function behind f compares parameter i with
// the verified identity.
func (f *Fact) Checks(i int) bool {
	if f == nil {
		return false
	}
	for _, p := range f.Params {
		if p == i {
			return true
		}
	}
	return false
}

// Facts are the facts known to a package: its own functions' and those of
// the packages it imports.
type Facts = funcfacts.Table[Fact, *Fact]

// Analyzer exports a Fact for every function of the project's own packages
// that checks a parameter; its result is the *Facts the package sees.
var Analyzer = &analysis.Analyzer{
	Name:       "dypaiaccesscheck",
	Doc:        "record which functions compare a parameter with the verified identity",
	Requires:   []*analysis.Analyzer{lazyssa.Analyzer},
	ResultType: reflect.TypeFor[*Facts](),
	FactTypes:  []analysis.Fact{new(Fact)},
	Run:        report.Safe("dypaiaccesscheck", run),
}

func run(pass *analysis.Pass) (any, error) {
	if lazyssa.OwnCode(pass) && handlers.ImportsHTTP(pass.Pkg) {
		res, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
		if err != nil {
			return nil, err
		}
		c := &checker{pkg: res.Pkg, funcs: res.SrcFuncs}
		c.facts = funcfacts.New(pass, res, c.factOf)
		c.facts.Export(res.SrcFuncs)
	}
	return funcfacts.Collect[Fact](pass), nil
}

type checker struct {
	pkg   *ssa.Package
	funcs []*ssa.Function
	facts *funcfacts.Cache[Fact, *Fact]
	types *handlers.Types // made on the first comparison seen
}

// fromSession reports whether v is a value of the verified session.
func (c *checker) fromSession(v ssa.Value) bool {
	if c.types == nil {
		c.types = handlers.NewTypes(c.pkg, c.funcs)
	}
	return c.types.FromSession(v)
}

// factOf works out fn's fact: the parameters it compares with the
// verified identity, when it returns a verdict.
func (c *checker) factOf(fn *ssa.Function) *Fact {
	if !answers(fn.Signature) {
		return nil
	}
	params := fn.Params
	if fn.Signature.Recv() != nil {
		params = params[1:]
	}
	var f *Fact
	for i, p := range params {
		if c.compared(p, 0) {
			if f == nil {
				f = &Fact{}
			}
			f.Params = append(f.Params, i)
		}
	}
	return f
}

// answers reports whether a function returns a verdict: a bool, an error,
// or a value and one of them.
func answers(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() == 0 || res.Len() > 2 {
		return false
	}
	for i := range res.Len() {
		t := res.At(i).Type()
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Bool || types.Identical(t, types.Universe.Lookup("error").Type()) {
			return true
		}
	}
	return false
}

// compared reports whether v, or a conversion of it, is compared (== or
// !=) with a value of the verified session, or handed to a function that
// checks it.
func (c *checker) compared(v ssa.Value, depth int) bool {
	if depth > 3 || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch x := r.(type) {
		case *ssa.BinOp:
			if x.Op != token.EQL && x.Op != token.NEQ {
				continue
			}
			other := x.X
			if ssautil.Strip(other, ssautil.Conversions) == ssautil.Strip(v, ssautil.Conversions) {
				other = x.Y
			}
			if c.fromSession(other) {
				return true
			}
		case *ssa.ChangeType, *ssa.Convert, *ssa.MakeInterface:
			if c.compared(x.(ssa.Value), depth+1) {
				return true
			}
		case ssa.CallInstruction:
			callee := x.Common().StaticCallee()
			if callee == nil {
				continue
			}
			// A formatting of the id (strconv.Itoa(id), fmt.Sprint(id)) is
			// compared in its place.
			if call, ok := x.(*ssa.Call); ok && callee.Pkg != nil && formats(callee.Pkg.Pkg.Path(), callee.Name()) && c.compared(call, depth+1) {
				return true
			}
			args := x.Common().Args
			if callee.Signature.Recv() != nil {
				args = args[1:]
			}
			for i, a := range args {
				if a == v && c.facts.Of(callee).Checks(i) {
					return true
				}
			}
		}
	}
	return false
}

// formats reports whether a function of the standard library turns its
// argument into another form of the same value.
func formats(pkg, name string) bool {
	return pkg == "strconv" || pkg == "fmt" && strings.HasPrefix(name, "Sprint")
}
