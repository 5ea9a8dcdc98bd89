// Package ssautil holds the one copy of the SSA helpers the passes share.
//
// Strip peels the conversions wrapped around an SSA value. Callers differ
// in which conversions they look through, so the set is a parameter: Boxing
// (the representation-preserving wrappers: the value is the same object)
// and Conversions (the wrappers a constant or field read survives, value
// conversions such as string(b) included).
package ssautil

import "golang.org/x/tools/go/ssa"

// Peel is a set of SSA conversion kinds Strip looks through.
type Peel uint8

// The conversion kinds.
const (
	MakeInterface Peel = 1 << iota
	ChangeInterface
	ChangeType
	Convert
)

// Boxing peels interface boxing and named-type changes: what remains is
// the same object (the destination of a decode, a receiver, a root of a
// flow).
const Boxing = MakeInterface | ChangeInterface | ChangeType

// Conversions peels boxing, named-type changes and value conversions, but
// not interface-to-interface changes: what remains is where an argument's
// constant or field comes from.
const Conversions = MakeInterface | ChangeType | Convert

// Strip removes the conversions in peel around v.
func Strip(v ssa.Value, peel Peel) ssa.Value {
	for {
		var from ssa.Value // what the conversion v converts
		var kind Peel
		switch x := v.(type) {
		case *ssa.MakeInterface:
			from, kind = x.X, MakeInterface
		case *ssa.ChangeInterface:
			from, kind = x.X, ChangeInterface
		case *ssa.ChangeType:
			from, kind = x.X, ChangeType
		case *ssa.Convert:
			from, kind = x.X, Convert
		default:
			return v
		}
		if peel&kind == 0 {
			return v
		}
		v = from
	}
}
