package bundlescan

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/bundlescan/synth"
	"github.com/dypai/dypailint/internal/testtree"
)

// Keys used by the fixtures. None is real.
const (
	ctorKey   = "dyp_live_Q2hhbmdlTWVQbGVhc2UxMjM0"
	headerKey = "dyp_live_HeaderLiteral9f8e7d6c"
	envKey    = "dyp_live_4Rk9TqZx2LmW7vNc8HbYp3Js"
)

// The app the esbuild fixtures bundle: one leaked literal key passed to the
// SDK's constructor, one literal X-API-KEY header, and the decoys.
var appSources = map[string]string{
	"src/main.ts": `import { createClient } from '@dypai/client'
import { callWithKey, logo, assetHash } from './sdk-like'

const KEY = '` + ctorKey + `'
export const admin = createClient('https://acme.dypai.app', KEY)
export const anon = createClient('https://abcdefghijklmnop.supabase.co', '` + synth.AnonJWT + `')
export const user = createClient('https://acme.dypai.app')

export async function sync() {
  await fetch('https://acme.dypai.app/api/sync', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-KEY': '` + headerKey + `' },
  })
}

export function viaSDK(key: string) {
  return callWithKey('https://acme.dypai.app/api/x', key)
}

export const assets = { logo, assetHash }
`,
	// The SDK's own code: the header name is a constant, the value a parameter.
	"src/sdk-like.ts": `const H = 'X-API-KEY'

export function callWithKey(url: string, key: string) {
  const headers: Record<string, string> = {}
  headers[H] = key
  return fetch(url, { headers, body: JSON.stringify({ 'X-API-KEY': key }) })
}

export const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
export const assetHash = 'sha256-9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'
`,
}

// build bundles src/main.ts of dir with esbuild, minified, into dir/outdir.
func build(t testing.TB, dir, outdir string, sourcemap api.SourceMap, content api.SourcesContent, define map[string]string) string {
	t.Helper()
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{"src/main.ts"},
		AbsWorkingDir:     dir,
		Outdir:            outdir,
		Bundle:            true,
		Write:             true,
		Format:            api.FormatESModule,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		External:          []string{"@dypai/client"},
		Sourcemap:         sourcemap,
		SourcesContent:    content,
		Define:            define,
		LogLevel:          api.LogLevelSilent,
	})
	if len(res.Errors) > 0 {
		t.Fatalf("esbuild: %v", res.Errors)
	}
	return filepath.Join(dir, outdir, "main.js")
}

func scanDirs(t testing.TB, cfg *config.Config, env map[string]string, dirs ...string) ([]finding.Finding, []error) {
	t.Helper()
	if cfg == nil {
		cfg = &config.Config{}
	}
	s := &Scanner{LookupEnv: func(k string) (string, bool) { v, ok := env[k]; return v, ok }}
	fs, errs := s.Scan(context.Background(), dirs, cfg)
	for _, f := range fs {
		if f.RuleID != rules.DYP001 && !slices.Contains(rules.CheckedBy(rules.Bundle), f.RuleID) {
			t.Errorf("%s reported, but the catalogue does not say the bundle scanner checks it", f.RuleID)
		}
	}
	return fs, errs
}

// posOf returns the 1-based line and byte column of the first occurrence
// of needle in file.
func posOf(t testing.TB, file, needle string) (int, int) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), needle)
	if i < 0 {
		t.Fatalf("%s does not contain %q", file, needle)
	}
	return newLineIndex(data).pos(i)
}

// render shows a finding as file:line:col: message (RULE) [related…], with
// paths relative to root.
func render(root string, f finding.Finding) string {
	rel := func(p string) string {
		if r, err := filepath.Rel(root, p); err == nil {
			return filepath.ToSlash(r)
		}
		return p
	}
	s := fmt.Sprintf("%s:%d:%d: %s (%s)", rel(f.Loc.File), f.Loc.Line, f.Loc.Col, f.Message, f.RuleID)
	for _, r := range f.Related {
		s += fmt.Sprintf(" [%s:%d:%d: %s]", rel(r.File), r.Line, r.Col, r.Message)
	}
	return s
}

