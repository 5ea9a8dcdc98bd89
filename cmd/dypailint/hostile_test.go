package main_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dypai/dypailint/internal/testtree"
)

// Secrets planted in the hostile tree and beside it. None may appear in any
// output beyond its first four characters.
const (
	outsideSecret  = "dyp_live_OUTSIDEcanary0123456789" // in files outside the tree
	syntaxSecret   = "dyp_live_SYNTAXerror0123456789ab" // the token esbuild does not expect
	yamlSecret     = "dyp_live_YAMLvalue0123456789abcd" // a dypai.yaml value quoted back
	tsconfigSecret = "dyp_live_TSCONFIGtoken0123456789" // first token of a broken tsconfig
	envSecret      = "dyp_live_ENVafterNUL0123456789ab" // in a .env file after a NUL byte
	bundleSecret   = "dyp_live_BUNDLEheader0123456789a" // a header repeated 20,000 times
	linkedSecret   = "dyp_live_LINKEDenvfile0123456789" // a .env linked out of the tree
)

var plantedSecrets = []string{outsideSecret, syntaxSecret, yamlSecret, tsconfigSecret, envSecret, bundleSecret, linkedSecret}

// hostileBound is how long a run over the hostile tree may take: each
// case alone is bounded (nesting, depth, findings, project time), so the
// whole tree finishes in seconds; the bound catches a hang.
const hostileBound = 2 * time.Minute

