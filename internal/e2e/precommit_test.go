package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/internal/testtree"
)

// TestPreCommitHook installs the hook from this repository (local path and
// revision) into a throwaway repository with the real pre-commit framework:
// a commit that leaks the API key is refused with the diagnostic shown; a
// clean commit passes. pre-commit installs the hook (go install ./...) at
// the first run for a version of the sources; later runs reuse that
// installation (hookInstall).
func TestPreCommitHook(t *testing.T) {
	if testing.Short() {
		t.Skip("builds dypailint through pre-commit; skipped in -short mode")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		missingTool(t, "pre-commit not installed (Debian: apt-get install pre-commit); .ci/run installs it")
	}
	hookRepo, rev, home := hookInstall(t)
	app := t.TempDir()
	gitInit(t, app)
	testtree.Write(t, app, map[string]string{
		".pre-commit-config.yaml": fmt.Sprintf("repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: dypailint\n", hookRepo, rev),
		"dypai.yaml":              "app: saas\nendpoints:\n  get_profile: { auth_mode: jwt }\n",
		"web/.env":                "NEXT_PUBLIC_DYPAI_URL=https://api.example.com\n",
	})
	env := []string{
		"PRE_COMMIT_HOME=" + home,
		"GOMODCACHE=" + goModCache(t),
		// -trimpath: the build cache serves a clone in a new directory;
		// -ldflags=-w: no debug information, a third less link time.
		"GOFLAGS=-buildvcs=false -trimpath -ldflags=-w",
	}
	mustRun(t, app, env, "pre-commit", "install")
	mustRun(t, app, env, "git", "add", "-A")
	out, code := run(t, app, env, "git", "commit", "-m", "clean start")
	if code != 0 {
		t.Fatalf("clean commit refused (exit %d):\n%s", code, out)
	}
	if !strings.Contains(out, "dypailint") || !strings.Contains(out, "Passed") {
		t.Errorf("the hook did not run on the clean commit:\n%s", out)
	}
	// pre-commit installs a Go hook with go install ./...: the benchmark
	// tools (build tag devtool) must not be built with it.
	bins, err := filepath.Glob(filepath.Join(home, "*", "golangenv-*", "bin", "*"))
	if err != nil || len(bins) != 1 || filepath.Base(bins[0]) != "dypailint" {
		t.Errorf("the hook installed %q, want dypailint alone", bins)
	}

	// A leak: an endpoint with no auth mode.
	testtree.Write(t, app, map[string]string{
		"dypai.yaml": "app: saas\nendpoints:\n  get_profile: { auth_mode: jwt }\n  health: { auth_mode: public }\n",
	})
	mustRun(t, app, env, "git", "add", "-A")
	out, code = run(t, app, env, "git", "commit", "-m", "add health endpoint")
	if code == 0 {
		t.Fatalf("the commit was not refused:\n%s", out)
	}
	for _, want := range []string{"Failed", `dypai.yaml:4:24: endpoint health has auth_mode "public"`, "(DYP401)"} {
		if !strings.Contains(out, want) {
			t.Errorf("hook output lacks %q:\n%s", want, out)
		}
	}
	if log := mustRun(t, app, nil, "git", "log", "--oneline"); strings.Count(log, "\n") != 1 {
		t.Errorf("refused commit landed:\n%s", log)
	}
}