func renderAll(root string, fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, render(root, f))
	}
	return out
}

func checkFindings(t *testing.T, root string, got []finding.Finding, want []string) {
	t.Helper()
	g := renderAll(root, got)
	if strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(want, "\n"))
	}
}

func noErrors(t *testing.T, errs []error) {
	t.Helper()
	for _, e := range errs {
		t.Errorf("unexpected error: %v", e)
	}
}

// assertRedacted checks that no finding shows more than the first four
// characters of a secret, in any field, plain or encoded.
func assertRedacted(t *testing.T, fs []finding.Finding, secrets ...string) {
	t.Helper()
	data, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, s := range secrets {
		if strings.Contains(text, s[:5]) {
			t.Errorf("findings show more than the first 4 characters of secret %s…", s[:4])
		}
		for i := 0; i+8 <= len(s); i++ {
			if strings.Contains(text, s[i:i+8]) {
				t.Errorf("findings show part of secret %s…: %q", s[:4], s[i:i+8])
				break
			}
		}
		for _, enc := range []string{base64.StdEncoding.EncodeToString([]byte(s)), url.QueryEscape(s)} {
			if strings.Contains(text, enc[:8]) {
				t.Errorf("findings show an encoding of secret %s…", s[:4])
			}
		}
	}
}

func bundleMsg(bundle, what, secret, how string) string {
	return fmt.Sprintf("bundle %s ships %s (%s…)%s: remove it from client code, call api_key endpoints only from a server, and rotate the key",
		filepath.ToSlash(bundle), what, secret[:4], how)
}

func TestEsbuildBundleWithoutSourceMap(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, appSources)
	bundle := build(t, dir, "dist", api.SourceMapNone, api.SourcesContentInclude, nil)

	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)
	l1, c1 := posOf(t, bundle, ctorKey)
	l2, c2 := posOf(t, bundle, headerKey)
	checkFindings(t, dir, fs, []string{
		fmt.Sprintf("dist/main.js:%d:%d: %s (DYP103)", l1, c1, bundleMsg(bundle, "an API key", ctorKey, " as the key argument of createClient")),
		fmt.Sprintf("dist/main.js:%d:%d: %s (DYP103)", l2, c2, bundleMsg(bundle, "an API key", headerKey, " as a literal X-API-KEY header")),
	})
	if fs[0].Loc.EndCol-fs[0].Loc.Col != len(ctorKey) {
		t.Errorf("finding spans %d bytes, want the key's %d", fs[0].Loc.EndCol-fs[0].Loc.Col, len(ctorKey))
	}
	assertRedacted(t, fs, ctorKey, headerKey)
}

func TestEsbuildBundleWithSourcesContent(t *testing.T) {
	for _, tc := range []struct {
		name string
		mode api.SourceMap
	}{{"linked", api.SourceMapLinked}, {"external", api.SourceMapExternal}, {"inline", api.SourceMapInline}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			testtree.Write(t, dir, appSources)
			bundle := build(t, dir, "dist", tc.mode, api.SourcesContentInclude, nil)
			main := filepath.Join(dir, "src", "main.ts")
			// The header key is also a named secret: its base64 form is in
			// an inline map's data URL, which must not count as a leak.
			fs, errs := scanDirs(t, &config.Config{SecretEnv: []string{"DYPAI_API_KEY"}}, map[string]string{"DYPAI_API_KEY": headerKey}, dir)
			noErrors(t, errs)
			l1, c1 := posOf(t, main, ctorKey)
			l2, c2 := posOf(t, main, headerKey)
			g1, gc1 := posOf(t, bundle, ctorKey)
			g2, gc2 := posOf(t, bundle, headerKey)
			named := fmt.Sprintf("bundle %s ships the value of DYPAI_API_KEY (dyp_…) as a literal X-API-KEY header: keep the value out of client code and public env vars, call api_key endpoints only from a server, and rotate it", filepath.ToSlash(bundle))
			checkFindings(t, dir, fs, []string{
				fmt.Sprintf("src/main.ts:%d:%d: %s (DYP103) [dist/main.js:%d:%d: shipped in bundle %s]", l1, c1, bundleMsg(bundle, "an API key", ctorKey, " as the key argument of createClient"), g1, gc1, filepath.ToSlash(bundle)),
				fmt.Sprintf("src/main.ts:%d:%d: %s (DYP103) [dist/main.js:%d:%d: shipped in bundle %s]", l2, c2, named, g2, gc2, filepath.ToSlash(bundle)),
			})
			assertRedacted(t, fs, ctorKey, headerKey)
		})
	}
}

