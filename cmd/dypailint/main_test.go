package main_test

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/testbin"
	"github.com/dypai/dypailint/internal/testtree"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite golden files")

// bin is the dypailint binary, built once for these sources (testbin).
var bin string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "dypailint-bin")
	if err != nil {
		panic(err)
	}
	// The tests share a re-run cache of their own (cache_test.go checks
	// what it keeps).
	os.Setenv("DYPAILINT_CACHE", filepath.Join(dir, "cache"))
	root, _ := filepath.Abs("../..")
	bin, err = testbin.Dypailint(root)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// dypailint runs the binary in dir and returns stdout, stderr and the exit status.
func dypailint(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	return dypailintEnv(t, dir, nil, args...)
}

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/dypailint -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (go test ./cmd/dypailint -update rewrites it); got:\n%s", path, got)
	}
}

// TestDemoText pins the README's first command: the findings on the demo.
func TestDemoText(t *testing.T) {
	stdout, stderr, code := dypailint(t, repoRoot(t), "./testdata/demo/...")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (findings); stderr:\n%s", code, stderr)
	}
	golden(t, "demo.text.golden", stdout)
	if stderr != "" {
		t.Errorf("unexpected stderr:\n%s", stderr)
	}
}

// TestDemoSARIF pins the SARIF output and validates it against the schema.
func TestDemoSARIF(t *testing.T) {
	root := repoRoot(t)
	stdout, _, code := dypailint(t, root, "-format", "sarif", "./testdata/demo/...")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	sch, err := jsonschema.NewCompiler().Compile(filepath.Join(root, "testdata", "sarif", "sarif-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("SARIF does not validate against the 2.1.0 schema: %v", err)
	}
	// The root as SARIF spells it: a file URI, escaped (a checkout path
	// may hold spaces).
	rootURI := "file://" + (&url.URL{Path: filepath.ToSlash(root)}).EscapedPath() + "/"
	golden(t, "demo.sarif.golden", strings.ReplaceAll(stdout, rootURI, "file://$ROOT/"))
}

var diagLine = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// goFindings keeps the Go diagnostics of a text output, as sorted lines.
// go vet prints related locations as "posn: \tmessage"; they are not findings.
func goFindings(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		if m := diagLine.FindStringSubmatch(l); m != nil && !strings.HasPrefix(m[4], "\t") {
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return slices.Compact(lines)
}

// TestVetToolMatchesCLI runs the binary under go vet -vettool, as users
// do, and checks it reports the same Go findings as the CLI. go vet checks
// one build configuration at a time, so the wasm front end is vetted with
// GOOS=js GOARCH=wasm as a second run.
func TestVetToolMatchesCLI(t *testing.T) {
	root := repoRoot(t)
	demo := filepath.Join(root, "testdata", "demo")
	// TestDemoText's run, which the re-run cache then serves; go vet names
	// files from the demo's directory.
	cli, _, _ := dypailint(t, root, "./testdata/demo/...")
	cli = strings.ReplaceAll("\n"+cli, "\ntestdata/demo/", "\n")
	var vet string
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
		cmd.Dir = demo
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		vet += string(out)
	}
	got, want := goFindings(vet), goFindings(cli)
	if len(want) == 0 {
		t.Fatal("the CLI reported no Go findings on the demo")
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet -vettool and the CLI disagree\nvet:\n%s\ncli:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestExitStatus(t *testing.T) {
	clean := t.TempDir()
	write := func(dir, name, content string) { testtree.Write(t, dir, map[string]string{name: content}) }
	write(clean, "go.mod", "module example.com/clean\n\ngo 1.22\n")
	write(clean, "main.go", "package main\n\nfunc main() {}\n")
	if out, errOut, code := dypailint(t, clean, "./..."); code != 0 || out != "" {
		t.Errorf("clean module: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	findings := t.TempDir()
	write(findings, "dypai.yaml", "endpoints:\n  health: { auth_mode: public }\n")
	if out, _, code := dypailint(t, findings, "./..."); code != 1 || !strings.Contains(out, "dypai.yaml:2:24: endpoint health has auth_mode \"public\"") {
		t.Errorf("findings: exit %d, stdout %q", code, out)
	}

	bad := t.TempDir()
	write(bad, "dypai.yaml", "app: saas\nendponts: {}\n")
	if _, errOut, code := dypailint(t, bad, "./..."); code != 2 || !strings.Contains(errOut, `dypai.yaml:2:1: unknown key "endponts" in the top level (did you mean "endpoints"?)`) {
		t.Errorf("malformed dypai.yaml: exit %d, stderr %q", code, errOut)
	}

	for _, args := range [][]string{{"-format", "xml"}, {"-no-such-flag"}, {"-explain", "DYP999"}, {"-disable", "DYP999"}, {"-sdk", "nope"}, {"./does-not-exist/..."}} {
		if _, errOut, code := dypailint(t, clean, args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a message", args, code, errOut)
		}
	}

	brokenGo := t.TempDir()
	write(brokenGo, "go.mod", "module example.com/broken\n\ngo 1.22\n")
	write(brokenGo, "main.go", "package main\n\nfunc main() { undefined() }\n")
	if _, errOut, code := dypailint(t, brokenGo, "./..."); code != 2 || !strings.Contains(errOut, "main.go:3:15: undefined: undefined") {
		t.Errorf("type error: exit %d, stderr %q", code, errOut)
	}
}

func TestExplainAndRules(t *testing.T) {
	out, _, code := dypailint(t, ".", "-explain", "dyp201")
	if code != 0 || !strings.HasPrefix(out, "DYP201 (manualuserid, warning):") || !strings.Contains(out, "Instead:") {
		t.Errorf("-explain: exit %d:\n%s", code, out)
	}
	out, _, code = dypailint(t, ".", "-rules")
	if code != 0 || strings.Count(out, "\n") != len(rules.All()) || !strings.Contains(out, "DYP405  modemismatch") {
		t.Errorf("-rules: exit %d:\n%s", code, out)
	}
}

// TestNestedModulesWithoutRootModule runs from a monorepo root that has no
// go.mod: every module beneath is found; testdata and node_modules are not.
func TestNestedModulesWithoutRootModule(t *testing.T) {
	root := t.TempDir()
	testtree.Write(t, root, map[string]string{
		"services/a/go.mod":            "module example.com/a\n\ngo 1.22\n",
		"services/a/main.go":           "package main\n\nfunc main() { undefinedA() }\n",
		"tools/b/go.mod":               "module example.com/b\n\ngo 1.22\n",
		"tools/b/b.go":                 "package b\n\nvar _ = undefinedB\n",
		"services/a/testdata/c/go.mod": "module example.com/c\n\ngo 1.22\n",
		"services/a/testdata/c/c.go":   "package c\n\nvar _ = undefinedC\n",
		"web/node_modules/x/go.mod":    "module example.com/x\n\ngo 1.22\n",
		"web/node_modules/x/x.go":      "package x\n\nvar _ = undefinedX\n",
	})
	// Type errors are input errors that name the file: they show which
	// modules were loaded.
	_, errOut, code := dypailint(t, root, "./...")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{"undefinedA", "undefinedB"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("module not discovered: no %s in\n%s", want, errOut)
		}
	}
	for _, skipped := range []string{"undefinedC", "undefinedX"} {
		if strings.Contains(errOut, skipped) {
			t.Errorf("%s loaded from a folder that must be skipped:\n%s", skipped, errOut)
		}
	}
}

// TestBaseline adopts the linter on a project with findings: the recorded
// ones stop failing the build even after lines move; a new one fails it.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "dypai.yaml")
	os.WriteFile(manifest, []byte("endpoints:\n  health: { auth_mode: public }\n  export: { params: [since] }\n"), 0o644)
	_, errOut, code := dypailint(t, dir, "-write-baseline", "dypai-baseline.json", "./...")
	if code != 0 || !strings.Contains(errOut, "recorded 2 findings in dypai-baseline.json") {
		t.Fatalf("-write-baseline: exit %d, stderr %q", code, errOut)
	}
	// Lines move and a new mistake appears.
	os.WriteFile(manifest, []byte("app: saas\nendpoints:\n  ping: { auth_mode: none }\n  health: { auth_mode: public }\n  export: { params: [since] }\n"), 0o644)
	out, errOut, code := dypailint(t, dir, "-baseline", "dypai-baseline.json", "./...")
	if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "endpoint ping has auth_mode \"none\"") {
		t.Errorf("-baseline: exit %d, stdout:\n%s", code, out)
	}
	if !strings.Contains(errOut, "2 findings hidden by the baseline dypai-baseline.json") {
		t.Errorf("-baseline stderr %q", errOut)
	}
	json, _, _ := dypailint(t, dir, "-json", "-baseline", "dypai-baseline.json", "./...")
	if !strings.Contains(json, `"baselined": 2`) {
		t.Errorf("JSON does not count the baselined findings:\n%s", json)
	}
	// Fixing the new mistake makes the run clean.
	os.WriteFile(manifest, []byte("app: saas\nendpoints:\n  ping: { auth_mode: jwt }\n  health: { auth_mode: public }\n  export: { params: [since] }\n"), 0o644)
	if out, _, code := dypailint(t, dir, "-baseline", "dypai-baseline.json", "./..."); code != 0 || out != "" {
		t.Errorf("after the fix: exit %d, stdout %q", code, out)
	}
	if _, errOut, code := dypailint(t, dir, "-baseline", "missing.json", "./..."); code != 2 || !strings.Contains(errOut, "missing.json") {
		t.Errorf("missing baseline: exit %d, stderr %q", code, errOut)
	}
}

// TestFixAndDiff: -diff shows the mechanical fix (drop the identity field
// from a user call's payload) without changing anything; -fix applies it and
// the next run is clean.
func TestFixAndDiff(t *testing.T) {
	dir := t.TempDir()
	sdk, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "demo", "sdk", "dypai", "dypai.go"))
	if err != nil {
		t.Fatal(err)
	}
	src := `package orders

import (
	"context"

	"example.com/fix/sdk/dypai"
)

func Create(ctx context.Context, token, uid string) {
	c := dypai.NewClient("https://api.example.com", dypai.WithAccessToken(token))
	c.API.Post(ctx, "create_order", map[string]any{"user_id": uid, "items": 2})
}
`
	testtree.Write(t, dir, map[string]string{
		"go.mod":             "module example.com/fix\n\ngo 1.22\n",
		"sdk/dypai/dypai.go": string(sdk),
		"orders/orders.go":   src,
	})
	out, errOut, code := dypailint(t, dir, "-diff", "./...")
	wantDiff := `--- a/orders/orders.go
+++ b/orders/orders.go
@@ -8,5 +8,5 @@
 
 func Create(ctx context.Context, token, uid string) {
 	c := dypai.NewClient("https://api.example.com", dypai.WithAccessToken(token))
-	c.API.Post(ctx, "create_order", map[string]any{"user_id": uid, "items": 2})
+	c.API.Post(ctx, "create_order", map[string]any{"items": 2})
 }
`
	if out != wantDiff || code != 1 || !strings.Contains(errOut, "would apply 1 fixes in 1 files") {
		t.Errorf("-diff: exit %d, stderr %q, stdout:\n%s\nwant:\n%s", code, errOut, out, wantDiff)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "orders", "orders.go")); string(data) != src {
		t.Error("-diff changed the file")
	}
	if _, errOut, code := dypailint(t, dir, "-fix", "./..."); code != 0 || !strings.Contains(errOut, "applied 1 fixes in 1 files") {
		t.Errorf("-fix: exit %d, stderr %q", code, errOut)
	}
	if out, _, code := dypailint(t, dir, "./..."); code != 0 || out != "" {
		t.Errorf("after -fix: exit %d, stdout %q", code, out)
	}
}

