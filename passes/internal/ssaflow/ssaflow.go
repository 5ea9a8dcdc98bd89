package ssaflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Effect is what a call does with a tracked value passed to it.
type Effect int

const (
	// Follow analyses the callee when it is a function of the package with
	// a body (the tracked value becomes its parameter, and what it returns
	// comes back); for other callees it is Through.
	Follow Effect = iota
	// Ignore: the call neither uses the value nor passes it on (a
	// sanitizer, a logger, a length).
	Ignore
	// Through: the call's result carries the value (fmt.Sprintf,
	// strings.ToUpper, strconv.Atoi).
	Through
	// Into: the call writes the value into Decision.Into (a buffer, a
	// builder, a struct being decoded), which becomes tracked.
	Into
	// Use: the call is a sink; a Hit is recorded.
	Use
	// IntoPointers: the call writes what it is given into the pointers it
	// is also given (row.Scan(&u.ID, &u.Name), cur.Decode(&u),
	// db.First(&u, id)), which become tracked, and its result carries it.
	IntoPointers
)

// Site is one call a tracked value reaches.
type Site struct {
	Instr  ssa.CallInstruction
	Common *ssa.CallCommon
	// Func is the called function or interface method (nil for dynamic
	// calls); Callee the static callee, when known.
	Func   *types.Func
	Callee *ssa.Function
	// Arg is the Go-call index of the tracked argument (receiver excluded),
	// or handlers.Receiver.
	Arg int
	// Local is set when Callee is a function of the analysed package with a
	// body.
	Local bool
	// Fields, when the tracked argument is a struct, or a pointer to
	// memory, only some fields of which hold the data (an oauth2.Config
	// whose ClientSecret is the key), are those fields' indices in that
	// struct (empty when none); nil when the argument holds the data as a
	// whole (the key, a buffer it was written into).
	Fields []int
}

// Pos is the position of the call.
func (s Site) Pos() token.Pos { return s.Common.Pos() }

// Decision is what Config.Call says about a Site.
type Decision struct {
	Effect Effect
	Into   ssa.Value // for Into: the writer or destination
	Label  string    // for Use: the sink's name, carried into the Hit
}

// Config is a rule's flow configuration.
type Config struct {
	// Carries reports whether values of a type can carry the tracked data
	// (a string can carry an API key, a bool cannot). Nil: every type can.
	Carries func(types.Type) bool
	// Call decides what a call does with a tracked value. Nil: Follow.
	Call func(Site) Decision
	// Compare, when set, is told of every comparison (==, !=, <, …) with a
	// tracked operand; other is the other operand.
	Compare func(op *ssa.BinOp, other ssa.Value)
	// Keyed, when set, is told of every element selected by a tracked key
	// (users[id]: an *ssa.Lookup, *ssa.Index or *ssa.IndexAddr), which is
	// not tracked.
	Keyed func(elem ssa.Value)
	// FieldGlobal makes a store of a tracked value into a struct field track
	// every read of that field in the package (a config struct loaded in
	// main and read in handlers).
	FieldGlobal bool
	// MaxDepth bounds the descent into the package's functions (default 4).
	MaxDepth int
}

// Seed is a source of tracked data.
type Seed struct {
	Value ssa.Value
	// At is, for a value without referrers (a constant), the one
	// instruction that uses it.
	At ssa.Instruction
	// Fields, for an address (a local struct, a global), tracks only these
	// fields of the memory it points to (or of the struct value), and the
	// whole when it is loaded or passed on; nil tracks the value itself.
	Fields []int
	// All, for an address, tracks all the memory it points to (a captured
	// variable, a buffer).
	All bool
}

// Hit is a tracked value reaching a Use.
type Hit struct {
	Site  Site
	Label string
	// Top is the call by which the value left the function where the flow
	// last came up to reach the sink: the first call of a descent into the
	// package's functions (writeJSON(w, v) for a sink inside writeJSON), or
	// the sink call itself.
	Top ssa.CallInstruction
	// Via are the package's functions entered from Top to the sink.
	Via []*ssa.Function
}

// Engine runs flows over one package.
type Engine struct {
	cfg     Config
	pkg     *ssa.Package
	funcs   []*ssa.Function
	callers map[*ssa.Function][]ssa.CallInstruction

	globalUses map[*ssa.Global][]ssa.Instruction
	fieldReads map[*types.Var][]ssa.Value

	frames map[frameKey]*frame

	// per run
	values  map[vkey]bool
	objects map[vkey]*mark
	fields  map[*types.Var]*mark
	work    []item
	hits    []Hit
	hitSeen map[hitKey]bool
	reached map[ssa.Value]bool
}

