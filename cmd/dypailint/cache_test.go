package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const cacheSecret = "dyp_live_5b1f0c9e8d7a6b5c4d3e2f1a0b9c8d7e"

// cacheTree is a monorepo of two JS/TS projects: web ships the API key to
// the browser, admin is clean.
func cacheTree(t *testing.T) string {
	t.Helper()
	return writeModule(t, map[string]string{
		"package.json":            `{"name":"mono","private":true,"workspaces":["apps/*"]}`,
		"apps/web/package.json":   `{"name":"web","dependencies":{"@dypai/client":"1.0.0","next":"15.0.0"}}`,
		"apps/web/app/page.tsx":   "'use client'\nimport { createClient } from '@dypai/client'\nexport const c = createClient('https://x.dypai.dev', '" + cacheSecret + "')\nexport default function Page() { return null }\n",
		"apps/web/.env":           "DYPAI_API_KEY=" + cacheSecret + "\n",
		"apps/admin/package.json": `{"name":"admin","dependencies":{"@dypai/client":"1.0.0","next":"15.0.0"}}`,
		"apps/admin/app/page.tsx": "'use client'\nexport default function Page() { return null }\n",
	})
}

// cached runs dypailint with its own cache directory and returns stdout
// and the -v lines.
func cached(t *testing.T, dir, cache string, args ...string) (string, string) {
	t.Helper()
	out, errOut, code := dypailintEnv(t, dir, []string{"DYPAILINT_CACHE=" + cache}, append([]string{"-v", "-json"}, append(args, "./...")...)...)
	if code == 2 {
		t.Fatalf("exit 2: %s", errOut)
	}
	return out, errOut
}

// TestRerunCache: a second run on an unchanged tree reuses the whole
// result; after an edit, a new file or a configuration change the run
// reports what a run without the cache reports, and only the projects
// whose files changed are scanned again.
func TestRerunCache(t *testing.T) {
	dir, cache := cacheTree(t), filepath.Join(t.TempDir(), "cache")
	web, admin := filepath.Join(dir, "apps", "web"), filepath.Join(dir, "apps", "admin")
	fromCache := func(errOut, root string) bool {
		for _, l := range strings.Split(errOut, "\n") {
			if strings.HasPrefix(l, "dypailint: js: "+root+":") {
				return strings.Contains(l, "from the re-run cache")
			}
		}
		t.Fatalf("-v names no project %s:\n%s", root, errOut)
		return false
	}
	check := func(step string) (string, string) {
		t.Helper()
		out, errOut := cached(t, dir, cache)
		want, _ := cached(t, dir, cache, "-no-cache")
		if out != want {
			t.Errorf("%s: the cached run reports\n%s\nwithout the cache:\n%s", step, out, want)
		}
		return out, errOut
	}

	first, errOut := check("first run")
	if !strings.Contains(first, `"DYP101"`) {
		t.Fatalf("first run: no DYP101 on the planted key:\n%s", first)
	}
	if strings.Contains(errOut, "reused") {
		t.Errorf("first run: a result was reused from an empty cache:\n%s", errOut)
	}
	second, errOut := check("unchanged tree")
	if second != first || !strings.Contains(errOut, "its result is reused") {
		t.Errorf("unchanged tree: the whole result was not reused:\n%s", errOut)
	}

	// An edit in admin: admin is scanned again, web comes from the cache.
	os.WriteFile(filepath.Join(admin, "app", "page.tsx"), []byte("'use client'\nimport { createClient } from '@dypai/client'\nexport const c = createClient('https://x.dypai.dev', '"+cacheSecret+"')\nexport default function Page() { return null }\n"), 0o644)
	out, errOut := check("edit in admin")
	if !strings.Contains(out, `"apps/admin/app/page.tsx"`) {
		t.Errorf("edit in admin: its new leak is not reported:\n%s", out)
	}
	if fromCache(errOut, admin) || !fromCache(errOut, web) {
		t.Errorf("edit in admin: want admin scanned again and web from the cache:\n%s", errOut)
	}

	// A new file in web changes web's files, and may be what an import of
	// any project that did not resolve now finds.
	os.WriteFile(filepath.Join(web, "app", "other.tsx"), []byte("export const x = 1\n"), 0o644)
	if _, errOut = check("new file in web"); fromCache(errOut, web) || fromCache(errOut, admin) {
		t.Errorf("new file in web: a project came from the cache:\n%s", errOut)
	}

	// A configuration file: every project is scanned again.
	os.WriteFile(filepath.Join(dir, "dypai.yaml"), []byte("ignore: ['apps/web/**']\n"), 0o644)
	out, errOut = check("dypai.yaml added")
	if fromCache(errOut, web) || fromCache(errOut, admin) {
		t.Errorf("dypai.yaml added: a project came from the cache:\n%s", errOut)
	}
	if out == first {
		t.Errorf("dypai.yaml added: the result did not change:\n%s", out)
	}
}

