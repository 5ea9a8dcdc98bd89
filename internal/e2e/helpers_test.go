package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dypai/dypailint/internal/testbin"
	"github.com/dypai/dypailint/internal/testtree"
)

// repoRoot is the dypailint checkout.
func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// run runs a command and returns its combined output and exit status.
func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return out.String(), cmd.ProcessState.ExitCode()
}

// mustRun is run for set-up commands that must succeed.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, code := run(t, dir, env, name, args...)
	if code != 0 {
		t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), code, out)
	}
	return out
}

// hookInstall returns a git repository holding what a hook install reads
// of the checkout (its tracked and untracked-but-not-ignored hook
// definitions, module files and Go sources, tests and testdata aside) in
// one commit, that commit, and the PRE_COMMIT_HOME to install the hook into.
// They are made once per version of the sources (testbin), so pre-commit
// installs the hook, a go install, once per version, as go test would
// cache a test of unchanged inputs.
func hookInstall(t *testing.T) (repo, rev, home string) {
	t.Helper()
	root := repoRoot(t)
	dir, err := testbin.Cached(root, "precommit", func(out string) error {
		rev := snapshotRepo(t, root, filepath.Join(out, "repo"))
		return os.WriteFile(filepath.Join(out, "rev"), []byte(rev), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "rev"))
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "repo"), string(data), filepath.Join(dir, "home")
}

// snapshotRepo copies the hook's inputs (hookInput) of the checkout at root
// to a new git repository at dst, commits them and returns the commit.
func snapshotRepo(t *testing.T, root, dst string) string {
	t.Helper()
	list := mustRun(t, root, nil, "git", "ls-files", "-co", "--exclude-standard", "-z")
	files := map[string]string{}
	for _, name := range strings.Split(strings.TrimRight(list, "\x00"), "\x00") {
		if !hookInput(name) {
			continue
		}
		if data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name))); err == nil {
			files[name] = string(data)
		} // else deleted in the working tree
	}
	testtree.Write(t, dst, files)
	gitInit(t, dst)
	mustRun(t, dst, nil, "git", "add", "-A")
	mustRun(t, dst, nil, "git", "commit", "-qm", "snapshot")
	return strings.TrimSpace(mustRun(t, dst, nil, "git", "rev-parse", "HEAD"))
}

// hookInput reports whether the file at the slash-separated path name is
// read when pre-commit installs and runs the hook: go install ./... builds
// the non-test sources outside testdata; nothing is embedded.
func hookInput(name string) bool {
	switch {
	case name == ".pre-commit-hooks.yaml" || name == "go.mod" || name == "go.sum":
		return true
	case !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go"):
		return false
	}
	return !slices.Contains(strings.Split(path.Dir(name), "/"), "testdata")
}

func gitInit(t *testing.T, dir string) {
	t.Helper()
	mustRun(t, dir, nil, "git", "init", "-q", "-b", "main")
	mustRun(t, dir, nil, "git", "config", "user.email", "e2e@example.com")
	mustRun(t, dir, nil, "git", "config", "user.name", "e2e")
	mustRun(t, dir, nil, "git", "config", "commit.gpgsign", "false")
}

// goModCache is the module cache of this machine, shared with the tools the
// tests build so that nothing is downloaded twice.
func goModCache(t *testing.T) string {
	return strings.TrimSpace(mustRun(t, ".", nil, "go", "env", "GOMODCACHE"))
}

// missingTool skips a test whose tool cannot be had here, except in CI,
// where .ci/run installs every tool and a skip would hide a broken set-up.
func missingTool(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
}