// TestSecretsNeverPrintedWhole plants a key in a built bundle, a source map
// and a .env file, and checks every output format shows at most its first
// four characters.
func TestSecretsNeverPrintedWhole(t *testing.T) {
	const secret = "dyp_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0"
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"web/package.json":              `{"name":"web","dependencies":{"@dypai/client":"1.0.0"}}`,
		"web/.env.local":                "NEXT_PUBLIC_DYPAI_API_KEY=" + secret + "\n",
		"web/dist/assets/index-1a2b.js": `var k="` + secret + `";fetch("/api/x",{headers:{"X-API-KEY":"` + secret + `"}});`,
	})
	for _, format := range []string{"text", "json", "sarif"} {
		out, errOut, code := dypailint(t, dir, "-format", format, "-secret-env", "DYPAI_API_KEY", "./...")
		if code != 1 {
			t.Errorf("%s: exit %d, want 1 (findings); stderr %q", format, code, errOut)
		}
		if !strings.Contains(out, "DYP103") || !strings.Contains(out, "DYP102") {
			t.Errorf("%s: the planted leaks were not all found:\n%s", format, out)
		}
		for _, leak := range []string{secret, secret[:5], secret[9:20]} {
			if strings.Contains(out+errOut, leak) {
				t.Errorf("%s output contains %q of the secret:\n%s", format, leak, out)
			}
		}
		if !strings.Contains(out, "dyp_…") {
			t.Errorf("%s output does not show the redacted prefix:\n%s", format, out)
		}
	}
}

