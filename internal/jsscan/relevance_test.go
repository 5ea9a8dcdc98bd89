package jsscan

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/testtree"
)

// TestPassesNeeded: the byte search that decides which builds run sees
// every file they may read, and leaves out only builds that cannot find
// anything.
func TestPassesNeeded(t *testing.T) {
	for name, c := range map[string]struct {
		files map[string]string
		want  string // findings
		noSrv bool   // the server build is left out
	}{
		// Shared code with no package.json of its own, imported by path:
		// the app's own files mention nothing.
		"shared code imported by path": {files: map[string]string{
			"shared/admin.ts":  "import { createClient } from '@dypai/client'\nexport const admin = createClient('u', process.env.DYPAI_API_KEY)\n",
			"app/package.json": `{"dependencies":{"vite":"5","react-dom":"18"}}`,
			"app/index.html":   `<script type="module" src="/src/main.ts"></script>`,
			"app/src/main.ts":  "import { admin } from '../../shared/admin'\nadmin.api.get('x')\n",
		}, want: "admin.ts:02:DYP101"},
		// Vite's envPrefix exposes APP_ variables: the search knows the
		// project's prefixes, not only the usual ones.
		"custom Vite envPrefix": {files: map[string]string{
			"package.json":   `{"dependencies":{"vite":"5","react-dom":"18"}}`,
			"vite.config.ts": "export default { envPrefix: 'APP_' }\n",
			"index.html":     `<script type="module" src="/src/main.ts"></script>`,
			"src/main.ts":    "fetch('/x', { headers: { token: import.meta.env.APP_SECRET_TOKEN } })\n",
		}, want: "main.ts:01:DYP102"},
		// A server-only SDK is a finding in browser code only: the server
		// build has nothing to look for.
		"server-only SDK only": {files: map[string]string{
			"package.json":         `{"dependencies":{"next":"15","react":"19","stripe":"17"}}`,
			"app/api/pay/route.ts": "import Stripe from 'stripe'\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY)\nexport async function POST() { return Response.json(await stripe.charges.list()) }\n",
			"app/pay.tsx":          "'use client'\nimport Stripe from 'stripe'\nconst stripe = new Stripe(process.env.NEXT_PUBLIC_STRIPE_SK)\nexport default function Pay() { return <button onClick={() => stripe.charges.list()} /> }\n",
		}, want: "pay.tsx:03:DYP105", noSrv: true},
		// A secret-looking public env var read on the server is still
		// reported, so the server build runs.
		"public secret read on the server": {files: map[string]string{
			"package.json":       `{"dependencies":{"next":"15","react":"19"}}`,
			"app/api/x/route.ts": "export async function GET() { return Response.json({ k: process.env.NEXT_PUBLIC_ADMIN_SECRET }) }\n",
		}, want: "route.ts:01:DYP102"},
		// A key header named in a placeholder and a comment is no header:
		// the server build stays out (chatbot-ui's shape).
		"key header in text only": {files: map[string]string{
			"package.json":       `{"dependencies":{"next":"15","react":"19","stripe":"17"}}`,
			"app/pay.tsx":        "'use client'\nimport Stripe from 'stripe'\nconst stripe = new Stripe(process.env.NEXT_PUBLIC_STRIPE_SK)\nexport default function Pay() { return <button onClick={() => stripe.charges.list()} /> }\n",
			"app/tool.tsx":       "'use client'\n// custom headers, e.g. X-API-KEY\nexport default function Tool() { return <input placeholder={`{\"X-API-KEY\": \"1234567890\"}`} /> }\n",
			"app/api/x/route.ts": "export async function GET() { return Response.json({}) }\n",
		}, want: "pay.tsx:03:DYP105", noSrv: true},
		// The header as a string, and as a template literal, is one: the
		// builds run (nothing else here would make them), and the key it
		// carries is found.
		"key header as a string": {files: map[string]string{
			"package.json": `{"dependencies":{"next":"15","react":"19"}}`,
			"app/page.tsx": "'use client'\nexport default function P() { fetch('/x', { headers: { 'X-API-KEY': 'dyp_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c' } }); return null }\n",
		}, want: "page.tsx:02:DYP101"},
		"key header as a template literal": {files: map[string]string{
			"package.json": `{"dependencies":{"next":"15","react":"19"}}`,
			"app/page.tsx": "'use client'\nexport default function P() { const h = new Headers(); h.set(`X-API-KEY`, 'dyp_live_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c'); fetch('/x', { headers: h }); return null }\n",
		}, want: "page.tsx:02:DYP101"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			testtree.Write(t, dir, c.files)
			res := scan(t, &config.Config{}, dir)
			if got := summary(res.Findings); got != c.want {
				t.Errorf("findings = %s, want %s", got, c.want)
			}
			noSrv := false
			for _, s := range res.Stats {
				noSrv = noSrv || s.NoServerBuild
			}
			if noSrv != c.noSrv {
				t.Errorf("server build left out: %v, want %v (%v)", noSrv, c.noSrv, res.Stats)
			}
		})
	}
}

// TestTestFilesWithTestsOnly: tests (x.spec.ts, __tests__/) never ship and
// call endpoints with keys and user ids on purpose; they are analysed only
// when asked for, as Go's are.
func TestTestFilesWithTestsOnly(t *testing.T) {
	call := "export async function order(userId: string) {\n  await fetch('/api/orders', { method: 'POST', headers: { 'x-api-key': process.env.DYPAI_API_KEY! }, body: JSON.stringify({ userId }) })\n}\n"
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"package.json":            `{"dependencies":{"next":"15","react":"19"}}`,
		"app/api/health/route.ts": "export async function GET() { return Response.json({ ok: true }) }\n",
		"e2e/orders.spec.ts":      call,
		"lib/__tests__/orders.ts": call,
	})
	if got := summary(scan(t, &config.Config{}, dir).Findings); got != "" {
		t.Errorf("without Tests: findings %s, want none", got)
	}
	if got, want := summary(scan(t, &config.Config{Tests: true}, dir).Findings), "orders.spec.ts:02:DYP301 orders.ts:02:DYP301"; got != want {
		t.Errorf("with Tests: findings %s, want %s", got, want)
	}
}
