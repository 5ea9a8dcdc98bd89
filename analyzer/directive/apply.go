package directive

import (
	"slices"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
)

// Policy is the suppression step of one engine: which findings it keeps,
// and which directives it reports (DYP001). Every engine applies it here,
// by Apply, or by Drop and Stale when it reports as it goes (the Go passes).
type Policy struct {
	// Enabled reports whether a rule is enabled; nil: every rule.
	Enabled func(id string) bool
	// Ignored reports whether dypai.yaml's ignore globs exclude a file;
	// nil: none does (the engine did not read the file in the first place).
	Ignored func(file string) bool
	// Checked reports whether the engine checked a rule here, so that a
	// directive for it that matched nothing is stale (a directive for a
	// rule that did not run is not); nil: the enabled rules.
	Checked func(id string) bool
	// Owns reports whether the engine answers for a directive it would
	// report, malformed or (unused) stale: where several engines read one
	// file, one of them reports it; nil: every directive.
	Owns func(d *Directive, unused bool) bool
}

// Candidate is a finding before the suppression step, with the places a
// directive may suppress it at: the first is where it is reported; a
// finding moved through a source map may be suppressed at the other end
// too. A candidate with no keys is suppressed elsewhere, or not at all.
type Candidate struct {
	Finding finding.Finding
	Keys    []finding.Location
}

// At returns fs as candidates suppressible where they are reported.
func At(fs []finding.Finding) []Candidate {
	cs := make([]Candidate, len(fs))
	for i, f := range fs {
		cs[i] = Candidate{Finding: f, Keys: []finding.Location{f.Loc}}
	}
	return cs
}

func (p Policy) enabled(id string) bool { return p.Enabled == nil || p.Enabled(id) }

// Drop reports whether a finding of rule id is dropped: its rule is
// disabled, a directive of ix suppresses it at one of keys (the first that
// does is marked used), or the file of keys[0], where it is reported, is
// ignored.
func (p Policy) Drop(ix *Index, id string, keys ...finding.Location) bool {
	if !p.enabled(id) {
		return true
	}
	if slices.ContainsFunc(keys, func(k finding.Location) bool { return ix.Suppressed(k.File, k.Line, id) }) {
		return true
	}
	return p.Ignored != nil && len(keys) > 0 && p.Ignored(keys[0].File)
}

// Stale returns the directives of ix to report once every finding has been
// matched: the malformed ones, then those that matched nothing, each in
// file order; none when DYP001 is disabled.
func (p Policy) Stale(ix *Index) []*Directive {
	if !p.enabled(rules.DYP001) {
		return nil
	}
	var out []*Directive
	for _, d := range ix.Malformed() {
		if p.Owns == nil || p.Owns(d, false) {
			out = append(out, d)
		}
	}
	checked := p.Checked
	if checked == nil {
		checked = p.enabled
	}
	for _, d := range ix.Unused(checked) {
		if p.Owns == nil || p.Owns(d, true) {
			out = append(out, d)
		}
	}
	return out
}

// Message is the DYP001 message for a stale directive.
func Message(d *Directive) string {
	if d.Problem != "" {
		return MalformedMessage(d)
	}
	return UnusedMessage(d)
}

// Apply is the suppression step: it keeps the candidates that p does not
// drop, in order, and adds a DYP001 finding for each stale directive of ds.
func Apply(cs []Candidate, ds []*Directive, p Policy) []finding.Finding {
	ix := NewIndex(ds)
	var out []finding.Finding
	for _, c := range cs {
		if !p.Drop(ix, c.Finding.RuleID, c.Keys...) {
			out = append(out, c.Finding)
		}
	}
	for _, d := range p.Stale(ix) {
		out = append(out, finding.Finding{RuleID: rules.DYP001, Loc: finding.Location{File: d.File, Line: d.Line, Col: d.Col}, Message: Message(d)})
	}
	return out
}