// A map without sourcesContent only maps positions: the bundle's findings
// move to the original positions, which exist on disk.
func TestEsbuildBundlePositionsOnlyMap(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, appSources)
	bundle := build(t, dir, "dist", api.SourceMapLinked, api.SourcesContentExclude, nil)
	main := filepath.Join(dir, "src", "main.ts")

	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)
	l1, c1 := posOf(t, main, ctorKey)
	l2, c2 := posOf(t, main, headerKey)
	g1, gc1 := posOf(t, bundle, ctorKey)
	g2, gc2 := posOf(t, bundle, headerKey)
	checkFindings(t, dir, fs, []string{
		fmt.Sprintf("src/main.ts:%d:%d: %s (DYP103) [dist/main.js:%d:%d: shipped in bundle %s]", l1, c1, bundleMsg(bundle, "an API key", ctorKey, " as the key argument of createClient"), g1, gc1, filepath.ToSlash(bundle)),
		fmt.Sprintf("src/main.ts:%d:%d: %s (DYP103) [dist/main.js:%d:%d: shipped in bundle %s]", l2, c2, bundleMsg(bundle, "an API key", headerKey, " as a literal X-API-KEY header"), g2, gc2, filepath.ToSlash(bundle)),
	})

	// Once the original is gone, the finding stays in the bundle and names
	// the original position.
	if err := os.Remove(main); err != nil {
		t.Fatal(err)
	}
	fs, _ = scanDirs(t, nil, nil, dir)
	if len(fs) != 2 || fs[0].Loc.File != bundle || len(fs[0].Related) != 1 || fs[0].Related[0].File != main || fs[0].Related[0].Line != l1 {
		t.Errorf("with the original missing: %q", renderAll(dir, fs))
	}
}

// Suppression in the original source: a directive with a reason suppresses
// the finding reported there; one without a reason does not and is
// reported; one that suppresses nothing is reported.
func TestSourceDirectives(t *testing.T) {
	dir := t.TempDir()
	src := map[string]string{
		"src/main.ts": `import { createClient } from '@dypai/client'
// dypai-ignore DYP103 a scoped, read-only key for the public demo
export const admin = createClient('https://acme.dypai.app', '` + ctorKey + `')
export async function sync() {
  // dypai-ignore DYP103
  await fetch('/api/sync', { headers: { 'X-API-KEY': '` + headerKey + `' } })
}
// dypai-ignore DYP103 stale: nothing here any more
export const n = 1
`,
	}
	testtree.Write(t, dir, src)
	l, c := posOf(t, filepath.Join(dir, "src", "main.ts"), headerKey)
	for _, tc := range []struct {
		content api.SourcesContent
		want    []string
	}{
		// With sourcesContent the scanner sees every directive of the
		// source and reports the stale one.
		{api.SourcesContentInclude, []string{fmt.Sprintf("main.ts:%d:%d DYP103", l, c), "main.ts:8:1 DYP001"}},
		// With positions only, it reads the original from disk where a
		// finding lands, to honour its directives; a stale one there is
		// the JS scanner's to report.
		{api.SourcesContentExclude, []string{fmt.Sprintf("main.ts:%d:%d DYP103", l, c)}},
	} {
		build(t, dir, "dist", api.SourceMapLinked, tc.content, nil)
		fs, errs := scanDirs(t, nil, nil, dir)
		noErrors(t, errs)
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%s:%d:%d %s", filepath.Base(f.Loc.File), f.Loc.Line, f.Loc.Col, f.RuleID))
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("got %v, want %v\n%s", got, tc.want, strings.Join(renderAll(dir, fs), "\n"))
		}
		if len(fs) == 2 && fs[1].Message != "suppression of DYP103 matches no finding on this line or the next: remove it" {
			t.Errorf("DYP001 message: %s", fs[1].Message)
		}
	}
	// The directive without a reason is the JS scanner's to report (it
	// owns the sources); here it only fails to suppress.
}

