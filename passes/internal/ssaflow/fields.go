package ssaflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

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