type frame struct {
	call   ssa.CallInstruction
	parent *frame
	depth  int
}

type frameKey struct {
	call   ssa.CallInstruction
	parent *frame
}

type vkey struct {
	v ssa.Value
	f *frame
}

type item struct {
	v   ssa.Value
	f   *frame
	obj bool
	at  ssa.Instruction
}

type hitKey struct {
	pos   token.Pos
	label string
}

// New returns an engine over the package's functions (buildssa's SrcFuncs;
// the package initializer is added).
func New(cfg Config, pkg *ssa.Package, funcs []*ssa.Function) *Engine {
	if cfg.MaxDepth == 0 {
		cfg.MaxDepth = 4
	}
	all := append([]*ssa.Function(nil), funcs...)
	if pkg != nil {
		if init := pkg.Func("init"); init != nil {
			all = append(all, init)
			all = append(all, init.AnonFuncs...)
		}
	}
	e := &Engine{
		cfg:     cfg,
		pkg:     pkg,
		funcs:   all,
		callers: map[*ssa.Function][]ssa.CallInstruction{},
		frames:  map[frameKey]*frame{},
	}
	for _, fn := range all {
		forInstrs(fn, func(instr ssa.Instruction) {
			if c, ok := instr.(ssa.CallInstruction); ok {
				if callee := c.Common().StaticCallee(); callee != nil {
					e.callers[callee] = append(e.callers[callee], c)
				}
			}
		})
	}
	return e
}

// Funcs returns the functions the engine covers, the package initializer
// included.
func (e *Engine) Funcs() []*ssa.Function { return e.funcs }

func forInstrs(fn *ssa.Function, visit func(ssa.Instruction)) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			visit(instr)
		}
	}
}

// Reached reports whether the last Run tracked v (as a value, or as
// memory or a struct holding the data), in any calling context.
func (e *Engine) Reached(v ssa.Value) bool {
	if e.reached == nil {
		e.reached = map[ssa.Value]bool{}
		for k := range e.values {
			e.reached[k.v] = true
		}
		for k := range e.objects {
			e.reached[k.v] = true
		}
	}
	return e.reached[v]
}

// Run follows the seeds (one source) and returns the sinks they reach.
func (e *Engine) Run(seeds ...Seed) []Hit {
	e.values = map[vkey]bool{}
	e.objects = map[vkey]*mark{}
	e.fields = map[*types.Var]*mark{}
	e.work = nil
	e.hits = nil
	e.hitSeen = map[hitKey]bool{}
	e.reached = nil
	for _, s := range seeds {
		switch {
		case s.At != nil:
			e.work = append(e.work, item{v: s.Value, at: s.At})
		case s.All:
			e.object(s.Value, allMark(), nil)
		case s.Fields != nil:
			e.object(s.Value, fieldsMark(s.Fields), nil)
		default:
			e.value(s.Value, nil)
		}
	}
	for len(e.work) > 0 {
		it := e.work[len(e.work)-1]
		e.work = e.work[:len(e.work)-1]
		switch {
		case it.at != nil:
			e.use(it.v, it.at, it.f)
		case it.obj:
			e.processObject(it.v, it.f)
		default:
			for _, instr := range e.referrers(it.v) {
				e.use(it.v, instr, it.f)
			}
		}
	}
	return e.hits
}

func (e *Engine) carries(t types.Type) bool {
	if e.cfg.Carries == nil {
		return true
	}
	if tup, ok := t.(*types.Tuple); ok {
		for i := range tup.Len() {
			if e.cfg.Carries(tup.At(i).Type()) {
				return true
			}
		}
		return false
	}
	return e.cfg.Carries(t)
}

// CallExpr returns the call expression of an SSA call instruction (for a
// diagnostic's range), or nil.
func CallExpr(files []*ast.File, instr ssa.CallInstruction) *ast.CallExpr {
	pos := instr.Common().Pos()
	if !pos.IsValid() {
		return nil
	}
	for _, f := range files {
		if pos < f.Pos() || pos > f.End() {
			continue
		}
		var found *ast.CallExpr
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			if call, ok := n.(*ast.CallExpr); ok && call.Lparen == pos {
				found = call
			}
			return true
		})
		return found
	}
	return nil
}

// Globals returns the package's global variables.
func (e *Engine) Globals() []*ssa.Global {
	if e.pkg == nil {
		return nil
	}
	var out []*ssa.Global
	for _, m := range e.pkg.Members {
		if g, ok := m.(*ssa.Global); ok {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b *ssa.Global) int { return int(a.Pos() - b.Pos()) })
	return out
}
