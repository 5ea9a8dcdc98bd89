package rules

import (
	"go/token"
	"strings"
	"testing"
	"unicode"
)

func TestCatalogue(t *testing.T) {
	want := []string{DYP001, DYP101, DYP102, DYP103, DYP104, DYP105, DYP201, DYP202, DYP203, DYP301, DYP302,
		DYP401, DYP402, DYP403, DYP404, DYP405, DYP406, DYP407}
	if len(All()) != len(want) {
		t.Fatalf("catalogue has %d rules, want %d", len(All()), len(want))
	}
	names := map[string]bool{}
	for i, r := range All() {
		if r.ID != want[i] {
			t.Errorf("rule %d is %s, want %s (ID order)", i, r.ID, want[i])
		}
		if !token.IsIdentifier(r.Name) || strings.ToLower(r.Name) != r.Name || names[r.Name] {
			t.Errorf("%s: name %q must be a unique lower-case Go identifier", r.ID, r.Name)
		}
		names[r.Name] = true
		if r.Title == "" || strings.HasSuffix(r.Title, ".") || unicode.IsUpper(rune(r.Title[0])) && !strings.HasPrefix(r.Title, "API") && !strings.HasPrefix(r.Title, "Go ") {
			t.Errorf("%s: title %q must be lower-case with no trailing period", r.ID, r.Title)
		}
		if r.Doc == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("%s: documentation needs Doc, Bad and Good", r.ID)
		}
		if r.URL() != DocsBase+strings.ToLower(r.ID) {
			t.Errorf("%s: URL %s", r.ID, r.URL())
		}
		if ByID(r.ID) != r || ByID(r.Name) != r || ByID(strings.ToLower(r.ID)) != r {
			t.Errorf("%s: lookup by ID or name failed", r.ID)
		}
		if !IsRuleID(r.ID) {
			t.Errorf("%s: not a rule ID", r.ID)
		}
	}
	if ByID("DYP999") != nil || IsRuleID("DYP1") {
		t.Error("lookup of unknown IDs")
	}
}

func TestExplain(t *testing.T) {
	text := Must(DYP202).Explain()
	for _, want := range []string{"DYP202 (useridparam, warning)", "needs dypai.yaml", "Reported:", "Instead:", "#dyp202"} {
		if !strings.Contains(text, want) {
			t.Errorf("Explain lacks %q:\n%s", want, text)
		}
	}
}

// TestEngines: every implemented rule but DYP001 says which engines check it.
func TestEngines(t *testing.T) {
	for _, r := range All() {
		if (r.Engines == 0) != (r.ID == DYP001 || r.Planned) {
			t.Errorf("%s: engines %b", r.ID, r.Engines)
		}
	}
	if got := CheckedBy(Manifest); len(got) != 6 || got[0] != DYP202 {
		t.Errorf("CheckedBy(Manifest) = %v", got)
	}
}
