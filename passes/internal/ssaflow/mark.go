package ssaflow

import (
	"go/types"
	"slices"
)

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
