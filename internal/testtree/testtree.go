// Package testtree writes the file trees tests run on.
package testtree

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes files below dir, creating the directories: each key is a
// path relative to dir, slash-separated, and each value the file's content.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
