package jsscan

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/dypai/dypailint/analyzer/config"
)

const keyClient = "import { createClient } from '@dypai/client'\n"

// TestReactNativeWithoutRouter: without expo-router, a React Native app's
// entries are package.json main, App.* and index.*, and what they import
// ships; a module none imports does not.
func TestReactNativeWithoutRouter(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
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
	write(t, dir, map[string]string{
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
		write(t, dir, files)
		if got := summary(scan(t, &config.Config{}, dir).Findings); got != want {
			t.Errorf("%s: findings = %q, want %q", deps, got, want)
		}
	}
}

func TestStripServerCode(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"route.tsx": `import { db } from './db'
import { helper } from './helper'
import { ui } from './ui'
const admin = db('x')
const { api: dbApi, keys } = db('y')
function load() { return admin.get(helper) + dbApi + keys }
function meta() { return ui }
const loader = () => load()
export { meta, loader }
export default function R() { return <p>{ui}</p> }
`,
		"page.tsx": `import { createClient } from '@dypai/client'
const pageAdmin = createClient('u', process.env.DYPAI_API_KEY)
export default function P() { return <p /> }
export const getServerSideProps = async () => ({ props: { x: await pageAdmin.api.get('x') } })
`,
	})
	code, ok := stripServerCode(filepath.Join(dir, "route.tsx"), api.ESNext, routeServerExports, false)
	if !ok {
		t.Fatal("nothing stripped")
	}
	for _, gone := range []string{"./db", "./helper", "admin", "dbApi", "keys", "load", "loader"} {
		if strings.Contains(code, gone) {
			t.Errorf("%q still in stripped route:\n%s", gone, code)
		}
	}
	for _, kept := range []string{"./ui", "function meta", "export {", "meta", "sourceMappingURL"} {
		if !strings.Contains(code, kept) {
			t.Errorf("%q missing from stripped route:\n%s", kept, code)
		}
	}
	// Next.js's SSG transform also drops a top-level client only
	// getServerSideProps uses.
	code, ok = stripServerExports(filepath.Join(dir, "page.tsx"), api.ESNext)
	if !ok || strings.Contains(code, "createClient") || strings.Contains(code, "pageAdmin") {
		t.Errorf("stripped page still builds the client:\n%s", code)
	}
}

// TestBlankKeepsColumns: blanking replaces each character by as many
// spaces as its UTF-16 units, so that columns after it on the line hold.
func TestBlankKeepsColumns(t *testing.T) {
	s := &stripper{code: "a('é😀'); b", cut: []span{{from: 0, to: 12}}}
	if got, want := s.blank(), strings.Repeat(" ", 9)+" b"; got != want {
		t.Errorf("blank = %q, want %q", got, want)
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
	got := strings.Join(strings.Fields(string(stripJSONC([]byte(in)))), "")
	if got != want {
		t.Errorf("stripJSONC = %s, want %s", got, want)
	}
}