// hostileTree builds, at run time, a repository crafted against the
// linter, and beside it an "outside" folder standing for the rest of the
// machine. It returns the repository and the outside folder.
func hostileTree(t *testing.T) (repo, outside string) {
	t.Helper()
	base := t.TempDir()
	repo, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	leakyClient := "'use client'\nimport { createClient } from '@dypai/client'\nexport const admin = createClient('u', '" + outsideSecret + "')\n"
	testtree.Write(t, outside, map[string]string{
		"leak.ts":         leakyClient,
		"app/page.tsx":    leakyClient,
		".env":            "NEXT_PUBLIC_DYPAI_API_KEY=" + outsideSecret + "\n",
		"tsconfig.json":   outsideSecret + " {",
		"app.js.map":      `{"version":3,"sources":["x.ts"],"sourcesContent":["fetch(u,{headers:{'X-API-KEY':'` + outsideSecret + `'}})"],"mappings":"AAAA"}`,
		"fixme/order.ts":  "import { createClient } from '@dypai/client'\nconst d = createClient('u')\nd.api.post('create_order', { user_id: 1, note: 'x' })\n",
		"dypai.yaml":      "app: saas\n",
		"secret.go":       "package main\n\n// " + outsideSecret + "\nvar _ = 1\n",
		"notes/README.md": outsideSecret,
	})
	mapOut := func(sources ...string) string {
		var contents []string
		for range sources {
			contents = append(contents, `"fetch(u,{headers:{'X-API-KEY':'`+outsideSecret+`'}}) // dypai-ignore DYP103 outside"`)
		}
		q, _ := json.Marshal(sources)
		return `{"version":3,"sources":` + string(q) + `,"sourcesContent":[` + strings.Join(contents, ",") + `],"mappings":"AAAA,CCAA,CCAA,CCAA"}`
	}
	files := map[string]string{
		".git/HEAD":          "ref: refs/heads/main\n",
		"package.json":       `{"name":"web","dependencies":{"next":"14","@dypai/client":"1"}}`,
		"tsconfig.json":      `{"extends": "./tsconfig.base.json", "compilerOptions": {"paths": {"@/*": ["./*"]}}}`,
		"tsconfig.base.json": tsconfigSecret + " {",
		// A client page importing out of the tree, through ../ and a link.
		"app/page.tsx": "'use client'\nimport { admin } from '../../outside/leak'\nimport { x } from './linked/leak'\nimport './deep'\nexport default function P() { return admin && x }\n",
		// The token esbuild trips over is a key.
		"app/broken/page.tsx": "'use client'\nconst config = { key " + syntaxSecret + " }\nexport default config\n",
		// Nested beyond the parsers' bound.
		"app/deep.ts": "export const d = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
		// A stray NUL must not hide the key after it.
		".env":       "# \x00\nNEXT_PUBLIC_DYPAI_API_KEY=" + envSecret + "\n",
		"app/nul.ts": "'use client'\n// \x00\nimport { createClient } from '@dypai/client'\nexport const k = createClient('u', process.env.NEXT_PUBLIC_DYPAI_API_KEY)\n",
		// A terminal escape in a file name.
		"app/a\x1b[2Jevil/page.tsx": "'use client'\nimport { createClient } from '@dypai/client'\nexport const k = createClient('u', process.env.DYPAI_API_KEY)\n",
		// Source maps pointing out of the tree.
		"dist/app.js":      "fetch(u,{headers:{'X-API-KEY':'" + outsideSecret + "'}})\n//# sourceMappingURL=../../outside/app.js.map\n",
		"dist/trav.js":     "fetch(u,{headers:{'X-API-KEY':'" + outsideSecret + "'}})\n//# sourceMappingURL=trav.js.map\n",
		"dist/trav.js.map": mapOut("../../../../etc/passwd", "/etc/hostname", "file:///etc/group", "webpack://_N_E/../../../etc/passwd"),
		// One leak, repeated as a minified bundle repeats it.
		"dist/flood.js": strings.Repeat("fetch(u,{headers:{'X-API-KEY':'"+bundleSecret+"'}});", 20000),
		// A dypai.yaml whose error quotes a key.
		"svc/dypai.yaml":   "app: saas\nsdk: {profile: " + yamlSecret + "}\n",
		"svc/package.json": `{"name":"svc"}`,
		// A tsconfig whose extends leads out of the tree (its target starts
		// with a key), and one whose paths do.
		"ext/package.json":    `{"name":"ext","dependencies":{"vite":"5"}}`,
		"ext/tsconfig.json":   `{"extends": "../../outside/tsconfig.json"}`,
		"ext/src/main.ts":     "import { createClient } from '@dypai/client'\nexport const c = createClient('u')\n",
		"paths/package.json":  `{"name":"paths","dependencies":{"vite":"5"}}`,
		"paths/tsconfig.json": `{"compilerOptions": {"baseUrl": ".", "paths": {"@out/*": ["../../outside/*"]}}}`,
		"paths/src/main.ts":   "import { createClient } from '@dypai/client'\nimport { admin } from '@out/leak'\nexport const c = admin || createClient('u')\n",
		// Go modules asking for a toolchain newer than the local one, and
		// for a module the cache does not have.
		"go/future/go.mod":    "module example.com/future\n\ngo 1.99.1\n",
		"go/future/main.go":   "package main\n\nfunc main() {}\n",
		"go/uncached/go.mod":  "module example.com/uncached\n\ngo 1.22\n\nrequire example.com/notcached v1.0.0\n",
		"go/uncached/main.go": "package main\n\nimport _ \"example.com/notcached\"\n\nfunc main() {}\n",
		// A Go package one of whose files is a link out of the tree.
		"go/linked/go.mod":  "module example.com/linked\n\ngo 1.22\n",
		"go/linked/main.go": "package main\n\nfunc main() {}\n",
	}
	testtree.Write(t, repo, files)
	// Deep directories: walks stop at their bound, and stay linear.
	deep := repo
	for i := 0; i < 200; i++ {
		deep = filepath.Join(deep, "d")
	}
	testtree.Write(t, deep, map[string]string{"x.ts": "export const x = 1\n"})
	for link, target := range map[string]string{
		"app/linked":          filepath.Join(outside, "app"),       // a directory link out
		"app/root":            "/",                                 // the whole file system
		"app/fixme":           filepath.Join(outside, "fixme"),     // -fix must not write there
		".env.local":          filepath.Join(outside, ".env"),      // a file link out
		"go/linked/secret.go": filepath.Join(outside, "secret.go"), // a Go file linked out
		"dist/passwd":         "/etc/passwd",
		"svc/loop":            "..", // a loop inside the tree
	} {
		if err := os.Symlink(target, filepath.Join(repo, filepath.FromSlash(link))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, ".env"), []byte("NEXT_PUBLIC_DYPAI_API_KEY="+linkedSecret+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return repo, outside
}

// runBounded runs the binary in dir under hostileBound, through strace when
// trace is set, and returns stdout, stderr and the exit status.
func runBounded(t *testing.T, dir, trace string, env []string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileBound)
	defer cancel()
	name := bin
	if trace != "" {
		// --seccomp-bpf stops the traced processes only at the syscalls
		// listed, not at every one: the traced run costs a third as much.
		args = append([]string{"-f", "--seccomp-bpf", "-qq", "-e", "trace=open,openat,openat2,creat,truncate,rename,renameat,renameat2,connect", "-o", trace, bin}, args...)
		name = "strace"
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("dypailint %v did not finish within %v", args, hostileBound)
	}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	t.Logf("dypailint %v: %v", args, time.Since(start).Round(time.Millisecond))
	return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
}

// assertNoSecret fails when any output shows more of a planted secret than
// its first four characters.
func assertNoSecret(t *testing.T, what, out string) {
	t.Helper()
	for _, s := range plantedSecrets {
		if strings.Contains(out, s[4:14]) {
			t.Errorf("%s shows the secret %s…:\n%s", what, s[:14], out)
		}
	}
}

// assertOpenedInside fails when the trace shows a file outside the tree
// opened successfully, anything outside it created or changed, or a
// network connection attempted.
func assertOpenedInside(t *testing.T, trace, outside string) {
	t.Helper()
	f, err := os.Open(trace)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	forbidden := []string{outside, "/etc/passwd", "/etc/hostname", "/etc/group"}
	quoted := regexp.MustCompile(`"([^"]*)"`)
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "connect(") && (strings.Contains(line, "AF_INET") || strings.Contains(line, "AF_INET6")) {
			t.Errorf("network use: %s", line)
		}
		if strings.Contains(line, "= -1 ") || strings.Contains(line, "<unfinished") {
			continue // a failed call reads nothing
		}
		for _, m := range quoted.FindAllStringSubmatch(line, -1) {
			if slices.ContainsFunc(forbidden, func(p string) bool { return m[1] == p || strings.HasPrefix(m[1], p+"/") }) {
				t.Errorf("opened outside the tree: %s", line)
			}
		}
		n++
	}
	if n == 0 {
		t.Fatal("the trace recorded no file opened: strace did not trace the run")
	}
}

