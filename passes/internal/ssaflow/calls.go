package ssaflow

import (
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

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
