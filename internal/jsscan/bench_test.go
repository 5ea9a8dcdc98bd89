package jsscan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/jsscan/internal/gentree"
)

// BenchmarkScan scans a generated Next.js project of 2,500 TS/TSX files.
// Generate the same tree for other tools with
// go run -tags devtool ./internal/jsscan/internal/gentree/cmd/gentree -n 2500 -o DIR.
func BenchmarkScan(b *testing.B) {
	dir := b.TempDir()
	if err := gentree.Generate(dir, 2500); err != nil {
		b.Fatal(err)
	}
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".ts") || strings.HasSuffix(p, ".tsx")) {
			n++
		}
		return nil
	})
	b.ReportMetric(float64(n), "files")
	b.ResetTimer()
	for b.Loop() {
		res, err := Scan(context.Background(), []string{dir}, &config.Config{})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Errors) > 0 {
			b.Fatalf("input errors: %v", res.Errors[0])
		}
		if len(res.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// TestGeneratedTree scans a small generated tree: the generator and the
// scanner agree (no input errors, the planted leaks are found).
func TestGeneratedTree(t *testing.T) {
	dir := t.TempDir()
	if err := gentree.Generate(dir, 200); err != nil {
		t.Fatal(err)
	}
	res, err := Scan(context.Background(), []string{dir}, &config.Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("input errors: %v", res.Errors)
	}
	counts := map[string]int{}
	for _, f := range res.Findings {
		counts[f.RuleID]++
	}
	for _, id := range []string{"DYP101", "DYP201", "DYP301"} {
		if counts[id] == 0 {
			t.Errorf("no %s findings in the generated tree; got %v", id, counts)
		}
	}
}
