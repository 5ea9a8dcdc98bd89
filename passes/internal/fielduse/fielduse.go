// Package fielduse records, as analysis facts, which fields of its struct
// parameters each function of a package reads. A pass that sees a struct
// passed whole to a function of another package asks whether the function
// uses a given field: a service that renames a file by its ID does not use
// the uploader id the request body carried beside it. A function that
// hands the value to one whose fact is known (a service passing it to its
// repository, in the same package or another) reads what that one reads.
package fielduse

import (
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/funcfacts"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/lazyssa"
	"github.com/dypai/dypailint/passes/internal/report"
)

// Fact is what a function does with its struct parameters, by parameter
// (receiver excluded). A function without it passes them on unseen.
type Fact struct {
	Params []Param
}

// Param is one parameter's use: the fields the function reads, or Whole
// when it hands the value on (to another call, a store, an interface).
type Param struct {
	Struct bool // a struct or a pointer to one; the rest is not tracked
	Whole  bool
	Fields []string
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

func (f *Fact) String() string {
	var parts []string
	for _, p := range f.Params {
		switch {
		case !p.Struct:
			parts = append(parts, "-")
		case p.Whole:
			parts = append(parts, "whole")
		default:
			parts = append(parts, "{"+strings.Join(p.Fields, ",")+"}")
		}
	}
	return "fields(" + strings.Join(parts, " ") + ")"
}

// Reads reports whether the function behind fact reads any of the named
// fields of parameter i (or hands the value on whole); true when unknown,
// and when the function does nothing with the parameter (a stub tells
// nothing of what the real one does).
func (f *Fact) Reads(i int, names []string) bool {
	if f == nil || i < 0 || i >= len(f.Params) || !f.Params[i].Struct {
		return true
	}
	p := f.Params[i]
	return p.Whole || len(p.Fields) == 0 || slices.ContainsFunc(names, func(n string) bool { return slices.Contains(p.Fields, n) })
}

// Facts are the facts known to a package: its own functions' and those of
// the packages it imports (a pass can import only its own fact types, so
// the rule passes read them here).
type Facts = funcfacts.Table[Fact, *Fact]

// Analyzer exports a Fact for every function and method of the package
// that has a struct parameter; its result is the *Facts the package sees.
var Analyzer = &analysis.Analyzer{
	Name:       "dypaifielduse",
	Doc:        "record which fields of its struct parameters each function reads",
	Requires:   []*analysis.Analyzer{lazyssa.Analyzer},
	ResultType: reflect.TypeFor[*Facts](),
	FactTypes:  []analysis.Fact{new(Fact)},
	Run:        report.Safe("dypaifielduse", run),
}

func run(pass *analysis.Pass) (any, error) {
	if lazyssa.OwnCode(pass) && hasStructParams(pass.Pkg) {
		res, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
		if err != nil {
			return nil, err
		}
		fc := &factCache{}
		fc.facts = funcfacts.New(pass, res, fc.factOf)
		fc.facts.Export(res.SrcFuncs)
	}
	return funcfacts.Collect[Fact](pass), nil
}

// hasStructParams is the cheap early exit: no declared function of the
// package takes a struct.
func hasStructParams(pkg *types.Package) bool {
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch o := scope.Lookup(name).(type) {
		case *types.Func:
			if structParams(o.Signature()) {
				return true
			}
		case *types.TypeName:
			if n, ok := o.Type().(*types.Named); ok {
				for i := range n.NumMethods() {
					if structParams(n.Method(i).Signature()) {
						return true
					}
				}
			}
		}
	}
	return false
}

func structParams(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		if structOf(sig.Params().At(i).Type()) != nil {
			return true
		}
	}
	return false
}

