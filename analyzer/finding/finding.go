// Package finding is the engine-neutral form of a diagnostic: Go passes, the
// JS scanner and the manifest checks all produce Findings, and every output
// format consumes them.
package finding

import (
	"cmp"
	"fmt"
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

// Frontend is browser code an engine found: a JS/TS project with client
// entry points, or a Go package that runs in a browser. DYP407 judges an
// app by all of its front ends together, so the engines hand them to the
// manifest checks instead of reporting the rule themselves.
type Frontend struct {
	Dir  string // absolute: the project's root, the package's directory
	Kind string // what it is, for messages: KindJS, KindGo
	// Recovery is where its browser code handles the set-password auth
	// event (PASSWORD_RECOVERY); nil when it does not.
	Recovery *Location
}

// Front end kinds.
const (
	KindJS = "JS/TS project"
	KindGo = "Go js/wasm package"
)

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
// Joined errors (errors.Join: every problem of one dypai.yaml) are taken
// apart, so that each is one line of output.
func UniqueErrors(errs []error) []error {
	seen := map[string]bool{}
	var out []error
	var add func(e error)
	add = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, part := range j.Unwrap() {
				add(part)
			}
			return
		}
		if !seen[e.Error()] {
			seen[e.Error()] = true
			out = append(out, e)
		}
	}
	for _, e := range errs {
		add(e)
	}
	return out
}

// MaxPerFileRule bounds the findings of one rule in one file: a generated
// bundle can repeat one leak hundreds of thousands of times.
const MaxPerFileRule = 100

// FoldOver is how many identical findings (one rule, file and message) a
// file may have before they are shown as one: a few are distinct places
// to fix, hundreds are one generated pattern.
const FoldOver = 10

// Repeated is the message of the first of identical findings, saying how
// many more there are.
func Repeated(msg string, more int) string {
	return fmt.Sprintf("%s (and %d more times in this file)", msg, more)
}

// Bound collapses floods. More than FoldOver findings of one rule in one
// file with the same message become the first of them, its message saying
// how many more there are; past MaxPerFileRule findings of one rule in one
// file, the rest are dropped and counted in a note. Order is kept.
func Bound(fs []Finding) ([]Finding, []error) {
	type key struct{ rule, file, msg string }
	type fileRule struct{ rule, file string }
	same := map[key]int{}
	for _, f := range fs {
		same[key{f.RuleID, f.Loc.File, f.Message}]++
	}
	shown := map[key]bool{}
	perFile := map[fileRule]int{}
	dropped := map[fileRule]int{}
	var order []fileRule
	var out []Finding
	for _, f := range fs {
		k := key{f.RuleID, f.Loc.File, f.Message}
		n := same[k]
		if n > FoldOver {
			if shown[k] {
				continue
			}
			shown[k] = true
			f.Message = Repeated(f.Message, n-1)
		}
		fr := fileRule{f.RuleID, f.Loc.File}
		if perFile[fr] >= MaxPerFileRule {
			if dropped[fr] == 0 {
				order = append(order, fr)
			}
			dropped[fr]++
			continue
		}
		perFile[fr]++
		out = append(out, f)
	}
	var notes []error
	for _, fr := range order {
		notes = append(notes, Notef(fr.file, "%d more %s findings not shown (at most %d per rule and file)", dropped[fr], fr.rule, MaxPerFileRule))
	}
	return out, notes
}
