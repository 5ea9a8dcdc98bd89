package jsscan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/testtree"
)

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pat, name string
		want      bool
	}{
		{"**/fixtures/**", "src/fixtures/a.ts", true},
		{"**/fixtures/**", "fixtures/a.ts", true},
		{"**/fixtures/**", "src/fixture/a.ts", false},
		{"scripts/*.ts", "scripts/seed.ts", true},
		{"scripts/*.ts", "scripts/sub/seed.ts", false},
		{"**", "a/b/c", true},
	}
	for _, tt := range tests {
		if got := project.MatchGlob(tt.pat, tt.name); got != tt.want {
			t.Errorf("matchGlob(%q, %q) = %v, want %v", tt.pat, tt.name, got, tt.want)
		}
	}
}

func scan(t *testing.T, cfg *config.Config, roots ...string) *Result {
	t.Helper()
	res, err := Scan(context.Background(), roots, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func summary(fs []finding.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, filepath.Base(f.Loc.File)+":"+itoa(f.Loc.Line)+":"+f.RuleID)
	}
	return strings.Join(out, " ")
}

const leakyApp = `'use client'
import { createClient } from '@dypai/client'
export const admin = createClient('u', process.env.DYPAI_API_KEY)
`

func TestDiscovery(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"web/package.json":                  `{"dependencies":{"next":"14"}}`,
		"web/app/page.tsx":                  leakyApp,
		"web/node_modules/x/index.js":       leakyApp,
		"web/dist/assets/a.js":              leakyApp,
		"web/.next/static/a.js":             leakyApp,
		"web/packages/inner/package.json":   `{}`,
		"web/packages/inner/src/widget.tsx": leakyApp,
		"notjs/readme.md":                   "no project here",
		"notjs/stray.js":                    leakyApp, // no package.json: not a project
	})
	// A symlink loop must not hang the walk.
	if err := os.Symlink(filepath.Join(dir, "web"), filepath.Join(dir, "web", "app", "loop")); err != nil {
		t.Fatal(err)
	}
	res := scan(t, &config.Config{}, dir)
	if res.Projects != 2 {
		t.Errorf("Projects = %d, want 2 (web and web/packages/inner)", res.Projects)
	}
	if got, want := summary(res.Findings), "page.tsx:03:DYP101 widget.tsx:03:DYP101"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	// A root inside a project scans the project (inside the repository,
	// the tree) but reports only under it.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	res = scan(t, &config.Config{}, filepath.Join(dir, "web", "packages", "inner", "src"))
	if got, want := summary(res.Findings), "widget.tsx:03:DYP101"; got != want {
		t.Errorf("findings under a subdirectory = %s, want %s", got, want)
	}
}

func TestConfig(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":  `{"dependencies":{"next":"14"}}`,
		"app/page.tsx":  leakyApp,
		"fixtures/x.ts": leakyApp,
		"dypai.yaml":    "ignore: ['fixtures/**']\n",
	})
	res := scan(t, &config.Config{}, dir)
	if got, want := summary(res.Findings), "page.tsx:03:DYP101"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	res = scan(t, &config.Config{Disable: []string{"apikeyclient"}}, dir)
	if len(res.Findings) != 0 {
		t.Errorf("disabled rule still reported: %s", summary(res.Findings))
	}
	// A malformed dypai.yaml is an input error; the rest still runs.
	testtree.Write(t, dir, map[string]string{"dypai.yaml": "app: [oops\n"})
	res = scan(t, &config.Config{}, dir)
	if len(res.Errors) == 0 || !strings.Contains(res.Errors[0].Error(), "dypai.yaml") {
		t.Errorf("errors = %v, want a dypai.yaml error", res.Errors)
	}
	if got, want := summary(res.Findings), "page.tsx:03:DYP101 x.ts:03:DYP101"; got != want {
		t.Errorf("findings with a broken manifest = %s, want %s", got, want)
	}
}

