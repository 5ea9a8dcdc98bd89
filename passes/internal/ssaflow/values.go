package ssaflow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"
)

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
