package finding

import (
	"errors"
	"fmt"
	"testing"
)

func TestUniqueErrors(t *testing.T) {
	got := UniqueErrors([]error{errors.New("b"), errors.New("a"), errors.New("b"), errors.New("c"), errors.New("a")})
	if fmt.Sprint(got) != "[b a c]" {
		t.Errorf("UniqueErrors = %v, want [b a c]", got)
	}
}

func TestBound(t *testing.T) {
	var fs []Finding
	for i := range 400 { // one generated pattern, repeated
		fs = append(fs, Finding{RuleID: "DYP103", Loc: Location{File: "dist/a.js", Line: 1, Col: i + 1}, Message: "leak"})
	}
	for i := range 3 { // a few distinct places: kept
		fs = append(fs, Finding{RuleID: "DYP404", Loc: Location{File: "src/a.ts", Line: i + 1, Col: 1}, Message: "unknown"})
	}
	for i := range 150 { // a flood of distinct findings: capped
		fs = append(fs, Finding{RuleID: "DYP201", Loc: Location{File: "src/b.ts", Line: i + 1, Col: 1}, Message: fmt.Sprintf("m%d", i)})
	}
	out, notes := Bound(fs)
	if len(out) != 1+3+MaxPerFileRule {
		t.Fatalf("kept %d findings, want %d", len(out), 1+3+MaxPerFileRule)
	}
	if got, want := out[0].Message, "leak (and 399 more times in this file)"; got != want || out[0].Loc.Col != 1 {
		t.Errorf("folded finding = %q at col %d, want %q at col 1", got, out[0].Loc.Col, want)
	}
	if out[1].Message != "unknown" || out[3].Loc.Line != 3 {
		t.Errorf("distinct findings changed: %+v", out[1:4])
	}
	if len(notes) != 1 || notes[0].Error() != "src/b.ts: 50 more DYP201 findings not shown (at most 100 per rule and file)" {
		t.Errorf("notes = %v", notes)
	}
	if !IsNotice(notes[0]) {
		t.Errorf("the bound is not a notice")
	}
}

func TestProblem(t *testing.T) {
	for _, tc := range []struct {
		p    *Problem
		want string
	}{
		{&Problem{File: "/a.js", Line: 3, Col: 7, Msg: "unexpected token"}, "/a.js:3:7: unexpected token"},
		{Notef("/b.js", "skipped: %s", "binary content"), "/b.js: skipped: binary content"},
		{Notef("", "-secret-env X: not set"), "-secret-env X: not set"},
	} {
		if got := tc.p.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
	if IsNotice(&Problem{Msg: "broken"}) || !IsNotice(Notef("", "gap")) || IsNotice(fmt.Errorf("wrapped: %w", Notef("", "gap"))) {
		t.Error("IsNotice")
	}
}