// Next.js static export: inline scripts of the built pages (__NEXT_DATA__
// and flight data) and a chunk with a public env var inlined by the build.
func TestNextStaticExport(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		".env.local": "NEXT_PUBLIC_DYPAI_URL=https://acme.dypai.app\nNEXT_PUBLIC_DYPAI_API_KEY=" + envKey + "\n",
		"src/main.ts": `const KEY = process.env.NEXT_PUBLIC_DYPAI_API_KEY ?? ''
export function resync(u: string) { return fetch(u, { method: 'POST', headers: { 'X-API-KEY': KEY } }) }
export const url = process.env.NEXT_PUBLIC_DYPAI_URL
`,
		"out/index.html": `<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body>
<img alt="logo" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"erp":{"headers":{"X-API-KEY":"` + headerKey + `"}},"anon":"` + synth.AnonJWT + `"}},"page":"/","query":{},"buildId":"b1"}</script>
<script>self.__next_f.push([1,"2:[\"$\",\"div\",null,{\"headers\":{\"x-api-key\":\"` + ctorKey + `\"}}]\n"])</script>
<script>const H="X-API-KEY";window.cfg={headerName:H}</script>
</body></html>
`,
	})
	chunk := build(t, dir, "out/_next/static/chunks", api.SourceMapNone, api.SourcesContentInclude, map[string]string{
		"process.env.NEXT_PUBLIC_DYPAI_API_KEY": `"` + envKey + `"`,
		"process.env.NEXT_PUBLIC_DYPAI_URL":     `"https://acme.dypai.app"`,
	})
	page := filepath.Join(dir, "out", "index.html")
	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)

	lh, ch := posOf(t, page, headerKey)
	// The flight data's key is reported at the string that holds it.
	lf, flightCol := posOf(t, page, `2:[\"$\"`)
	lc, cc := posOf(t, chunk, envKey)
	le, ce := 2, 1
	pageMsg := func(secret, how string) string {
		return fmt.Sprintf("built page %s ships an API key (%s…)%s: remove it from client code, call api_key endpoints only from a server, and rotate the key", filepath.ToSlash(page), secret[:4], how)
	}
	t.Logf("%s", strings.Join(renderAll(dir, fs), "\n"))
	checkFindings(t, dir, fs, []string{
		fmt.Sprintf(".env.local:%d:%d: NEXT_PUBLIC_DYPAI_API_KEY holds a secret but its NEXT_PUBLIC_ prefix makes the build inline it into browser code: drop the prefix, read it only in server code and rotate the key (DYP102)", le, ce),
		fmt.Sprintf("out/_next/static/chunks/main.js:%d:%d: bundle %s ships the value of NEXT_PUBLIC_DYPAI_API_KEY (dyp_…) as a literal X-API-KEY header: keep the value out of client code and public env vars, call api_key endpoints only from a server, and rotate it (DYP103)", lc, cc, filepath.ToSlash(chunk)),
		fmt.Sprintf("out/index.html:%d:%d: %s (DYP103)", lh, ch, pageMsg(headerKey, " as a literal X-API-KEY header")),
		fmt.Sprintf("out/index.html:%d:%d: %s (DYP103)", lf, flightCol, pageMsg(ctorKey, " as a literal x-api-key header")),
	})
	assertRedacted(t, fs, headerKey, ctorKey, envKey)
}

