package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/testbin"
)

// The monorepo fixture (testdata/monorepo): dypai.yaml at the repository
// root, the Go module in go/ with the clients built by a helper package in
// another package than the code using them, and a JS app in web/. The CLI
// runs from the root; go vet and golangci-lint run from the module's root,
// as their users run them, with and without a relative -config.

// TestMonorepoVetMatchesCLI: go vet -vettool reports the CLI's Go findings,
// which are the fixture's "// want" lines.
func TestMonorepoVetMatchesCLI(t *testing.T) {
	repo := monorepo(t)
	bin := buildDypailint(t)
	cli := cliRootFindings(t, bin, repo)
	checkWant(t, repo, cli)
	module := filepath.Join(repo, "go")
	// From the module's root, the CLI looks for dypai.yaml up to the
	// repository's root.
	if fromModule := cliGoFindings(t, bin, module, ""); !slices.Equal(fromModule, cli) {
		t.Errorf("the CLI run in go/ and at the root disagree\nin go/:\n%s\nat the root:\n%s", strings.Join(fromModule, "\n"), strings.Join(cli, "\n"))
	}
	for _, args := range [][]string{nil, {"-config=../dypai.yaml"}} {
		out, code := run(t, module, nil, "go", append(append([]string{"vet", "-vettool=" + bin}, args...), "./...")...)
		if code != 1 {
			t.Errorf("go vet %v: exit %d, want 1 (findings):\n%s", args, code, out)
		}
		if got := vetFindings(out); !slices.Equal(got, cli) {
			t.Errorf("go vet -vettool %v and the CLI disagree\nvet:\n%s\ncli:\n%s\nfull output:\n%s", args, strings.Join(got, "\n"), strings.Join(cli, "\n"), out)
		}
	}
}

// TestMonorepoGolangciMatchesCLI: the golangci-lint plugin reports the CLI's
// Go findings, with dypai.yaml found by walking up and named by a relative
// config setting.
func TestMonorepoGolangciMatchesCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint (seconds after an edit of dypailint, a minute and a half on a cold build cache); skipped in -short mode")
	}
	gcl := buildGolangciLint(t)
	repo := monorepo(t)
	cli := cliRootFindings(t, buildDypailint(t), repo)
	module := filepath.Join(repo, "go")
	for _, cfg := range []string{".golangci.yml", "golangci-config.yml"} {
		out, code := run(t, module, []string{"GOFLAGS=-buildvcs=false"}, gcl, "run", "--config", cfg, "--output.json.path", "stdout", "--show-stats=false", "./...")
		if code != 1 {
			t.Fatalf("golangci-lint --config %s: exit %d, want 1 (issues found):\n%s", cfg, code, out)
		}
		var report struct {
			Issues []struct {
				FromLinter, Text string
				Pos              struct {
					Filename     string
					Line, Column int
				}
			}
		}
		if err := json.NewDecoder(strings.NewReader(out)).Decode(&report); err != nil {
			t.Fatalf("golangci-lint JSON: %v\n%s", err, out)
		}
		// golangci-lint prefixes each message with the analyzer's name and
		// reports related locations as issues of their own.
		var got []string
		for _, is := range report.Issues {
			name, msg, _ := strings.Cut(is.Text, ": ")
			if is.FromLinter != "dypailint" || rules.ByID(strings.TrimSuffix(name, "(related information)")) == nil {
				t.Errorf("issue without an analyzer's name or from another linter: %+v", is)
				continue
			}
			if strings.HasSuffix(name, "(related information)") {
				continue
			}
			got = append(got, filepath.ToSlash(is.Pos.Filename)+":"+itoa(is.Pos.Line)+":"+itoa(is.Pos.Column)+": "+msg)
		}
		slices.Sort(got)
		if !slices.Equal(got, cli) {
			t.Errorf("golangci-lint (--config %s) and the CLI disagree\ngolangci-lint:\n%s\ncli:\n%s", cfg, strings.Join(got, "\n"), strings.Join(cli, "\n"))
		}
	}
}

