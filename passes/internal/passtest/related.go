package passtest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
)

// Related checks the related information of the diagnostics whose message
// starts with prefix: there is at least one, and each names one related
// location, at (a file's base name and a line, "api.go:16"). It returns
// the related locations' messages, for the caller to check.
func Related(t *testing.T, acts []*checker.Action, prefix, at string) []string {
	t.Helper()
	var messages []string
	for _, act := range acts {
		for _, d := range act.Diagnostics {
			if !strings.HasPrefix(d.Message, prefix) {
				continue
			}
			if len(d.Related) != 1 {
				t.Fatalf("%s: want 1 related location, got %d", d.Message, len(d.Related))
			}
			p := act.Package.Fset.Position(d.Related[0].Pos)
			if got := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line); got != at {
				t.Errorf("%s: related location %s, want %s", d.Message, p, at)
			}
			messages = append(messages, d.Related[0].Message)
		}
	}
	if messages == nil {
		t.Fatalf("no diagnostic starting %q", prefix)
	}
	return messages
}
