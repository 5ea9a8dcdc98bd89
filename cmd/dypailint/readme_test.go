package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/rules"
)

// TestREADMEDocumentsEveryRule keeps the README's rule table, which every
// rule's URL points into, in step with the catalogue.
func TestREADMEDocumentsEveryRule(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	for _, r := range rules.All() {
		row := `| <a id="` + strings.ToLower(r.ID) + `"></a>` + r.ID + ` | ` + r.Name + ` | ` + r.Severity.String() + ` |`
		if !strings.Contains(readme, row) {
			t.Errorf("README has no rule-table row starting %q", row)
		}
	}
	for _, cmd := range []string{"go run ./cmd/dypailint ./testdata/demo/...", "go test ./..."} {
		if !strings.Contains(readme, cmd) {
			t.Errorf("README lacks the command %q", cmd)
		}
	}
}