// TestHostileTree lints a repository crafted against the linter and checks
// what a linter run on untrusted pull requests must never do: read, report
// or write outside the tree, print a secret, hang, or be blinded.
func TestHostileTree(t *testing.T) {
	repo, outside := hostileTree(t)
	trace := ""
	if _, err := exec.LookPath("strace"); err == nil {
		trace = filepath.Join(t.TempDir(), "trace")
	} else {
		t.Log("strace is not installed: opened files are not checked, only reported ones")
	}

	// Text, traced, offline, with a go command free to fetch toolchains and
	// a module proxy that counts what is asked of it.
	proxy, requests := moduleProxy(t)
	env := []string{"GOTOOLCHAIN=auto", "GOPROXY=" + proxy, "GOSUMDB=off", "GOFLAGS=-mod=mod"}
	out, errOut, code := runBounded(t, repo, trace, env, "-offline", "./...")
	if n := requests.Load(); n != 0 {
		t.Errorf("the go command made %d requests under -offline", n)
	}
	if code != 2 {
		t.Errorf("text: exit %d, want 2 (a syntax error and a malformed dypai.yaml are input errors)", code)
	}
	assertNoSecret(t, "text output", out+errOut)
	if strings.Contains(out+errOut, outside) {
		t.Errorf("text output names a path outside the tree (%s)", outside)
	}
	if trace != "" {
		assertOpenedInside(t, trace, outside)
	}
	// What the re-run cache kept of the run holds no secret either.
	filepath.WalkDir(os.Getenv("DYPAILINT_CACHE"), func(path string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			data, _ := os.ReadFile(path)
			assertNoSecret(t, "cache entry "+path, string(data))
		}
		return nil
	})
	if strings.Contains(out+errOut, "\x1b") {
		t.Errorf("text output carries a raw escape character:\n%q", out+errOut)
	}
	for _, want := range []string{
		`app/a\x1b[2Jevil/page.tsx:3:18: `, // escaped, not raw
		".env:2:1: ",                       // the key after the NUL is checked
		"app/nul.ts:4:",                    // the source with a NUL is checked
		"(and 19999 more times in this file) (DYP103)", // one finding for the flood
		"app/linked: symbolic link leads outside the scanned tree; not read",
		"app/root: symbolic link leads outside the scanned tree; not read",
		".env.local: symbolic link leads outside the scanned tree; not read",
		"this import resolves outside the scanned tree",
		`source map source "../../../../etc/passwd" lies outside the scanned tree; treated as absent`,
		"3 more source map sources lie outside the scanned tree",
		"dist/app.js: sourceMappingURL leads outside the scanned tree; treated as absent",
		"app/deep.ts:1:1: skipped: brackets nest more than 500 deep",
		"directories deep; not scanned",
		"tsconfig",
		"svc/dypai.yaml:2:16: unknown SDK profile",
		"ext/tsconfig.json: extends leads outside the scanned tree; not read, and the project's tsconfig files are ignored",
		`paths/tsconfig.json: paths "@out/*" leads outside the scanned tree; not read, and the project's tsconfig files are ignored`,
		"module example.com/future (go/future) could not be loaded: go: go.mod requires go >= 1.99.1",
		"module example.com/uncached (go/uncached) could not be loaded",
		"run `go mod download` first",
		"go/linked/secret.go: symbolic link leads outside the scanned tree; not read",
	} {
		if !strings.Contains(out+errOut, want) {
			t.Errorf("text output lacks %q", want)
		}
	}
	if t.Failed() || os.Getenv("DYPAILINT_SHOW") != "" { // DYPAILINT_SHOW=1: see what a run prints
		t.Logf("stdout:\n%s\nstderr:\n%s", out, errOut)
	}

	assertFormatsInside(t, repo, env, outside)
	assertFixInside(t, repo, trace, env, outside)
}

