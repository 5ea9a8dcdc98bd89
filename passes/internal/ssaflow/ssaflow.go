// Package ssaflow is a small forward data-flow (taint) engine over the SSA
// form of one package, in the manner of gosec's taint engine: a rule gives
// its sources as seeds and decides, in a Config, what each call does with a
// tracked value — pass it through, ignore it (a sanitizer), write it into a
// buffer or into the pointers it is given, or use it (a sink) — and is told
// which fields of a tracked struct hold the data. The engine follows values through
// assignments, struct, slice and map literals, string concatenation and
// conversions, closures, and the calls and returns of the package's own
// functions (context-sensitively, to a bounded depth).
package ssaflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssautil"
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

// mark says which parts of tracked memory, or of a tracked struct value,
// hold the data: all of it, or some fields, each with a mark of its own
// (cfg.Key inside Server.cfg is {cfg: {Key: all}}). The memory as a whole
// is always tracked: a load of it, or passing its address, carries the
// data.
type mark struct {
	all    bool
	fields map[int]*mark
	// deref is set for memory holding a pointer to memory marked deref (a
	// captured *Config).
	deref *mark
}

func allMark() *mark { return &mark{all: true} }

func fieldsMark(idx []int) *mark {
	m := &mark{fields: map[int]*mark{}}
	for _, i := range idx {
		m.fields[i] = allMark()
	}
	return m
}

// field returns the mark of field i, or nil when it holds no data.
func (m *mark) field(i int) *mark {
	if m.all {
		return m
	}
	return m.fields[i]
}