// TestFixJS: -fix drops identity fields from a JS/TS payload in the
// original source (the scanner analyses esbuild's output and maps back).
func TestFixJS(t *testing.T) {
	dir := t.TempDir()
	page := `'use client'
import { dypai } from '../lib/dypai'

export default function Page({ user, items }: any) {
  const order = async () => {
    await dypai.api.post('create_order', {
      user_id: user.id,
      items,
    })
    await dypai.api.post('create_order', { items, "userId": ` + "`${user.id}`" + ` })
  }
  return <button onClick={order}>Order</button>
}
`
	testtree.Write(t, dir, map[string]string{
		"package.json": `{"dependencies":{"next":"14","@dypai/client":"1"}}`,
		"dypai.yaml":   "app: saas\nendpoints:\n  create_order: { auth_mode: jwt }\n",
		"lib/dypai.ts": "import { createClient } from '@dypai/client'\nexport const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!)\n",
		"app/page.tsx": page,
	})
	if _, errOut, code := dypailint(t, dir, "-fix", "./..."); code != 0 || !strings.Contains(errOut, "applied 2 fixes in 1 files") {
		t.Fatalf("-fix: exit %d, stderr %q", code, errOut)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "app", "page.tsx"))
	want := strings.Replace(strings.Replace(page, "      user_id: user.id,\n", "", 1), `{ items, "userId": `+"`${user.id}`"+` }`, "{ items }", 1)
	if string(got) != want {
		t.Errorf("after -fix:\n%s\nwant:\n%s", got, want)
	}
	if out, _, code := dypailint(t, dir, "./..."); code != 0 {
		t.Errorf("after -fix: exit %d:\n%s", code, out)
	}
}

