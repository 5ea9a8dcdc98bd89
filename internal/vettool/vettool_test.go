package vettool

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestResolveConfig(t *testing.T) {
	goDir := func() (string, error) { return "/work/repo/go", nil }
	unknown := func() (string, error) { return "", errors.New("not known on plan9") }
	abs := filepath.Join(string(filepath.Separator), "etc", "dypai.yaml")
	for _, tc := range []struct {
		path string
		dir  func() (string, error)
		want string
	}{
		{"", goDir, ""},
		{abs, goDir, abs},
		{abs, unknown, abs},
		{"../dypai.yaml", goDir, filepath.Join("/work/repo", "dypai.yaml")},
		{"dypai.yaml", goDir, filepath.Join("/work/repo/go", "dypai.yaml")},
	} {
		if got, err := resolveConfig(tc.path, tc.dir); err != nil || got != tc.want {
			t.Errorf("resolveConfig(%q) = %q, %v; want %q", tc.path, got, err, tc.want)
		}
	}
	_, err := resolveConfig("../dypai.yaml", unknown)
	if err == nil || !strings.Contains(err.Error(), "give an absolute path") {
		t.Errorf("relative path with no known directory: %v", err)
	}
}

// On Linux the go command's directory is read from /proc: here the test's
// parent is the go command (or a shell), whose directory exists.
func TestGoCommandDir(t *testing.T) {
	dir, err := goCommandDir()
	if runtime.GOOS != "linux" {
		if err == nil {
			t.Errorf("goCommandDir on %s = %q, want an error", runtime.GOOS, dir)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || !filepath.IsAbs(dir) {
		t.Errorf("goCommandDir = %q (%v)", dir, err)
	}
}
