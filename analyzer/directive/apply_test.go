package directive

import (
	"fmt"
	"slices"
	"testing"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
)

func dir(t *testing.T, file string, line int, text string) *Directive {
	t.Helper()
	d, ok := Parse(text, JSPrefix)
	if !ok {
		t.Fatalf("%q: not a directive", text)
	}
	d.File, d.Line, d.Col = file, line, 1
	return &d
}

func render(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s:%d %s", f.RuleID, f.Loc.File, f.Loc.Line, f.Message))
	}
	return out
}

func TestApply(t *testing.T) {
	at := func(id, file string, line int) finding.Finding {
		return finding.Finding{RuleID: id, Loc: finding.Location{File: file, Line: line}, Message: "m"}
	}
	ds := []*Directive{
		dir(t, "a.js", 4, "dypai-ignore DYP101 test key"),     // suppresses the finding on line 5
		dir(t, "a.js", 9, "dypai-ignore DYP101 stale"),        // matches nothing: stale
		dir(t, "a.js", 20, "dypai-ignore DYP201 not run"),     // its rule is not checked: not stale
		dir(t, "a.js", 30, "dypai-ignore DYP101"),             // no reason: malformed
		dir(t, "b.js", 2, "dypai-ignore DYP103 other end"),    // suppresses through the second key
		dir(t, "c.js", 1, "dypai-ignore DYP101 someone's"),    // stale, but not this engine's to report
		dir(t, "c.js", 2, "dypai-ignore DYP101"),              // malformed, not this engine's either
		dir(t, "d.js", 1, "dypai-ignore DYP102 disabled"),     // its rule is disabled: not stale
		dir(t, "e.js", 1, "dypai-ignore DYP101 ignored file"), // used, though the file is ignored
	}
	cs := append(At([]finding.Finding{
		at(rules.DYP101, "a.js", 5),
		at(rules.DYP101, "a.js", 12),
		at(rules.DYP102, "d.js", 2),
		at(rules.DYP101, "e.js", 2),
		at(rules.DYP101, "ignored.js", 1),
	}), Candidate{Finding: at(rules.DYP103, "x.js", 7), Keys: []finding.Location{{File: "x.js", Line: 7}, {File: "b.js", Line: 3}}},
		Candidate{Finding: at(rules.DYP103, "hook.js", 1)}, // no keys: suppressed elsewhere
	)
	got := Apply(cs, ds, Policy{
		Enabled: func(id string) bool { return id != rules.DYP102 },
		Checked: func(id string) bool { return id == rules.DYP101 || id == rules.DYP103 },
		Ignored: func(file string) bool { return file == "ignored.js" || file == "e.js" },
		Owns:    func(d *Directive, unused bool) bool { return d.File != "c.js" },
	})
	want := []string{
		"DYP101 a.js:12 m",
		"DYP103 hook.js:1 m",
		"DYP001 a.js:30 suppression directive gives no reason: say why the finding does not apply",
		"DYP001 a.js:9 suppression of DYP101 matches no finding on this line or the next: remove it",
	}
	if g := render(got); !slices.Equal(g, want) {
		t.Errorf("Apply:\ngot  %q\nwant %q", g, want)
	}

	// DYP001 disabled: no directive is reported.
	got = Apply(At([]finding.Finding{at(rules.DYP101, "a.js", 40)}), ds, Policy{Enabled: func(id string) bool { return id != rules.DYP001 }})
	if g := render(got); !slices.Equal(g, []string{"DYP101 a.js:40 m"}) {
		t.Errorf("Apply without DYP001: %q", g)
	}
}