func structOf(t types.Type) *types.Struct {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// factCache computes the facts of a package's functions; facts finds
// those of the functions they call.
type factCache struct {
	facts *funcfacts.Cache[Fact, *Fact]
}

// factOf computes fn's fact, or nil when it has no struct parameter.
func (fc *factCache) factOf(fn *ssa.Function) *Fact {
	params := fn.Params
	if fn.Signature.Recv() != nil {
		params = params[1:]
	}
	f := &Fact{Params: make([]Param, len(params))}
	found := false
	for i, p := range params {
		st := structOf(p.Type())
		if st == nil {
			continue
		}
		found = true
		fields := map[string]bool{}
		whole := fc.uses(p, st, fields, 0)
		f.Params[i] = Param{Struct: true, Whole: whole, Fields: sorted(fields)}
	}
	if !found {
		return nil
	}
	return f
}

// PrimaryKeyOnly are calls of well-known ORMs that read only the primary
// key of the struct given as their first argument: gorm deletes the row
// the key names (db.Delete(&file)), whatever the other fields hold.
var PrimaryKeyOnly = []handlers.Func{
	{Pkg: "gorm.io/gorm", Recv: "DB", Name: "Delete"},
	{Pkg: "github.com/jinzhu/gorm", Recv: "DB", Name: "Delete"},
}

// primaryKeyCall reports whether call passes v (through an interface) as
// the first argument of a PrimaryKeyOnly function.
func primaryKeyCall(call ssa.CallInstruction, v ssa.Value) bool {
	fn := handlers.Callee(call.Common())
	if fn == nil || !slices.ContainsFunc(PrimaryKeyOnly, func(f handlers.Func) bool { return f.Matches(fn) }) {
		return false
	}
	return handlers.ArgValue(call.Common(), 0) == v
}

// PrimaryKey returns the fields of st that hold its primary key: a field
// tagged gorm:"primaryKey", a field named ID, or an embedded struct
// holding one (gorm.Model), by name.
func PrimaryKey(st *types.Struct) []string {
	var out []string
	for i := range st.NumFields() {
		f := st.Field(i)
		tag := reflect.StructTag(st.Tag(i)).Get("gorm")
		switch {
		case strings.Contains(strings.ToLower(tag), "primarykey"), f.Name() == "ID":
			out = append(out, f.Name())
		case f.Embedded():
			if inner := structOf(f.Type()); inner != nil && len(PrimaryKey(inner)) > 0 {
				out = append(out, f.Name())
			}
		}
	}
	return out
}

// uses adds the fields of st that the uses of v (the struct or a pointer
// to it) read, and reports whether v is handed on whole.
func (fc *factCache) uses(v ssa.Value, st *types.Struct, fields map[string]bool, depth int) bool {
	refs := v.Referrers()
	if refs == nil {
		return false
	}
	for _, r := range *refs {
		switch x := r.(type) {
		case *ssa.FieldAddr:
			fields[st.Field(x.Field).Name()] = true
		case *ssa.Field:
			fields[st.Field(x.Field).Name()] = true
		case *ssa.DebugRef:
		case *ssa.MakeInterface:
			// Given to an ORM call that reads the primary key only.
			for _, rr := range *x.Referrers() {
				call, ok := rr.(ssa.CallInstruction)
				if !ok || !primaryKeyCall(call, x) {
					return true
				}
			}
			for _, k := range PrimaryKey(st) {
				fields[k] = true
			}
		case *ssa.UnOp:
			if x.Op != token.MUL || depth > 2 || fc.uses(x, st, fields, depth+1) {
				return true
			}
		case *ssa.Store:
			if x.Addr == v {
				continue // written, not read
			}
			// A parameter spilled to memory (captured, address taken).
			if a, ok := x.Addr.(*ssa.Alloc); ok && depth <= 2 {
				if fc.uses(a, st, fields, depth+1) {
					return true
				}
				continue
			}
			return true
		case ssa.CallInstruction:
			// Given to a function whose fact is known (a service handing
			// the record to its repository): what that function reads.
			if !fc.passedTo(x.Common(), v, fields) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// passedTo adds the fields that the static callee of call reads of v,
// given as one of its arguments (not its receiver, not with a type of
// its own), and reports whether its fact says so; false when unknown or
// when the callee hands v on.
func (fc *factCache) passedTo(call *ssa.CallCommon, v ssa.Value, fields map[string]bool) bool {
	callee := call.StaticCallee()
	if callee == nil || callee.Signature.Recv() != nil && len(call.Args) > 0 && call.Args[0] == v {
		return false
	}
	args := call.Args
	if callee.Signature.Recv() != nil {
		args = args[1:]
	}
	f := fc.facts.Of(callee)
	if f == nil || len(f.Params) != len(args) {
		return false
	}
	for i, a := range args {
		if a != v {
			continue
		}
		p := f.Params[i]
		if !p.Struct || p.Whole || !types.Identical(a.Type(), callee.Signature.Params().At(i).Type()) {
			return false
		}
		for _, name := range p.Fields {
			fields[name] = true
		}
	}
	return true
}

func sorted(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