func TestBase64Alignments(t *testing.T) {
	sec := &secret{value: envKey, names: []string{"K"}}
	ns := needles([]*secret{sec})
	for shift := range 3 {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding} {
			text := []byte(`x="` + enc.EncodeToString(append([]byte("abc")[:shift], envKey...)) + `"`)
			if hs := valueHits(text, -1, -1, ns, nil, sdk.Dypai.SecretJWTRoles); len(hs) == 0 {
				t.Errorf("shift %d: %s not found", shift, text)
			}
		}
	}
}

func TestKnownSecretForms(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"build/static/js/main.js": `const s=createClient("https://p.supabase.co","` + synth.ServiceRoleJWT + `"),a=createClient("https://p.supabase.co","` + synth.AnonJWT + `");`,
	})
	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "ships a service_role JWT (eyJh…) as the key argument of createClient") {
		t.Errorf("got %q", renderAll(dir, fs))
	}
	assertRedacted(t, fs, synth.ServiceRoleJWT)

	// Secret prefixes come from the profile's table.
	hs := valueHits([]byte(`k="sb_secret_abcdefgh12345678";p="sb_secret_x";q="xsb_secret_abcdefgh12345678"`), -1, -1, nil, []string{"sb_secret_"}, nil)
	if len(hs) != 1 || hs[0].secret != "sb_secret_abcdefgh12345678" || hs[0].what != "a secret key (sb_secret_ prefix)" {
		t.Errorf("prefix hits: %+v", hs)
	}
}

// TestSupabaseProfile: under the supabase profile (where only the
// service-role key is privileged) the anon key in createClient and an
// apikey header is silent; the service-role JWT, an sb_secret_ key and
// the value of SUPABASE_SERVICE_ROLE_KEY from .env are reported, in the
// profile's words.
func TestSupabaseProfile(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		// VITE_FIREBASE_API_KEY: a key made to be public (regression,
		// tvet-connect-kenya): neither DYP102 nor its value in a bundle.
		".env": "SUPABASE_SERVICE_ROLE_KEY=svc-value-0123456789abcdef\nVITE_SUPABASE_ANON_KEY=" + synth.AnonJWT + "\nVITE_FIREBASE_API_KEY=AIzaSyFixtureFirebaseWebKey0123456789\n",
		"dist/assets/index.js": `const a=createClient("https://p.supabase.co","` + synth.AnonJWT + `");` +
			`fetch(u,{headers:{apikey:"` + synth.AnonJWT + `"}});` + "\n" +
			`const s=createClient("https://p.supabase.co","` + synth.ServiceRoleJWT + `");` + "\n" +
			`const k="sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";` + "\n" +
			`const e="svc-value-0123456789abcdef";const f={apiKey:"AIzaSyFixtureFirebaseWebKey0123456789"};`,
	})
	fs, errs := scanDirs(t, &config.Config{Profile: "supabase"}, nil, dir)
	noErrors(t, errs)
	want := []string{
		"dist/assets/index.js:2: bundle dist/assets/index.js ships a service_role JWT (eyJh…): remove it from client code, use the service-role key only in server code, and rotate the key",
		"dist/assets/index.js:3: bundle dist/assets/index.js ships a secret key (sb_secret_ prefix) (sb_s…): remove it from client code, use the service-role key only in server code, and rotate the key",
		"dist/assets/index.js:4: bundle dist/assets/index.js ships the value of SUPABASE_SERVICE_ROLE_KEY (svc-…): keep the value out of client code and public env vars, use the service-role key only in server code, and rotate it",
	}
	var got []string
	for _, f := range fs {
		rel, _ := filepath.Rel(dir, f.Loc.File)
		got = append(got, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rel), f.Loc.Line, strings.ReplaceAll(f.Message, dir+string(filepath.Separator), "")))
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	assertRedacted(t, fs, synth.ServiceRoleJWT, "svc-value-0123456789abcdef")
}

