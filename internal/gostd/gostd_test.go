package gostd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestIsStdlib(t *testing.T) {
	for path, want := range map[string]bool{
		"net/http":             true,
		"unsafe":               true,
		"internal/abi":         true,
		"iter":                 true,
		"server/api":           false, // go mod init server
		"myapp":                false,
		"example.com/app":      false,
		"github.com/gin/gin":   false,
		"net.example.com/http": false,
	} {
		if got := IsStdlib(path); got != want {
			t.Errorf("IsStdlib(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestRootsCoverStd: every top-level directory of this toolchain's
// standard library is a root (cmd holds commands, not importable
// packages), so a new one in a Go release fails here rather than being
// taken for a project's package.
func TestRootsCoverStd(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "src")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && e.Name() != "cmd" && e.Name() != "testdata" && !roots[e.Name()] {
			t.Errorf("GOROOT/src/%s is not among the roots", e.Name())
		}
	}
	for r := range roots {
		if _, err := os.Stat(filepath.Join(src, r)); err != nil {
			t.Errorf("root %s is not in GOROOT/src", r)
		}
	}
}