func TestServerOnlyInClient(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json": `{"dependencies":{"next":"14"}}`,
		"app/page.tsx": "'use client'\nimport { admin } from '../lib/admin'\nexport default () => String(admin)\n",
		"lib/admin.ts": "import 'server-only'\nimport { createClient } from '@dypai/client'\nexport const admin = createClient('u', process.env.DYPAI_API_KEY)\n",
	})
	res := scan(t, &config.Config{}, dir)
	if len(res.Findings) != 0 {
		t.Errorf("findings = %s, want none (server-only code does not ship)", summary(res.Findings))
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "imports server-only but client code imports it (app/page.tsx ('use client') → lib/admin.ts)") {
		t.Errorf("errors = %v", res.Errors)
	}
}

// A server action module importing server-only, imported by a client
// component: the client gets action references, not the module, so the
// build does not fail and nothing ships (Next.js 15).
func TestServerOnlyServerAction(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":   `{"dependencies":{"next":"15"}}`,
		"app/page.tsx":   "'use client'\nimport { sync } from './actions'\nexport default () => <button onClick={() => sync()}>sync</button>\n",
		"app/actions.ts": "'use server'\nimport 'server-only'\nimport { createClient } from '@dypai/client'\nconst admin = createClient('u', process.env.DYPAI_API_KEY)\nexport async function sync() { await admin.api.post('sync_data', {}) }\n",
	})
	res := scan(t, &config.Config{}, dir)
	if len(res.Findings) != 0 || len(res.Errors) != 0 {
		t.Errorf("findings = %s, errors = %v, want none", summary(res.Findings), res.Errors)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Scan(ctx, []string{"testdata/nextapp"}, nil); err == nil {
		t.Error("Scan with a cancelled context returned no error")
	}
}

// TestIgnoredInputErrors: dypai.yaml's ignore globs silence the input
// errors of the files they exclude, as they do their findings.
func TestIgnoredInputErrors(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":           `{"dependencies":{"react-dom":"18"}}`,
		"dypai.yaml":             "ignore: ['src/fixtures/**']\n",
		"src/main.ts":            "import { createClient } from '@dypai/client'\nimport { x } from './fixtures/broken'\nimport { y } from './broken'\nconsole.log(createClient, x, y)\n",
		"src/fixtures/broken.ts": "export const x = (\n",
		"src/broken.ts":          "export const y = (\n",
	})
	res := scan(t, &config.Config{}, dir)
	var got []string
	for _, e := range res.Errors {
		got = append(got, filepath.Base(e.(*finding.Problem).File))
	}
	if strings.Join(got, " ") != "broken.ts" || !strings.Contains(res.Errors[0].Error(), filepath.Join("src", "broken.ts")) {
		t.Errorf("errors = %v, want only src/broken.ts's", res.Errors)
	}
}

