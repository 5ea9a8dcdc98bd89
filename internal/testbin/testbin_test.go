package testbin

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestCached(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(root, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module m\n")
	write("main.go", "package main\n")
	builds := 0
	build := func(out string) error {
		builds++
		return os.WriteFile(out, []byte("binary"), 0o755)
	}
	first, err := Cached(root, "tool", build)
	if err != nil || builds != 1 {
		t.Fatalf("first: %q, %v, %d builds", first, err, builds)
	}
	if again, err := Cached(root, "tool", build); err != nil || again != first || builds != 1 {
		t.Errorf("unchanged sources: %q, %v, %d builds; want %q from 1 build", again, err, builds, first)
	}
	write("main_test.go", "package main\n") // tests are not built into it
	if again, _ := Cached(root, "tool", build); again != first || builds != 1 {
		t.Errorf("a new test file rebuilt the binary")
	}
	write("main.go", "package main\n\nfunc main() {}\n")
	second, err := Cached(root, "tool", build)
	if err != nil || second == first || builds != 2 {
		t.Errorf("edited sources: %q, %v, %d builds; want a second build", second, err, builds)
	}

	// A build unused for a day goes at the next use of another.
	old := time.Now().Add(-2 * unused)
	os.Chtimes(first, old, old)
	Cached(root, "tool", build)
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("a build unused for two days was kept: %v", err)
	}
}

// TestCachedDirectory: a build may be a directory (an installation), kept
// and reused like a file; the pre-commit hook's definition is a source.
func TestCachedDirectory(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	builds := 0
	build := func(out string) error {
		builds++
		if err := os.MkdirAll(filepath.Join(out, "bin"), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(out, "bin", "tool"), []byte("binary"), 0o755)
	}
	first, err := Cached(root, "install", build)
	if err != nil || builds != 1 {
		t.Fatalf("first: %q, %v, %d builds", first, err, builds)
	}
	if data, err := os.ReadFile(filepath.Join(first, "bin", "tool")); err != nil || string(data) != "binary" {
		t.Fatalf("the directory's content: %q, %v", data, err)
	}
	if again, err := Cached(root, "install", build); err != nil || again != first || builds != 1 {
		t.Errorf("unchanged sources: %q, %v, %d builds; want %q from 1 build", again, err, builds, first)
	}
	if err := os.WriteFile(filepath.Join(root, ".pre-commit-hooks.yaml"), []byte("- id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := Cached(root, "install", build)
	if err != nil || second == first || builds != 2 {
		t.Errorf("an edited hook definition: %q, %v, %d builds; want a second build", second, err, builds)
	}
	old := time.Now().Add(-2 * unused)
	os.Chtimes(first, old, old)
	Cached(root, "install", build)
	if _, err := os.Stat(first); !os.IsNotExist(err) {
		t.Errorf("a directory unused for two days was kept: %v", err)
	}
}