// Where build folders are, and where they are not.
func TestDiscovery(t *testing.T) {
	dir := t.TempDir()
	leak := `f({"X-API-KEY":"` + headerKey + `"})`
	testtree.Write(t, dir, map[string]string{
		"dypai.yaml":                         "js:\n  build_dirs: ['web/public/assets', 'web/.cache/bundles']\nignore: ['**/fixtures/**']\n",
		"web/.next/static/chunks/app.js":     leak,
		"web/.next/server/app/page.js":       leak, // server code
		"web/.next/cache/x.js":               leak,
		"web/dist/assets/index.mjs":          leak,
		"web/public/assets/app.js":           leak, // dypai.yaml build_dirs
		"web/.cache/bundles/app.js":          leak, // dypai.yaml build_dirs, in a hidden folder
		"web/src/app.js":                     leak, // sources: the JS scanner's business
		"web/node_modules/pkg/dist/index.js": leak,
		"web/fixtures/dist/index.js":         leak, // ignored by dypai.yaml
		"web/dist/assets/style.css":          leak,
		"web/dist/assets/index.js.map":       `{"version":3,"sources":[],"mappings":""}`,
		"vendor/x/dist/a.js":                 leak,
		"web/.hidden/dist/a.js":              leak,
	})
	// The repository is the tree: naming a folder inside it still finds
	// the build folder and dypai.yaml above.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A symlink loop and a link to a build folder seen already.
	if err := os.Symlink("..", filepath.Join(dir, "web", "dist", "loop")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "web", "dist"), filepath.Join(dir, "web", "dist-link")); err != nil {
		t.Fatal(err)
	}
	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)
	var got []string
	for _, f := range fs {
		r, _ := filepath.Rel(dir, f.Loc.File)
		got = append(got, filepath.ToSlash(r))
	}
	want := []string{"web/.cache/bundles/app.js", "web/.next/static/chunks/app.js", "web/dist/assets/index.mjs", "web/public/assets/app.js"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("reported %v\nwant %v", got, want)
	}

	// Naming a folder inside a build folder, or the build folder itself.
	for _, sub := range []string{"web/dist/assets", "web/dist", "web/.next"} {
		fs, errs := scanDirs(t, nil, nil, filepath.Join(dir, sub))
		noErrors(t, errs)
		if len(fs) != 1 {
			t.Errorf("scan of %s: %q", sub, renderAll(dir, fs))
		}
	}
}

