package fix

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/finding"
)

func TestApplyAndDiff(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nvar p = map[string]any{\"user_id\": id, \"items\": n}\nvar q = 1\n"
	os.WriteFile(file, []byte(src), 0o644)
	start := strings.Index(src, `"user_id"`)
	end := strings.Index(src, `"items"`)
	fs := []finding.Finding{
		{RuleID: "DYP201", Fixes: []finding.Fix{{Message: "drop user_id", Edits: []finding.Edit{{File: file, Start: start, End: end}}}}},
		// Overlaps the first: skipped.
		{RuleID: "DYP201", Fixes: []finding.Fix{{Message: "other", Edits: []finding.Edit{{File: file, Start: start + 1, End: end, NewText: "x"}}}}},
		{RuleID: "DYP101"}, // no fix
	}
	var buf bytes.Buffer
	res, err := Apply(fs, nil, true, &buf, filepath.Base)
	if err != nil {
		t.Fatal(err)
	}
	wantDiff := "--- a/a.go\n+++ b/a.go\n@@ -1,4 +1,4 @@\n package a\n \n-var p = map[string]any{\"user_id\": id, \"items\": n}\n+var p = map[string]any{\"items\": n}\n var q = 1\n"
	if buf.String() != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", buf.String(), wantDiff)
	}
	if res.Applied != 1 || res.Skipped != 1 || len(res.Files) != 1 {
		t.Errorf("result %+v", res)
	}
	if data, _ := os.ReadFile(file); string(data) != src {
		t.Error("-diff changed the file")
	}
	if _, err := Apply(fs, nil, false, nil, filepath.Base); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(file); !strings.Contains(string(data), `map[string]any{"items": n}`) {
		t.Errorf("fix not applied:\n%s", data)
	}
}

func TestUnifiedHunks(t *testing.T) {
	var a, b []string
	for i := range 30 {
		a = append(a, "line "+string(rune('a'+i%26))+"\n")
	}
	b = append(b, a...)
	b[2] = "changed near the top\n"
	b[25] = "changed near the bottom\n"
	d := Unified("x", "y", strings.Join(a, ""), strings.Join(b, ""))
	if strings.Count(d, "@@ -") != 2 {
		t.Errorf("want two hunks:\n%s", d)
	}
	if Unified("x", "y", "same\n", "same\n") != "" {
		t.Error("diff of equal texts")
	}
}