// -v says on standard error what each engine analysed, and changes
// nothing else (the first run may come from the re-run cache).
func TestVerbose(t *testing.T) {
	root := repoRoot(t)
	demo := filepath.Join(root, "testdata", "demo")
	out, _, code := dypailint(t, root, "./testdata/demo/...") // TestDemoText's run, from the cache
	vout, verr, vcode := dypailint(t, root, "-v", "-no-cache", "./testdata/demo/...")
	if vout != out || vcode != code {
		t.Errorf("-v changed the result: exit %d (want %d), stdout differs: %v", vcode, code, vout != out)
	}
	web := filepath.Join(demo, "web")
	for _, want := range []string{
		"dypailint: go: " + demo + " (./...): 5 packages analysed",
		"dypailint: go: " + demo + " (GOOS=js GOARCH=wasm): 1 packages analysed",
		"dypailint: js: " + web + ": 14 files, 5 client entries (5 'use client'), 8 client modules, 14 server modules",
		"dypailint: bundles: 0 bundle files, 1 .env files",
	} {
		if !strings.Contains(verr, want+"\n") {
			t.Errorf("-v output lacks %q:\n%s", want, verr)
		}
	}
}

// TestInviteOnboardingAcrossEngines: DYP407 judges an invite-only app by
// all of its front ends, a Go wasm package and a JS/TS project here: it is
// reported at the app: line, naming both, until either handles
// PASSWORD_RECOVERY in code that ships.
func TestInviteOnboardingAcrossEngines(t *testing.T) {
	sdk, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "demo", "sdk", "dypai", "dypai.go"))
	if err != nil {
		t.Fatal(err)
	}
	const goHandler = `
	c.Auth.OnAuthStateChange(func(ev dypai.AuthChangeEvent, _ *dypai.Session) {
		if ev == dypai.PasswordRecovery {
			js.Global().Call("showSetPassword")
		}
	})`
	const jsHandler = `
dypai.auth.onAuthStateChange((event) => {
  if (event === 'PASSWORD_RECOVERY') location.assign('/set-password')
})
`
	const want = `dypai.yaml:2:1: app: private onboards users by invitation, but no browser code handles the PASSWORD_RECOVERY auth event (checked: Go js/wasm package ./wasm, JS/TS project ./web): invited users get no screen to set a password; in client code, show a set-password form when the callback given to auth.onAuthStateChange receives "PASSWORD_RECOVERY" (DYP407)` + "\n"
	dir := t.TempDir()
	for _, tc := range []struct {
		name, goCode, jsMain, jsOther, want string
	}{
		{"no handler", "", "", "", want},
		{"Go handler", goHandler, "", "", ""},
		{"JS handler", "", jsHandler, "", ""},
		{"JS handler in a module nothing imports", "", "", jsHandler, want},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Each case rewrites the one tree: the go command compiles the
			// unchanged packages once, not in each case's new directory.
			testtree.Write(t, dir, map[string]string{
				"dypai.yaml":       "# invite-only\napp: private\n",
				"go.mod":           "module example.com/acme\n\ngo 1.22\n",
				"sdk/dypai/sdk.go": string(sdk),
				"wasm/main.go":     "//go:build js && wasm\n\npackage main\n\nimport (\n\t\"syscall/js\"\n\n\t\"example.com/acme/sdk/dypai\"\n)\n\nfunc main() {\n\tc := dypai.CreateClient(js.Global().Get(\"DYPAI_URL\").String())\n\t_ = c" + tc.goCode + "\n\tselect {}\n}\n",
				"web/package.json": `{"name": "web", "private": true, "dependencies": {"@dypai/client": "1.0.0"}, "devDependencies": {"vite": "5.4.0"}}`,
				"web/index.html":   `<script type="module" src="/src/main.ts"></script>`,
				"web/src/main.ts":  "import { createClient } from '@dypai/client'\n\nexport const dypai = createClient(import.meta.env.VITE_DYPAI_URL)\n" + tc.jsMain,
				"web/src/other.ts": "import { dypai } from './main'\n" + tc.jsOther,
			})
			out, errOut, code := dypailint(t, dir, "./...")
			if out != tc.want || errOut != "" || code != map[bool]int{true: 1, false: 0}[tc.want != ""] {
				t.Errorf("exit %d\nstdout:\n%s\nwant:\n%s\nstderr:\n%s", code, out, tc.want, errOut)
			}
		})
	}
}