func TestBinaryAndBrokenInputs(t *testing.T) {
	dir := t.TempDir()
	bin := make([]byte, 4096)
	for i := range bin {
		bin[i] = byte(i * 7)
	}
	latin1 := []byte(strings.Repeat("caf\xe9 \xe0 la cr\xe8me ", 300))
	testtree.Write(t, dir, map[string]string{
		"dist/blob.js":        string(bin),
		"dist/latin1.js":      string(latin1),
		"dist/ok.js":          `f({"X-API-KEY":"` + headerKey + `"})` + "\n//# sourceMappingURL=ok.js.map",
		"dist/ok.js.map":      `{"version":3,"sources":["a.ts"],"mappings":"!!!"}`,
		"dist/inline.js":      "var a=1;\n//# sourceMappingURL=data:application/json;base64,not-base64!",
		"dist/unclosed.js":    "var s=\"unterminated\n`also ${ unterminated /* and",
		"dist/nomap.js":       "var a=1;\n//# sourceMappingURL=missing.js.map",
		"dist/empty.js":       "",
		"dist/v2.js":          "var a=1;\n//# sourceMappingURL=v2.js.map",
		"dist/v2.js.map":      `{"version":2,"sources":[],"mappings":""}`,
		"dist/badjson.js":     "var a=1;\n//# sourceMappingURL=badjson.js.map",
		"dist/badjson.js.map": `{"version":3,`,
	})
	fs, errs := scanDirs(t, nil, nil, dir)
	var notes []string
	for _, e := range errs {
		var n *finding.Problem
		if !errors.As(e, &n) || !n.Notice {
			t.Errorf("not a notice: %v", e)
			continue
		}
		r, _ := filepath.Rel(dir, n.File)
		notes = append(notes, filepath.ToSlash(r)+": "+n.Msg)
	}
	want := []string{
		"dist/badjson.js.map: source map not used: unexpected end of JSON input; findings are reported in the bundle",
		"dist/blob.js: skipped: binary content (control bytes or invalid UTF-8), not a script",
		"dist/inline.js: source map not used: inline source map: illegal base64 data at input byte 3; findings are reported in the bundle",
		"dist/latin1.js: skipped: binary content (control bytes or invalid UTF-8), not a script",
		"dist/ok.js.map: source map not used: invalid character in mappings at 0; findings are reported in the bundle",
		"dist/v2.js.map: source map not used: version 2 is not supported (want 3); findings are reported in the bundle",
	}
	slices.Sort(notes)
	if fmt.Sprint(notes) != fmt.Sprint(want) {
		t.Errorf("notices\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(want, "\n"))
	}
	if len(fs) != 1 || filepath.Base(fs[0].Loc.File) != "ok.js" || fs[0].Loc.Line != 1 || fs[0].Loc.Col != 17 {
		t.Errorf("findings: %q", renderAll(dir, fs))
	}
}

func TestRulesDisabled(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		".env":      "NEXT_PUBLIC_API_KEY=" + envKey + "\n# dypai-ignore DYP102\n",
		"dist/a.js": `f({"X-API-KEY":"` + headerKey + `"})`,
	})
	for _, tc := range []struct {
		cfg  *config.Config
		want []string
	}{
		{&config.Config{Disable: []string{rules.DYP103}}, []string{"DYP102", "DYP001"}},
		{&config.Config{Disable: []string{"publicenv", "directive"}}, []string{"DYP103"}},
		{&config.Config{Enable: []string{rules.DYP001}}, []string{"DYP001"}},
	} {
		fs, _ := scanDirs(t, tc.cfg, nil, dir)
		var got []string
		for _, f := range fs {
			got = append(got, f.RuleID)
		}
		slices.Sort(got)
		slices.Sort(tc.want)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("enable %v, disable %v: got %v, want %v", tc.cfg.Enable, tc.cfg.Disable, got, tc.want)
		}
	}
}

func TestSourceRulesHook(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, appSources)
	bundle := build(t, dir, "dist", api.SourceMapLinked, api.SourcesContentInclude, nil)
	main := filepath.Join(dir, "src", "main.ts")
	l1, _ := posOf(t, main, ctorKey)
	var seen []string
	s := &Scanner{
		LookupEnv: func(string) (string, bool) { return "", false },
		SourceRules: func(ctx context.Context, files []SourceFile) []finding.Finding {
			for _, f := range files {
				seen = append(seen, filepath.Base(f.Path)+"<"+filepath.Base(f.Bundle))
			}
			return []finding.Finding{{RuleID: rules.DYP103, Loc: finding.Location{File: main, Line: l1, Col: 1}, Message: "from the hook"}}
		},
	}
	fs, errs := s.Scan(context.Background(), []string{dir}, &config.Config{})
	noErrors(t, errs)
	if fmt.Sprint(seen) != "[main.ts<main.js sdk-like.ts<main.js]" {
		t.Errorf("hook saw %v", seen)
	}
	// The hook's finding replaces the scanner's on that line; the header
	// finding stays.
	if len(fs) != 2 || fs[0].Message != "from the hook" || fs[0].Related[0].File != bundle || !strings.Contains(fs[1].Message, "X-API-KEY header") {
		t.Errorf("got %q", renderAll(dir, fs))
	}
}

