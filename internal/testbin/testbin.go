// Package testbin keeps the binaries the CLI and end-to-end tests run
// (dypailint itself, golangci-lint with the plugin, the pre-commit hook's
// installation) built once per version of the sources: each is kept in the
// user cache directory under SourceHash, and reused while that hash holds,
// as go test's own cache would. Only tests use it.
//
// go test's result cache sees these builds when a test (not TestMain, which
// runs before go test records anything) asks for them: it records the files
// a test opens inside the module and runs the test again when one changes,
// and SourceHash reads every source file the binaries are built from. A test
// package need not import the CLI, the vet tool or the plugin for that
// (linking them cost its test binary about 0.4 s of CPU).
package testbin

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A build is removed once unused for a day, or when it is not among the
// kept used last (other checkouts, other revisions) beside the current one.
const (
	unused = 24 * time.Hour
	kept   = 3
)

// Cached returns the binary name built from the checkout at root, calling
// build with a temporary path to write it to when the current sources have
// no build yet: a file, or a directory (a tool's whole installation). Older
// builds of name are removed (removeUnused).
func Cached(root, name string, build func(out string) error) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "dypailint-e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, name+"-"+SourceHash(root))
	now := time.Now()
	if err := os.Chtimes(bin, now, now); err == nil {
		removeUnused(dir, name, bin)
		return bin, nil
	}
	tmp, err := os.MkdirTemp(dir, name+".tmp")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, name)
	if err := build(out); err != nil {
		return "", err
	}
	// Concurrent builds of the same sources are alike: the last rename of
	// a file wins; a directory's rename fails onto the first, which serves.
	if err := os.Rename(out, bin); err != nil {
		if _, serr := os.Stat(bin); serr != nil {
			return "", err
		}
	}
	removeUnused(dir, name, bin)
	return bin, nil
}

// Dypailint returns the dypailint CLI built from the checkout at root.
func Dypailint(root string) (string, error) {
	return Cached(root, "dypailint", goBuild(root, "./cmd/dypailint"))
}

// goBuild is a build function for Cached: go build of pkg in root.
func goBuild(root, pkg string) func(out string) error {
	return func(out string) error {
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Dir = root
		if msg, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go build %s: %v\n%s", pkg, err, msg)
		}
		return nil
	}
}

// removeUnused removes the builds of name other than keep that were not
// used for a day, or beyond the few used last.
func removeUnused(dir, name, keep string) {
	entries, _ := os.ReadDir(dir)
	var builds []fs.FileInfo
	for _, e := range entries {
		if info, err := e.Info(); err == nil && strings.HasPrefix(e.Name(), name+"-") && filepath.Join(dir, e.Name()) != keep {
			builds = append(builds, info)
		}
	}
	sort.Slice(builds, func(i, j int) bool { return builds[i].ModTime().After(builds[j].ModTime()) })
	for i, info := range builds {
		if i >= kept || time.Since(info.ModTime()) > unused {
			os.RemoveAll(filepath.Join(dir, info.Name()))
		}
	}
}

// SourceHash hashes the Go sources (tests aside), the module files and the
// pre-commit hook's definition of the checkout at root: what its binaries
// and its installed hook are built from.
func SourceHash(root string) string {
	h := sha256.New()
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") || d.Name() == "go.mod" || d.Name() == "go.sum" || d.Name() == ".pre-commit-hooks.yaml" {
			rel, _ := filepath.Rel(root, path)
			io.WriteString(h, rel+"\x00")
			if data, err := os.ReadFile(path); err == nil {
				h.Write(data)
			}
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))[:16]
}
