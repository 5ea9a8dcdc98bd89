// Package finding is the engine-neutral form of a diagnostic: Go passes, the
// JS scanner and the manifest checks all produce Findings, and every output
// format consumes them.
package finding

import (
	"cmp"
	"slices"
)

// Location is a position in a file. File is an absolute path (or as given);
// Line and Col are 1-based, Col counting bytes.
type Location struct {
	File    string
	Line    int
	Col     int
	EndLine int `json:",omitempty"`
	EndCol  int `json:",omitempty"`
}

// Related is a second location that explains a finding (the client entry
// point that imports a module, the endpoint's definition).
type Related struct {
	Location
	Message string
}

// Edit replaces the bytes [Start, End) of File with NewText.
type Edit struct {
	File       string
	Start, End int
	NewText    string
}

// Fix is a suggested, mechanical fix.
type Fix struct {
	Message string
	Edits   []Edit
}

// Finding is one reported problem.
type Finding struct {
	RuleID  string
	Loc     Location
	Message string    // lower-case, no trailing period, no rule ID
	Related []Related `json:",omitempty"`
	Fixes   []Fix     `json:",omitempty"`
}

// Sort orders findings by file, line, column, rule and message, and drops
// exact duplicates (the same finding reached through two routes, such as a
// package analysed under two build configurations).
func Sort(fs []Finding) []Finding {
	slices.SortFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Loc.File, b.Loc.File),
			cmp.Compare(a.Loc.Line, b.Loc.Line),
			cmp.Compare(a.Loc.Col, b.Loc.Col),
			cmp.Compare(a.RuleID, b.RuleID),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.RuleID == b.RuleID && a.Loc == b.Loc && a.Message == b.Message
	})
}

// UniqueErrors returns errs without the errors whose text repeats an
// earlier one's, in order: the input errors that travel beside findings
// can be met twice (two builds of a project, two engines reading one file).
func UniqueErrors(errs []error) []error {
	seen := map[string]bool{}
	var out []error
	for _, e := range errs {
		if !seen[e.Error()] {
			seen[e.Error()] = true
			out = append(out, e)
		}
	}
	return out
}