// TestWorkspaceResolve maps workspace package specifiers to sources.
func TestWorkspaceResolve(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":                   `{"name":"root","workspaces":{"packages":["packages/*","!packages/skip"]}}`,
		"packages/a/package.json":        `{"name":"@x/a","main":"./dist/index.js","exports":{".":{"types":"./dist/index.d.ts","import":"./dist/index.mjs"},"./server":"./dist/server.mjs","./icons/*":{"import":"./dist/icons/*.mjs"}}}`,
		"packages/a/src/index.ts":        "",
		"packages/a/src/server.ts":       "",
		"packages/a/src/icons/star.tsx":  "",
		"packages/b/package.json":        `{"name":"@x/b","main":"lib/index.js"}`,
		"packages/b/lib/index.js":        "",
		"packages/b/lib/extra.js":        "",
		"packages/c/package.json":        `{"name":"c-src","exports":"./src/main.tsx"}`,
		"packages/c/src/main.tsx":        "",
		"packages/skip/package.json":     `{"name":"@x/skip","main":"index.js"}`,
		"packages/skip/index.js":         "",
		"packages/nodist/package.json":   `{"name":"@x/nodist","main":"./dist/index.js"}`,
		"packages/nodist/README.md":      "",
		"packages/a/node_modules/x/a.js": "",
	})
	w := project.FindWorkspace(filepath.Join(dir, "packages", "a"))
	if w == nil {
		t.Fatal("no workspace found")
	}
	for spec, want := range map[string]string{
		"@x/a":            "packages/a/src/index.ts",
		"@x/a/server":     "packages/a/src/server.ts",
		"@x/a/icons/star": "packages/a/src/icons/star.tsx",
		"@x/b":            "packages/b/lib/index.js",
		"@x/b/lib/extra":  "packages/b/lib/extra.js",
		"c-src":           "packages/c/src/main.tsx",
		"@x/skip":         "",
		"@x/nodist":       "",
		"@x/ab":           "",
		"react":           "",
	} {
		got, ok := w.Resolve(spec)
		if ok {
			got, _ = filepath.Rel(dir, got)
			got = filepath.ToSlash(got)
		}
		if got != want {
			t.Errorf("resolve(%q) = %q, want %q", spec, got, want)
		}
	}
}

// TestStats: Result.Stats says what was analysed (leaf.ts, stubbed with
// no imports, has no code in the client bundle).
func TestStats(t *testing.T) {
	defer parserGapHook()()
	res := scan(t, &config.Config{}, filepath.Join("testdata", "bug-unparsed-output"))
	if len(res.Stats) != 1 {
		t.Fatalf("Stats = %v, want one project", res.Stats)
	}
	s := res.Stats[0]
	var na []string
	for _, f := range s.NotAnalysed {
		na = append(na, filepath.Base(f))
	}
	if s.Files != 6 || s.Entries["SPA entry"] != 1 || s.ClientModules != 5 || s.ServerModules != 6 || strings.Join(na, " ") != "leaf.ts unreadable.ts" {
		t.Errorf("Stats = %v, not analysed %v", s, na)
	}
	if got := s.String(); !strings.HasSuffix(got, ": 6 files, 1 client entries (1 SPA entry), 5 client modules, 6 server modules, 2 not analysed") {
		t.Errorf("String() = %q", got)
	}
}

// TestSkipsUnrelatedProjects: a project whose files never mention the SDK,
// an API-key header, a public env var or a directive cannot have findings;
// it is not bundled (so its syntax errors are not ours to report), while
// one mention anywhere brings the whole project in.
func TestSkipsUnrelatedProjects(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"unrelated/package.json": `{"dependencies":{"react-dom":"18"}}`,
		"unrelated/src/main.tsx": "import { App } from './app'\nApp()\n",
		"unrelated/src/app.tsx":  "export const App = () => (\n",
		"related/package.json":   `{"dependencies":{"react-dom":"18"}}`,
		"related/src/main.tsx":   "import { boot } from './boot'\nboot()\n",
		"related/src/boot.ts":    "export function boot() { return fetch('/x', { headers: { 'X-Api-Key': 'dyp_abcdefgh12345678' } }) }\n",
	})
	res := scan(t, &config.Config{}, dir)
	if len(res.Errors) != 0 {
		t.Errorf("errors from a project that was not bundled: %v", res.Errors)
	}
	var skipped []string
	for _, st := range res.Stats {
		if st.Skipped {
			skipped = append(skipped, filepath.Base(st.Root))
		}
	}
	if strings.Join(skipped, ",") != "unrelated" {
		t.Errorf("skipped projects = %v, want [unrelated]", skipped)
	}
	if len(res.Findings) != 1 || res.Findings[0].RuleID != "DYP101" || filepath.Base(res.Findings[0].Loc.File) != "boot.ts" {
		t.Errorf("findings = %+v, want one DYP101 in related/src/boot.ts; stats %v", res.Findings, res.Stats)
	}
}

// A Vite SPA building OpenAI with a VITE_ secret: DYP105 (and DYP102 on the
// name), in every profile; the option apiKey is not the Supabase apikey
// header, so the supabase profile adds no DYP101.
func TestSecretSDKInViteSPA(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":        `{"dependencies":{"vite":"5","react-dom":"18","openai":"4"}}`,
		"index.html":          `<script type="module" src="/src/main.ts"></script>`,
		"src/main.ts":         "import { ask } from './utils/openai'\nask('hi')\n",
		"src/utils/openai.js": "import OpenAI from 'openai'\nconst openai = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_SECRET_KEY, dangerouslyAllowBrowser: true })\nexport const ask = (q) => openai.chat.completions.create({ messages: [{ role: 'user', content: q }] })\n",
	})
	for _, profile := range []string{"dypai", "supabase"} {
		res := scan(t, &config.Config{Profile: profile}, dir)
		if got, want := summary(res.Findings), "openai.js:02:DYP105 openai.js:02:DYP102"; got != want {
			t.Errorf("%s: findings = %s, want %s", profile, got, want)
		}
		for _, f := range res.Findings {
			if f.RuleID == "DYP105" && !strings.Contains(f.Message, "dangerouslyAllowBrowser silences the SDK's warning, not the leak") {
				t.Errorf("%s: message does not name dangerouslyAllowBrowser: %s", profile, f.Message)
			}
		}
	}
}

// TestSecretSDKWithoutOtherMentions: a browser app whose only mistake is a
// server-only SDK built with a literal key is scanned (the pre-check that
// skips projects mentioning nothing a rule looks at knows the SDKs' modules).
func TestSecretSDKWithoutOtherMentions(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json": `{"dependencies":{"vite":"5","react-dom":"18","openai":"4"}}`,
		"index.html":   `<script type="module" src="/src/main.ts"></script>`,
		"src/main.ts":  "import OpenAI from 'openai'\nconst openai = new OpenAI({ apiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD', dangerouslyAllowBrowser: true })\nopenai.models.list()\n",
	})
	res := scan(t, &config.Config{}, dir)
	if got, want := summary(res.Findings), "main.ts:02:DYP105"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
}

func itoa(i int) string { return fmt.Sprintf("%02d", i) }

// TestVueCLIPublicEnv: Vue CLI inlines VUE_APP_ variables into the browser
// bundle, as Vite does VITE_ ones: the service-role key read from one is
// exposed (DYP102), and the client's message does not call it undefined.
func TestVueCLIPublicEnv(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":    `{"dependencies":{"vue":"3","@supabase/supabase-js":"2"},"devDependencies":{"@vue/cli-service":"5"}}`,
		"src/main.js":     "import { createApp } from 'vue'\nimport { supabase } from './supabase'\ncreateApp({ data: () => ({ supabase }) }).mount('#app')\n",
		"src/supabase.js": "import { createClient } from '@supabase/supabase-js'\nexport const supabase = createClient(process.env.VUE_APP_SUPABASE_URL, process.env.VUE_APP_SUPABASE_SERVICE_ROLE_KEY)\n",
	})
	res := scan(t, &config.Config{Profile: "supabase"}, dir)
	if got, want := summary(res.Findings), "supabase.js:02:DYP101 supabase.js:02:DYP102"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	for _, f := range res.Findings {
		if f.RuleID == "DYP101" && strings.Contains(f.Message, "undefined there") {
			t.Errorf("the message calls a VUE_APP_ variable undefined in the browser: %s", f.Message)
		}
	}
}

// TestTsconfigPathsNoteStable: of several tsconfig paths leading out of
// the tree, the note names the same one on every run (the first by key,
// not the first a map iteration gives).
func TestTsconfigPathsNoteStable(t *testing.T) {
	dir := t.TempDir()
	repo := filepath.Join(dir, "repo")
	testtree.Write(t, repo, map[string]string{
		".git/HEAD":     "ref: refs/heads/main\n",
		"package.json":  `{"dependencies":{"vite":"5","react-dom":"18","@dypai/client":"1"}}`,
		"index.html":    `<script type="module" src="/src/main.ts"></script>`,
		"tsconfig.json": `{"compilerOptions":{"paths":{"@z/*":["../z/*"],"@m/*":["../m/*"],"@a/*":["../a/*"],"@q/*":["../q/*"],"@k/*":["../k/*"]}}}`,
		"src/main.ts":   "import { createClient } from '@dypai/client'\ncreateClient('https://x.dypai.dev', 'anon')\n",
	})
	for range 12 {
		res := scan(t, &config.Config{}, repo)
		var notes []string
		for _, e := range res.Errors {
			if strings.Contains(e.Error(), "paths") {
				notes = append(notes, e.Error())
			}
		}
		if len(notes) != 1 || !strings.Contains(notes[0], `paths "@a/*"`) {
			t.Fatalf("notes = %q, want one naming paths \"@a/*\"", notes)
		}
	}
}