// TestCacheKeepsNoSecret: no entry holds the key, nor a long piece of it;
// -no-cache writes nothing.
func TestCacheKeepsNoSecret(t *testing.T) {
	dir, cache := cacheTree(t), filepath.Join(t.TempDir(), "cache")
	cached(t, dir, cache, "-no-cache", "-secret-env", "DYPAI_API_KEY")
	if _, err := os.Stat(cache); err == nil {
		t.Errorf("-no-cache created %s", cache)
	}
	cached(t, dir, cache, "-secret-env", "DYPAI_API_KEY")
	n := 0
	filepath.Walk(cache, func(path string, fi os.FileInfo, err error) error {
		if err != nil || !fi.Mode().IsRegular() {
			return nil
		}
		n++
		data, _ := os.ReadFile(path)
		for _, piece := range []string{cacheSecret, cacheSecret[5:17], cacheSecret[20:]} {
			if strings.Contains(string(data), piece) {
				t.Errorf("%s holds %q of the secret", path, piece)
			}
		}
		return nil
	})
	if n == 0 {
		t.Fatal("the run kept nothing in the cache")
	}
}

// TestCorruptCacheIgnored: entries damaged on disk are ignored and
// replaced; the result is the one without the cache.
func TestCorruptCacheIgnored(t *testing.T) {
	dir, cache := cacheTree(t), filepath.Join(t.TempDir(), "cache")
	want, _ := cached(t, dir, cache)
	filepath.Walk(cache, func(path string, fi os.FileInfo, err error) error {
		if err == nil && fi.Mode().IsRegular() {
			data, _ := os.ReadFile(path)
			os.WriteFile(path, []byte(strings.ReplaceAll(string(data), "DYP101", "DYP999")), 0o600)
		}
		return nil
	})
	out, errOut := cached(t, dir, cache)
	if out != want || strings.Contains(errOut, "reused") {
		t.Errorf("a damaged entry was trusted:\n%s\n%s", out, errOut)
	}
	if again, errOut := cached(t, dir, cache); again != want || !strings.Contains(errOut, "reused") {
		t.Errorf("the damaged entry was not replaced:\n%s", errOut)
	}
}

// TestCacheOffForGoReplaceOutside: a Go module whose go.mod replaces a
// module with a directory outside the tree can change without the tree
// changing: the whole result is not kept.
func TestCacheOffForGoReplaceOutside(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/app\n\ngo 1.22\n\nreplace example.com/lib => ../lib\n",
		"main.go": "package main\n\nfunc main() {}\n",
	})
	cache := filepath.Join(t.TempDir(), "cache")
	_, errOut := cached(t, dir, cache)
	if !strings.Contains(errOut, "the run's result is not kept") {
		t.Errorf("-v does not say the result is not kept:\n%s", errOut)
	}
	if _, errOut = cached(t, dir, cache); strings.Contains(errOut, "reused") {
		t.Errorf("the result was reused:\n%s", errOut)
	}
}

// TestGoLoadCachedAcrossJSEdits: in a repository with Go and JS/TS code, an
// edit of JS/TS code leaves the Go load's result valid; an edit of Go code
// does not.
func TestGoLoadCachedAcrossJSEdits(t *testing.T) {
	dir := cacheTree(t)
	for name, content := range map[string]string{
		"go.mod":  "module example.com/app\n\ngo 1.22\n",
		"main.go": "package main\n\nfunc main() {}\n",
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	cache := filepath.Join(t.TempDir(), "cache")
	goCached := func(errOut string) bool {
		return strings.Contains(errOut, "dypailint: go: "+dir+" (./...): from the re-run cache")
	}
	step := func(name string, wantGoCached bool) {
		t.Helper()
		out, errOut := cached(t, dir, cache)
		if want, _ := cached(t, dir, cache, "-no-cache"); out != want {
			t.Errorf("%s: the cached run reports\n%s\nwithout the cache:\n%s", name, out, want)
		}
		if goCached(errOut) != wantGoCached {
			t.Errorf("%s: Go load from the cache = %v, want %v:\n%s", name, !wantGoCached, wantGoCached, errOut)
		}
	}
	step("first run", false)
	os.WriteFile(filepath.Join(dir, "apps", "admin", "app", "page.tsx"), []byte("'use client'\nexport default function Page() { return 1 }\n"), 0o644)
	step("JS edit", true)
	os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nfunc main() { println() }\n"), 0o644)
	step("Go edit", false)
}
