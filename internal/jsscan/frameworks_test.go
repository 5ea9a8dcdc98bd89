package jsscan

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/testtree"
)

const keyClient = "import { createClient } from '@dypai/client'\n"

// TestReactNativeWithoutRouter: without expo-router, a React Native app's
// entries are package.json main, App.* and index.*, and what they import
// ships; a module none imports does not.
func TestReactNativeWithoutRouter(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":     `{"main":"src/boot.js","dependencies":{"react-native":"0.76.0"}}`,
		"src/boot.js":      "import { AppRegistry } from 'react-native'\nimport { setup } from './setup'\nAppRegistry.registerComponent('app', () => setup)\n",
		"src/setup.ts":     keyClient + "export const setup = createClient('u', process.env.DYPAI_API_KEY)\n",
		"App.tsx":          "import { admin } from './lib/admin'\nexport default function App() { return String(admin) }\n",
		"lib/admin.ts":     keyClient + "export const admin = createClient('u', process.env.DYPAI_API_KEY)\n",
		"scripts/seed.ts":  keyClient + "export const seed = createClient('u', process.env.DYPAI_API_KEY)\n",
		"server/cron.ts":   keyClient + "export const cron = createClient('u', process.env.DYPAI_API_KEY)\n",
		"tools/unused.tsx": keyClient + "export const x = createClient('u', process.env.DYPAI_API_KEY)\n",
	})
	res := scan(t, &config.Config{}, dir)
	if got, want := summary(res.Findings), "admin.ts:02:DYP101 setup.ts:02:DYP101"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	for _, f := range res.Findings {
		if filepath.Base(f.Loc.File) == "setup.ts" && !strings.Contains(f.Message, "src/boot.js (React Native app) → src/setup.ts") {
			t.Errorf("message = %q, want the chain from package.json main", f.Message)
		}
	}
}

// TestRemixRoutesUnknown: a Remix app whose routes cannot be told (a routes
// config naming no file and not using flatRoutes) has every module of its
// app directory taken as a route module, loaders stripped.
func TestRemixRoutesUnknown(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":        `{"dependencies":{"@remix-run/react":"2.15.0","@remix-run/node":"2.15.0"}}`,
		"app/routes.ts":       "import { generated } from './route-gen'\nexport default generated()\n",
		"app/pages/home.tsx":  keyClient + "const serverOnly = createClient('u', process.env.DYPAI_API_KEY)\nexport const loader = () => serverOnly.api.get('x')\nexport default function Home() { return String(createClient('u', process.env.DYPAI_API_KEY)) }\n",
		"app/entry.server.ts": keyClient + "export default createClient('u', process.env.DYPAI_API_KEY)\n",
	})
	res := scan(t, &config.Config{}, dir)
	if got, want := summary(res.Findings), "home.tsx:04:DYP101"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
}

// TestRemixV1Routes: Remix 1's convention makes every file below
// app/routes a route; flat routes (Remix 2, React Router 7) only files
// directly in it and <dir>/route.*.
func TestRemixV1Routes(t *testing.T) {
	files := map[string]string{
		"app/routes/admin/users.tsx": keyClient + "export default function U() { return String(createClient('u', process.env.DYPAI_API_KEY)) }\n",
	}
	for deps, want := range map[string]string{
		`{"dependencies":{"@remix-run/react":"^1.19.0"}}`: "users.tsx:02:DYP101",
		`{"dependencies":{"@remix-run/react":"^2.15.0"}}`: "",
	} {
		dir := t.TempDir()
		files["package.json"] = deps
		testtree.Write(t, dir, files)
		if got := summary(scan(t, &config.Config{}, dir).Findings); got != want {
			t.Errorf("%s: findings = %q, want %q", deps, got, want)
		}
	}
}

func TestStripJSONC(t *testing.T) {
	in := `{
  // a comment
  "a": "http://x/*y*/", /* block */
  "b": [1, 2,],
  "c": {"d": "e\"//",},
}`
	want := `{"a":"http://x/*y*/","b":[1,2],"c":{"d":"e\"//"}}`
	got := strings.Join(strings.Fields(string(project.StripJSONC([]byte(in)))), "")
	if got != want {
		t.Errorf("stripJSONC = %s, want %s", got, want)
	}
}

// TestNuxt4Layout: in a Nuxt 4 app the source directory is app/: its
// components ship though nothing imports them, ~ resolves there, and the
// root's server/ and *.server.* files stay on the server.
func TestNuxt4Layout(t *testing.T) {
	dir := t.TempDir()
	leak := "<script setup lang=\"ts\">\n" + keyClient + "const admin = createClient('u', process.env.DYPAI_API_KEY)\n</script>\n"
	testtree.Write(t, dir, map[string]string{
		"package.json":                    `{"dependencies":{"nuxt":"^4.0.0","vue":"^3.5.0"}}`,
		"app/app.vue":                     "<template><NuxtPage /></template>\n",
		"app/pages/index.vue":             "<script setup lang=\"ts\">\nimport { admin } from '~/lib/admin'\n</script>\n<template><p>{{ admin }}</p></template>\n",
		"app/lib/admin.ts":                keyClient + "export const admin = createClient('u', process.env.DYPAI_API_KEY)\n",
		"app/components/Panel.vue":        leak,
		"app/features/Widget.vue":         leak,
		"app/components/Stats.server.vue": leak,
		"app/utils/unused.ts":             keyClient + "export function unused() {}\n",
		"lib/seed.ts":                     keyClient + "export const seed = createClient('u', process.env.DYPAI_API_KEY)\n",
		"server/api/orders.ts":            keyClient + "export default createClient('u', process.env.DYPAI_API_KEY)\n",
	})
	res := scan(t, &config.Config{}, dir)
	wantFindingsOnly(t, res, "Panel.vue:03:DYP101 Widget.vue:03:DYP101 admin.ts:02:DYP101")
}

