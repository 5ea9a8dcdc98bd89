package e2e

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dypai/dypailint/internal/testbin"
	"github.com/dypai/dypailint/internal/testtree"
)

// golangciVersion is the golangci-lint release the plugin is tested in.
const golangciVersion = "v2.15.0"

// TestGolangciLintPlugin builds golangci-lint with the dypailint module
// plugin compiled in — what `golangci-lint custom` does with a
// .custom-gcl.yml, done offline from the module proxy's copy of the release —
// and runs it on a fixture module: the diagnostics appear, the settings in
// .golangci.yml reach the plugin, and //nolint:dypailint suppresses.
func TestGolangciLintPlugin(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint (seconds after an edit of dypailint, a minute and a half on a cold build cache); skipped in -short mode")
	}
	bin := buildGolangciLint(t)
	// The fixture module, with the demo's stand-in SDK copied in.
	fixture := filepath.Join(t.TempDir(), "golangci")
	copyTree(t, "testdata/golangci", fixture)
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "demo", "sdk"), filepath.Join(fixture, "sdk"))
	out, code := run(t, fixture, []string{"GOFLAGS=-buildvcs=false"}, bin, "run", "--output.json.path", "stdout", "--show-stats=false", "./...")
	if code != 1 {
		t.Fatalf("golangci-lint exit %d, want 1 (issues found):\n%s", code, out)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	// The JSON report is the first line of stdout.
	if err := json.NewDecoder(strings.NewReader(out)).Decode(&report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, out)
	}
	var got []string
	idRE := regexp.MustCompile(`\((DYP\d{3})\)$`)
	for _, is := range report.Issues {
		m := idRE.FindStringSubmatch(is.Text)
		if is.FromLinter != "dypailint" || m == nil {
			t.Errorf("issue without a rule ID or from another linter: %+v", is)
			continue
		}
		got = append(got, filepath.ToSlash(is.Pos.Filename)+":"+itoa(is.Pos.Line)+" "+m[1])
	}
	slices.Sort(got)
	want := wantMarkers(t, filepath.Join(fixture, "app", "app.go"), "app/app.go")
	if !slices.Equal(got, want) {
		t.Errorf("golangci-lint issues:\n%s\nwant:\n%s\nfull output:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
}

// wantMarkers reads "// want DYPnnn" markers from a fixture file
// ("on the line above" moves the expectation one line up).
func wantMarkers(t *testing.T, path, rel string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`// want (DYP\d{3})( on the line above)?`)
	var out []string
	for i, line := range strings.Split(string(data), "\n") {
		if m := re.FindStringSubmatch(line); m != nil {
			n := i + 1
			if m[2] != "" {
				n--
			}
			out = append(out, rel+":"+itoa(n)+" "+m[1])
		}
	}
	slices.Sort(out)
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

// buildGolangciLint returns a golangci-lint binary with the plugin built
// from this working tree (once for these sources: testbin).
func buildGolangciLint(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	bin, err := testbin.Cached(root, "golangci-lint-"+golangciVersion, func(bin string) error {
		start := time.Now()
		var mod struct{ Dir, Error string }
		out := mustRun(t, root, nil, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
		if err := json.Unmarshal([]byte(out), &mod); err != nil || mod.Dir == "" {
			missingTool(t, fmt.Sprintf("golangci-lint %s source not available from the module proxy: %v %s", golangciVersion, err, mod.Error))
		}
		src := filepath.Join(t.TempDir(), "golangci-lint")
		copyTree(t, mod.Dir, src)
		testtree.Write(t, src, map[string]string{
			"cmd/golangci-lint/plugins.go": "package main\n\n// The dypailint module plugin, as golangci-lint custom would add it.\nimport _ \"github.com/dypai/dypailint/plugin\"\n",
		})
		env := []string{"GOFLAGS=-mod=mod -buildvcs=false"}
		mustRun(t, src, env, "go", "mod", "edit", "-require", "github.com/dypai/dypailint@v0.0.0", "-replace", "github.com/dypai/dypailint="+root)
		mustRun(t, src, env, "go", "mod", "tidy")
		// -trimpath keeps the copy's new directory out of the build
		// cache's keys: after an edit of dypailint, only its packages
		// compile again, not golangci-lint's 170.
		mustRun(t, src, env, "go", "build", "-trimpath", "-o", bin, "./cmd/golangci-lint")
		t.Logf("built golangci-lint %s with the dypailint plugin in %s", golangciVersion, time.Since(start).Round(time.Second))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// copyTree copies a read-only module cache tree into a writable one.
func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