func TestCancel(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{"dist/a.js": `f({"X-API-KEY":"` + headerKey + `"})`})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, errs := (&Scanner{}).Scan(ctx, []string{dir}, &config.Config{})
	if len(errs) == 0 || !errors.Is(errs[len(errs)-1], context.Canceled) {
		t.Errorf("errs = %v, want context.Canceled", errs)
	}
}

// A generated minified bundle with every decoy: only the planted leaks.
func TestSynthBundle(t *testing.T) {
	dir := t.TempDir()
	const size = 1 << 20
	testtree.Write(t, dir, map[string]string{
		"dist/assets/index.js": string(synth.Bundle(size, 1, synth.Leaks{HeaderKey: headerKey, Secret: envKey})),
	})
	fs, errs := scanDirs(t, &config.Config{SecretEnv: []string{"DYPAI_API_KEY"}}, map[string]string{"DYPAI_API_KEY": envKey}, dir)
	noErrors(t, errs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Message[strings.Index(f.Message, "ships"):strings.Index(f.Message, ":")])
	}
	want := []string{"ships an API key (dyp_…) as a literal X-API-KEY header", "ships the value of DYPAI_API_KEY (dyp_…)"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// Third-party secret keys whose prefixes are unambiguous are DYP103 in a
// bundle, in every profile; a test-mode key is a note, not a finding; a
// publishable key and look-alike words are nothing.
func TestThirdPartyKeyFormats(t *testing.T) {
	dir := t.TempDir()
	keys := map[string]string{
		"openai":    "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
		"anthropic": "sk-ant-api03-2gfKDx4fq2eny08wGfX6grLDHk",
		"stripe":    "rk_live_51HqLyjWDarjtT1zdp7dcXYZ",
		"groq":      "gsk_QyxtVVrsT8A6mOlXekLtWGdyb3FY",
	}
	var b strings.Builder
	for _, name := range []string{"anthropic", "groq", "openai", "stripe"} {
		fmt.Fprintf(&b, "var %s=%q;\n", name, keys[name])
	}
	b.WriteString("var test=\"sk_test_51HqLyjWDarjtT1zdp7dcXYZ\";\nvar pub=\"pk_live_51HqLyjWDarjtT1zdp7dcXYZ\";\nvar words=\"sk-button sk-proj-x\";\n")
	testtree.Write(t, dir, map[string]string{"dist/app.js": b.String()})
	for _, profile := range []string{"dypai", "supabase"} {
		fs, errs := scanDirs(t, &config.Config{Profile: profile}, nil, dir)
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%d:%s", f.Loc.Line, f.RuleID))
		}
		if want := "[1:DYP103 2:DYP103 3:DYP103 4:DYP103]"; fmt.Sprint(got) != want {
			t.Errorf("%s: findings %v, want %s", profile, got, want)
		}
		assertRedacted(t, fs, keys["openai"], keys["anthropic"], keys["stripe"], keys["groq"])
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "dist/app.js: 5:11: a test-mode secret key (sk_t…) ships in this bundle") {
			t.Errorf("%s: notes %v, want the test key's", profile, errs)
		}
	}
}

// A leak a generated bundle repeats thousands of times is one finding
// saying how many more there are, made before the findings are: holding
// one per repeat cost gigabytes.
func TestRepeatedLeakFolded(t *testing.T) {
	dir := t.TempDir()
	leak := `fetch(u,{headers:{"X-API-KEY":"` + headerKey + `"}});`
	testtree.Write(t, dir, map[string]string{"dist/app.js": strings.Repeat(leak, 5000) + "\nfetch(u,{headers:{\"X-API-KEY\":\"dyp_live_another0123456789\"}})"})
	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)
	if len(fs) != 2 || !strings.HasSuffix(fs[0].Message, "(and 4999 more times in this file)") || fs[0].Loc.Col != 32 || strings.Contains(fs[1].Message, "more times") {
		t.Errorf("findings: %s", renderAll(dir, fs))
	}
}