// partFields returns the fields a mark tracks when it does not track the
// whole (those of the struct a pointer points to, for memory holding a
// pointer), sorted; nil for the whole or no mark.
func (m *mark) partFields() []int {
	if m == nil || m.all {
		return nil
	}
	if m.deref != nil && len(m.fields) == 0 {
		if m.deref.all {
			return nil
		}
		m = m.deref
	}
	out := []int{}
	for i := range m.fields {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// merge adds o to m and reports whether m grew.
func (m *mark) merge(o *mark) bool {
	if m.all {
		return false
	}
	if o.all {
		m.all, m.fields, m.deref = true, nil, nil
		return true
	}
	changed := false
	if o.deref != nil {
		if m.deref == nil {
			m.deref = &mark{}
			changed = true
		}
		if m.deref.merge(o.deref) {
			changed = true
		}
	}
	for i, om := range o.fields {
		if m.fields == nil {
			m.fields = map[int]*mark{}
		}
		if mm := m.fields[i]; mm == nil {
			m.fields[i] = &mark{}
			m.fields[i].merge(om)
			changed = true
		} else if mm.merge(om) {
			changed = true
		}
	}
	return changed
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
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

// value tracks v in frame f.
func (e *Engine) value(v ssa.Value, f *frame) {
	if v == nil || !e.carries(v.Type()) {
		return
	}
	k := vkey{v, f}
	if e.values[k] {
		return
	}
	e.values[k] = true
	e.work = append(e.work, item{v: v, f: f})
}

// object tracks the parts m marks of the memory root points to (or of the
// struct value root is).
func (e *Engine) object(root ssa.Value, m *mark, f *frame) {
	k := vkey{root, f}
	old := e.objects[k]
	if old == nil {
		old = &mark{}
		e.objects[k] = old
		old.merge(m)
		e.work = append(e.work, item{v: root, f: f, obj: true})
		return
	}
	if old.merge(m) {
		e.work = append(e.work, item{v: root, f: f, obj: true})
	}
}

// track tracks v as a whole when m marks all of it, else the parts m marks.
func (e *Engine) track(v ssa.Value, m *mark, f *frame) {
	if m.all {
		e.value(v, f)
	} else {
		e.object(v, m, f)
	}
}

func (e *Engine) referrers(v ssa.Value) []ssa.Instruction {
	if g, ok := v.(*ssa.Global); ok {
		return e.usesOfGlobal(g)
	}
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

func (e *Engine) usesOfGlobal(g *ssa.Global) []ssa.Instruction {
	if e.globalUses == nil {
		e.globalUses = map[*ssa.Global][]ssa.Instruction{}
		var ops []*ssa.Value
		for _, fn := range e.funcs {
			forInstrs(fn, func(instr ssa.Instruction) {
				ops = instr.Operands(ops[:0])
				for _, op := range ops {
					if op == nil {
						continue
					}
					if gl, ok := (*op).(*ssa.Global); ok {
						e.globalUses[gl] = append(e.globalUses[gl], instr)
					}
				}
			})
		}
	}
	return e.globalUses[g]
}

// use handles one instruction that uses the tracked value v.
func (e *Engine) use(v ssa.Value, instr ssa.Instruction, f *frame) {
	switch x := instr.(type) {
	case *ssa.Store:
		if x.Val == v {
			e.store(x.Addr, allMark(), f)
		}
	case *ssa.MapUpdate:
		if x.Value == v || x.Key == v {
			e.value(x.Map, f)
			if ld, ok := x.Map.(*ssa.UnOp); ok && ld.Op == token.MUL {
				e.store(ld.X, allMark(), f)
			}
		}
	case ssa.CallInstruction:
		e.call(v, nil, x, f)
	case *ssa.BinOp:
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			if e.cfg.Compare != nil {
				other := x.Y
				if x.Y == v {
					other = x.X
				}
				e.cfg.Compare(x, other)
			}
			return
		}
		e.value(x, f)
	case *ssa.Slice:
		if x.X == v {
			e.value(x, f)
		}
	case *ssa.Index:
		if x.X == v {
			e.value(x, f)
		} else if e.cfg.Keyed != nil {
			e.cfg.Keyed(x)
		}
	case *ssa.IndexAddr:
		if x.X == v {
			e.value(x, f)
		} else if e.cfg.Keyed != nil {
			e.cfg.Keyed(x)
		}
	case *ssa.Lookup:
		if x.X == v {
			e.value(x, f)
		} else if e.cfg.Keyed != nil {
			e.cfg.Keyed(x)
		}
	case *ssa.UnOp, *ssa.Convert, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.MakeInterface,
		*ssa.TypeAssert, *ssa.Phi, *ssa.Extract, *ssa.Field, *ssa.FieldAddr, *ssa.Range,
		*ssa.Next, *ssa.MultiConvert, *ssa.SliceToArrayPointer:
		e.value(x.(ssa.Value), f)
	case *ssa.Return:
		e.ret(v, nil, x, f)
	case *ssa.MakeClosure:
		fn := x.Fn.(*ssa.Function)
		for i, b := range x.Bindings {
			if b == v && i < len(fn.FreeVars) {
				e.value(fn.FreeVars[i], nil)
			}
		}
	case *ssa.Send:
		if x.X == v {
			e.value(x.Chan, f)
		}
	}
}

// store tracks the memory at addr, which now holds data marked m (all of
// it when a tracked value was stored).
func (e *Engine) store(addr ssa.Value, m *mark, f *frame) {
	if e.cfg.FieldGlobal {
		if fa, ok := addr.(*ssa.FieldAddr); ok {
			if fv := fieldVar(fa.X.Type(), fa.Field); fv != nil {
				e.trackField(fv, m)
			}
		}
	}
	root, rm := rootOf(addr, m)
	e.objectAt(root, rm, f)
}

// rootOf walks an address back through field and element addresses to the
// memory it is part of, and returns that root with the mark saying where m
// sits in it (an element of an array or slice marks all of it).
func rootOf(addr ssa.Value, m *mark) (ssa.Value, *mark) {
	for {
		switch a := addr.(type) {
		case *ssa.FieldAddr:
			m = &mark{fields: map[int]*mark{a.Field: m}}
			addr = a.X
			continue
		case *ssa.IndexAddr:
			m = allMark()
			addr = a.X
			continue
		}
		return addr, m
	}
}

// objectAt tracks memory at a root: locals, globals and captured variables
// as objects; a pointer parameter's memory is the caller's; anything else
// (a pointer loaded from elsewhere, a slice) as a value.
func (e *Engine) objectAt(root ssa.Value, m *mark, f *frame) {
	switch r := root.(type) {
	case *ssa.Alloc, *ssa.Global, *ssa.FreeVar:
		e.object(root, m, f)
	case *ssa.Parameter:
		e.object(root, m, f)
		if !isPointer(r.Type()) {
			return // a copy
		}
		fn := r.Parent()
		idx := paramIndex(r)
		if idx < 0 {
			return
		}
		if f != nil && f.call.Common().StaticCallee() == fn {
			if args := f.call.Common().Args; idx < len(args) {
				ar, am := rootOf(ssautil.Strip(args[idx], ssautil.Boxing), m)
				e.objectAt(ar, am, f.parent)
			}
			return
		}
		if f == nil {
			for _, c := range e.callers[fn] {
				if args := c.Common().Args; idx < len(args) {
					ar, am := rootOf(ssautil.Strip(args[idx], ssautil.Boxing), m)
					e.objectAt(ar, am, nil)
				}
			}
		}
	default:
		e.value(root, f)
	}
}

// Pointees returns the pointers an argument passes: itself when it is
// one, or the pointers stored into a variadic argument's slice
// (row.Scan(&u.ID, &u.Name)).
func Pointees(a ssa.Value) []ssa.Value {
	a = ssautil.Strip(a, ssautil.Boxing)
	if isPointer(a.Type()) {
		return []ssa.Value{a}
	}
	sl, ok := a.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range *arr.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
				if v := ssautil.Strip(st.Val, ssautil.Boxing); isPointer(v.Type()) {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return -1
}

// processObject follows the uses of tracked memory.
func (e *Engine) processObject(root ssa.Value, f *frame) {
	m := e.objects[vkey{root, f}]
	for _, instr := range e.referrers(root) {
		switch x := instr.(type) {
		case *ssa.FieldAddr:
			if x.X == root {
				if sub := m.field(x.Field); sub != nil {
					e.track(x, sub, f)
				}
			}
		case *ssa.Field:
			if x.X == root {
				if sub := m.field(x.Field); sub != nil {
					if sub.deref != nil {
						sub = sub.deref // a pointer field: the value is the pointer
					}
					e.track(x, sub, f)
				}
			}
		case *ssa.UnOp:
			// Loading a struct keeps its marks, loading a pointer those of
			// its target; other loads carry it all.
			switch {
			case x.Op != token.MUL || x.X != root || m.all:
				e.use(root, instr, f)
			case m.deref != nil:
				e.track(x, m.deref, f)
			case isStruct(x.Type()):
				e.object(x, m, f)
			}
		case *ssa.IndexAddr:
			if x.X == root && m.all {
				e.value(x, f)
			}
		case *ssa.Index:
			if x.X == root && m.all {
				e.value(x, f)
			}
		case *ssa.Store:
			if x.Val != root {
				continue
			}
			// A struct value copied into memory keeps its marks; a pointer
			// stored elsewhere makes that memory tracked.
			if isPointer(root.Type()) {
				e.store(x.Addr, &mark{deref: m}, f)
			} else {
				e.store(x.Addr, m, f)
			}
		case *ssa.MakeClosure:
			fn := x.Fn.(*ssa.Function)
			for i, b := range x.Bindings {
				if b == root && i < len(fn.FreeVars) {
					e.object(fn.FreeVars[i], m, nil)
				}
			}
		case *ssa.MakeInterface:
			// Boxed in an interface (db.Delete(&rec), json.Marshal(cfg)),
			// it keeps its marks.
			e.object(x, m, f)
		case ssa.CallInstruction:
			if x.Common().Value == root && !x.Common().IsInvoke() {
				continue
			}
			e.call(root, m, x, f)
		case *ssa.Return:
			e.ret(root, m, x, f)
		default:
			e.use(root, instr, f)
		}
	}
}

func fieldVar(ptr types.Type, i int) *types.Var {
	t := types.Unalias(ptr)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Origin()
	}
	return nil
}

// readsOf returns the instructions that select field fv in the package.
func (e *Engine) readsOf(fv *types.Var) []ssa.Value {
	e.indexFields()
	return e.fieldReads[fv.Origin()]
}

func (e *Engine) indexFields() {
	if e.fieldReads == nil {
		e.fieldReads = map[*types.Var][]ssa.Value{}
		for _, fn := range e.funcs {
			forInstrs(fn, func(instr ssa.Instruction) {
				switch x := instr.(type) {
				case *ssa.FieldAddr:
					if v := fieldVar(x.X.Type(), x.Field); v != nil {
						e.fieldReads[v] = append(e.fieldReads[v], x)
					}
				case *ssa.Field:
					if v := fieldVar(x.X.Type(), x.Field); v != nil {
						e.fieldReads[v] = append(e.fieldReads[v], x)
					}
				}
			})
		}
	}
}

// trackField tracks every read of a struct field in the package.
func (e *Engine) trackField(fv *types.Var, m *mark) {
	old := e.fields[fv]
	if old == nil {
		old = &mark{}
		e.fields[fv] = old
	}
	if !old.merge(m) {
		return
	}
	for _, r := range e.readsOf(fv) {
		e.track(r, old, nil)
	}
}

// FieldSeeds returns seeds for every selection of a struct field in the
// package (cfg.APIKey wherever it is read).
func (e *Engine) FieldSeeds(fv *types.Var) []Seed {
	var out []Seed
	for _, r := range e.readsOf(fv) {
		out = append(out, Seed{Value: r})
	}
	return out
}

// FieldsRead returns the struct fields selected anywhere in the package.
func (e *Engine) FieldsRead() []*types.Var {
	e.indexFields()
	var out []*types.Var
	for fv := range e.fieldReads {
		out = append(out, fv)
	}
	return out
}

// ret follows a tracked value (or struct or memory with marks m) returned
// by a function back to its callers: the caller that entered it, or, at the
// top, every caller in the package.
func (e *Engine) ret(v ssa.Value, m *mark, r *ssa.Return, f *frame) {
	fn := r.Parent()
	for idx, res := range r.Results {
		if res != v {
			continue
		}
		if f != nil && f.call.Common().StaticCallee() == fn {
			e.result(f.call, idx, len(r.Results), m, f.parent)
			continue
		}
		if f == nil {
			for _, c := range e.callers[fn] {
				e.result(c, idx, len(r.Results), m, nil)
			}
		}
	}
}

func (e *Engine) result(c ssa.CallInstruction, idx, n int, m *mark, f *frame) {
	call, ok := c.(*ssa.Call)
	if !ok {
		return
	}
	if m == nil {
		m = allMark()
	}
	if n == 1 {
		e.track(call, m, f)
		return
	}
	for _, ref := range e.referrers(call) {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == idx {
			e.track(ex, m, f)
		}
	}
}

func (e *Engine) push(f *frame, call ssa.CallInstruction) *frame {
	k := frameKey{call, f}
	if nf := e.frames[k]; nf != nil {
		return nf
	}
	d := 1
	if f != nil {
		d = f.depth + 1
	}
	nf := &frame{call: call, parent: f, depth: d}
	e.frames[k] = nf
	return nf
}

// call handles a call that receives the tracked value v (or, when m is not
// nil, the tracked memory or struct v whose parts m marks).
func (e *Engine) call(v ssa.Value, m *mark, instr ssa.CallInstruction, f *frame) {
	c := instr.Common()
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append", "min", "max", "ssa:wrapnilchk":
			if call, ok := instr.(*ssa.Call); ok {
				e.value(call, f)
			}
		case "copy":
			if len(c.Args) == 2 && c.Args[1] == v {
				e.into(c.Args[0], f)
			}
		}
		return
	}
	if c.Value == v && !c.IsInvoke() {
		return // calling a tracked function value
	}
	var positions []int
	if c.IsInvoke() && c.Value == v {
		positions = append(positions, -1)
	}
	for k, a := range c.Args {
		if a == v {
			positions = append(positions, k)
		}
	}
	callee := c.StaticCallee()
	local := callee != nil && callee.Pkg == e.pkg && e.pkg != nil && len(callee.Blocks) > 0
	fields := m.partFields()
	for _, k := range positions {
		site := Site{
			Instr:  instr,
			Common: c,
			Func:   handlers.Callee(c),
			Callee: callee,
			Arg:    handlers.ArgIndex(c, k),
			Local:  local,
			Fields: fields,
		}
		d := Decision{Effect: Follow}
		if e.cfg.Call != nil {
			d = e.cfg.Call(site)
		}
		switch d.Effect {
		case Ignore:
		case Through:
			if call, ok := instr.(*ssa.Call); ok {
				e.value(call, f)
			}
		case Into:
			e.into(d.Into, f)
		case IntoPointers:
			for i, a := range c.Args {
				if i != k {
					for _, p := range Pointees(a) {
						e.into(p, f)
					}
				}
			}
			if call, ok := instr.(*ssa.Call); ok {
				e.value(call, f)
			}
		case Use:
			e.hit(site, d.Label, f)
		case Follow:
			if local && k >= 0 && k < len(callee.Params) && (f == nil || f.depth < e.cfg.MaxDepth) {
				if m != nil {
					e.track(callee.Params[k], m, e.push(f, instr))
				} else {
					e.value(callee.Params[k], e.push(f, instr))
				}
			} else if call, ok := instr.(*ssa.Call); ok && !local {
				e.value(call, f)
			}
		}
	}
}

// into tracks the destination a call writes the value into.
func (e *Engine) into(dst ssa.Value, f *frame) {
	if dst == nil {
		return
	}
	dst = ssautil.Strip(dst, ssautil.Boxing)
	switch dst.(type) {
	case *ssa.Alloc, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Global, *ssa.FreeVar, *ssa.Parameter:
		e.store(dst, allMark(), f)
	default:
		e.value(dst, f)
	}
}

func (e *Engine) hit(site Site, label string, f *frame) {
	top := site.Instr
	var via []*ssa.Function
	for fr := f; fr != nil; fr = fr.parent {
		top = fr.call
		if callee := fr.call.Common().StaticCallee(); callee != nil {
			via = append([]*ssa.Function{callee}, via...)
		}
	}
	k := hitKey{top.Pos(), label}
	if e.hitSeen[k] {
		return
	}
	e.hitSeen[k] = true
	e.hits = append(e.hits, Hit{Site: site, Label: label, Top: top, Via: via})
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

// ResponseWrite decides a call that writes data (handlers.MatchWrite) for
// a flow whose sink is the HTTP response: the tracked argument written to
// the response (or by a call that always writes to it) is a Use; written
// as a header, cookie or redirect of something else (an outgoing request),
// it is ignored; written into another writer (a buffer, a file), that
// writer — or the one an encoder wraps — holds it. ok is false when the
// call writes nothing.
func ResponseWrite(t *handlers.Types, s Site) (d Decision, ok bool) {
	if s.Func == nil {
		return Decision{}, false
	}
	w, _ := handlers.MatchWrite(s.Func)
	if w == nil {
		return Decision{}, false
	}
	switch {
	case !slices.Contains(w.Data, s.Arg):
		return Decision{Effect: Ignore}, true
	case w.Writer == handlers.Always || t.IsResponse(handlers.ArgValue(s.Common, w.Writer)):
		return Decision{Effect: Use, Label: w.Func.String()}, true
	case w.What == "header" || w.What == "cookie" || w.What == "redirect":
		return Decision{Effect: Ignore}, true
	}
	return Decision{Effect: Into, Into: writerTarget(s.Common, w.Writer)}, true
}

// writerTarget is what a write into a non-response writer fills: the
// writer, or the writer an encoder wraps (json.NewEncoder(&buf)).
func writerTarget(c *ssa.CallCommon, idx int) ssa.Value {
	w := handlers.ArgValue(c, idx)
	if call, ok := w.(*ssa.Call); ok {
		if f := handlers.Callee(&call.Call); f != nil && f.Name() == "NewEncoder" && len(call.Call.Args) == 1 {
			return call.Call.Args[0]
		}
	}
	return w
}