// assertFormatsInside checks the JSON and SARIF outputs: every reported
// location lies in the tree, and no secret is printed.
func assertFormatsInside(t *testing.T, repo string, env []string, outside string) {
	t.Helper()
	for _, format := range []string{"json", "sarif"} {
		out, errOut, _ := runBounded(t, repo, "", env, "-offline", "-format", format, "./...")
		assertNoSecret(t, format+" output", out+errOut)
		if strings.Contains(out+errOut, outside) {
			t.Errorf("%s output names a path outside the tree (%s)", format, outside)
		}
		if strings.Contains(out, "file://") && !strings.Contains(out, `"uri": "file://`+filepath.ToSlash(repo)) {
			t.Errorf("%s output names a file URI outside the tree", format)
		}
		var doc any
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		walkJSON(doc, func(key, value string) {
			switch key {
			case "file", "uri":
				if value == "" || strings.HasPrefix(value, "..") || filepath.IsAbs(value) && !strings.HasPrefix(value, repo) ||
					strings.HasPrefix(value, "file://") && !strings.HasPrefix(value, "file://"+filepath.ToSlash(repo)) {
					t.Errorf("%s reports a location outside the tree: %s", format, value)
				}
			}
		})
	}
}

// assertFixInside checks that -fix writes nothing outside the tree, and
// nothing through a link out (opened files are traced when trace is set).
func assertFixInside(t *testing.T, repo, trace string, env []string, outside string) {
	t.Helper()
	before, err := os.ReadFile(filepath.Join(outside, "fixme", "order.ts"))
	if err != nil {
		t.Fatal(err)
	}
	fixTrace := ""
	if trace != "" {
		fixTrace = trace + ".fix"
	}
	runBounded(t, repo, fixTrace, env, "-offline", "-fix", "./...")
	after, _ := os.ReadFile(filepath.Join(outside, "fixme", "order.ts"))
	if string(after) != string(before) {
		t.Errorf("-fix changed a file outside the tree:\n%s", after)
	}
	if fixTrace != "" {
		assertOpenedInside(t, fixTrace, outside)
	}
}

// walkJSON calls f for every string value in a decoded JSON document, with
// the key it is under.
func walkJSON(v any, f func(key, value string)) {
	var walk func(key string, v any)
	walk = func(key string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				walk(k, e)
			}
		case []any:
			for _, e := range x {
				walk(key, e)
			}
		case string:
			f(key, x)
		}
	}
	walk("", v)
}