// monorepo copies the fixture, with the demo's stand-in SDK, to a fresh
// git repository and returns its root.
func monorepo(t *testing.T) string {
	t.Helper()
	repo := filepath.Join(t.TempDir(), "monorepo")
	copyTree(t, "testdata/monorepo", repo)
	copyTree(t, filepath.Join(repoRoot(t), "testdata", "demo", "sdk"), filepath.Join(repo, "go", "sdk"))
	gitInit(t, repo)
	return repo
}

// buildDypailint returns the dypailint binary built from this working tree
// (once for these sources: testbin).
func buildDypailint(t *testing.T) string {
	t.Helper()
	bin, err := testbin.Dypailint(repoRoot(t))
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// rootRun is the CLI's run at a monorepo's root, made once for the tests
// that compare an integration with it: its findings are relative to the
// root, the same for every copy of the fixture.
var rootRun struct {
	once     sync.Once
	findings []string
	ok       bool
}

// cliRootFindings is cliGoFindings at the root of repo, run once.
func cliRootFindings(t *testing.T, bin, repo string) []string {
	t.Helper()
	rootRun.once.Do(func() {
		rootRun.findings = cliGoFindings(t, bin, repo, "go/")
		rootRun.ok = !t.Failed()
	})
	if !rootRun.ok {
		t.Fatal("the CLI's run at the monorepo's root failed (see the test that made it)")
	}
	return rootRun.findings
}

// cliGoFindings runs the CLI in dir and returns its Go findings as go vet
// prints them from the module root, whose path is prefix from dir:
// "path:line:col: message (DYPnnn)", sorted. Run from the repository's root,
// it also checks that the JS app was scanned: the CLI alone reports it.
func cliGoFindings(t *testing.T, bin, dir, prefix string) []string {
	t.Helper()
	out, code := run(t, dir, nil, bin, "-format", "json", "./...")
	if code != 1 {
		t.Fatalf("dypailint: exit %d, want 1 (findings):\n%s", code, out)
	}
	var report struct {
		Findings []struct {
			Rule, File, Message string
			Line, Column        int
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("dypailint JSON: %v\n%s", err, out)
	}
	var goFindings []string
	js := false
	for _, f := range report.Findings {
		rel, ok := strings.CutPrefix(filepath.ToSlash(f.File), prefix)
		if !ok || !strings.HasSuffix(rel, ".go") {
			js = js || strings.HasPrefix(f.File, "web/")
			continue
		}
		goFindings = append(goFindings, rel+":"+itoa(f.Line)+":"+itoa(f.Column)+": "+f.Message+" ("+f.Rule+")")
	}
	if !js && prefix != "" {
		t.Errorf("the CLI reported nothing in the JS app:\n%s", out)
	}
	slices.Sort(goFindings)
	return goFindings
}

var vetDiag = regexp.MustCompile(`^(\S+\.go:\d+:\d+: )(.*)$`)

// vetFindings keeps go vet's diagnostics (not the related locations, which
// it prints as "posn: \tmessage"), sorted.
func vetFindings(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if m := vetDiag.FindStringSubmatch(l); m != nil && !strings.HasPrefix(m[2], "\t") {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return lines
}

// checkWant checks that the findings are on the fixture's "// want DYPnnn"
// lines, each once.
func checkWant(t *testing.T, repo string, findings []string) {
	t.Helper()
	var want []string
	module := filepath.Join(repo, "go")
	filepath.WalkDir(module, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".go") {
			rel, _ := filepath.Rel(module, path)
			want = append(want, wantMarkers(t, path, filepath.ToSlash(rel))...)
		}
		return nil
	})
	slices.Sort(want)
	idRE := regexp.MustCompile(`^(\S+\.go:\d+):\d+: .*\((DYP\d{3})\)$`)
	var got []string
	for _, f := range findings {
		if m := idRE.FindStringSubmatch(f); m != nil {
			got = append(got, m[1]+" "+m[2])
		}
	}
	slices.Sort(got)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("Go findings:\n%s\nwant:\n%s", strings.Join(findings, "\n"), strings.Join(want, "\n"))
	}
}