// TestSvelteKitEntries: SvelteKit's browser modules are the route
// components and universal load modules, +error, and the client and
// universal hooks; server hooks, +server, .server modules and modules
// nothing imports are not.
func TestSvelteKitEntries(t *testing.T) {
	dir := t.TempDir()
	leak := keyClient + "export const admin = createClient('u', process.env.DYPAI_API_KEY)\n"
	svelte := "<script>\n" + keyClient + "const admin = createClient('u', process.env.DYPAI_API_KEY)\n</script>\n<p>{admin}</p>\n"
	testtree.Write(t, dir, map[string]string{
		"package.json":                       `{"devDependencies":{"@sveltejs/kit":"^2.0.0","svelte":"^5.0.0","vite":"^6.0.0"}}`,
		"src/hooks.client.ts":                leak,
		"src/hooks.ts":                       leak,
		"src/hooks.server.ts":                leak,
		"src/routes/+error.svelte":           svelte,
		"src/routes/(app)/+layout@.svelte":   svelte,
		"src/routes/(app)/+layout.js":        leak,
		"src/routes/(app)/+layout.server.js": leak,
		"src/routes/api/+server.ts":          leak,
		"src/lib/Unused.svelte":              svelte,
		"src/lib/secrets.server.ts":          leak,
	})
	res := scan(t, &config.Config{}, dir)
	wantFindingsOnly(t, res, "hooks.client.ts:02:DYP101 hooks.ts:02:DYP101 +layout.js:02:DYP101 +layout@.svelte:03:DYP101 +error.svelte:03:DYP101")
}

// TestSvelteSPA: in a Svelte app on Vite, src/main.ts's import graph
// continues into components, and from their markup into the components
// they render.
func TestSvelteSPA(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":       `{"devDependencies":{"svelte":"^5.0.0","vite":"^6.0.0","@sveltejs/vite-plugin-svelte":"^5.0.0"}}`,
		"src/main.ts":        "import { mount } from 'svelte'\nimport App from './App.svelte'\nmount(App, { target: document.body })\n",
		"src/App.svelte":     "<script lang=\"ts\">\n  import Admin from './Admin.svelte'\n</script>\n\n<Admin />\n",
		"src/Admin.svelte":   "<h1>admin</h1>\n<script lang=\"ts\">\n" + keyClient + "  const admin = createClient('u', process.env.DYPAI_API_KEY)\n</script>\n",
		"src/Orphan.svelte":  "<script lang=\"ts\">\n" + keyClient + "  const admin = createClient('u', process.env.DYPAI_API_KEY)\n</script>\n",
		"src/lib/types.d.ts": "export interface Order { id: string }\n",
	})
	res := scan(t, &config.Config{}, dir)
	if got, want := summary(res.Findings), "Admin.svelte:04:DYP101"; got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	if len(res.Findings) == 1 && !strings.Contains(res.Findings[0].Message, "src/main.ts (SPA entry) → src/App.svelte → src/Admin.svelte") {
		t.Errorf("message = %q, want the chain through the components", res.Findings[0].Message)
	}
	if len(res.Stats) != 1 || res.Stats[0].Files != 4 {
		t.Errorf("stats = %v, want 4 files (components in, declaration file out)", res.Stats)
	}
}

// wantFindingsOnly checks a scan's findings (see summary) and that it
// reported no error.
func wantFindingsOnly(t *testing.T, res *Result, want string) {
	t.Helper()
	if got := summary(res.Findings); got != want {
		t.Errorf("findings = %s, want %s", got, want)
	}
	for _, e := range res.Errors {
		t.Errorf("unexpected error: %v", e)
	}
}

// TestLibraryIsNoSPA: react-dom (or another UI library) marks an SPA whose
// src/index.* runs in the browser, unless the package is a library (main,
// module or exports), whose apps decide what ships: a server package
// rendering emails with react-dom is server code. A bundler makes an SPA
// whatever package.json says.
func TestLibraryIsNoSPA(t *testing.T) {
	index := "import Stripe from 'stripe'\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!)\n"
	for name, c := range map[string]struct {
		pkg, want string
	}{
		"library with react-dom": {`{"name":"@x/emails","main":"src/index.ts","dependencies":{"react-dom":"19","stripe":"17"}}`, ""},
		"library with exports":   {`{"name":"@x/emails","exports":{".":"./src/index.ts"},"dependencies":{"react-dom":"19","stripe":"17"}}`, ""},
		"app with react-dom":     {`{"name":"web","dependencies":{"react-dom":"19","stripe":"17"}}`, "index.ts:02:DYP105"},
		"library built by vite":  {`{"name":"web","main":"src/index.ts","dependencies":{"react-dom":"19","stripe":"17"},"devDependencies":{"vite":"5"}}`, "index.ts:02:DYP105"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			testtree.Write(t, dir, map[string]string{"package.json": c.pkg, "src/index.ts": index})
			if got := summary(scan(t, &config.Config{}, dir).Findings); got != c.want {
				t.Errorf("findings = %q, want %q", got, c.want)
			}
		})
	}
}
