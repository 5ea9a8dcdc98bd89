package ssaflow

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/ssautil"
)

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
