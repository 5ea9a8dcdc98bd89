package passes

import (
	"slices"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
)

// TestCatalogue: the rule passes are the rules the catalogue says the Go
// passes check, one pass each, named after its rule.
func TestCatalogue(t *testing.T) {
	var got []string
	for _, a := range rulePasses(&config.Config{}) {
		r := rules.ByID(a.Name)
		if r == nil {
			t.Fatalf("pass %s is not named after a rule", a.Name)
		}
		got = append(got, r.ID)
	}
	slices.Sort(got)
	if want := rules.CheckedBy(rules.Go); !slices.Equal(got, want) {
		t.Errorf("Go passes check %v, the catalogue says %v", got, want)
	}
}
