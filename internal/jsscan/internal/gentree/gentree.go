// Package gentree generates a synthetic Next.js app-router project of any
// size for benchmarking the JS/TS scanner (and for comparing it with other
// scanners, such as gitleaks, on the same tree). The tree is deterministic:
// the same n gives the same files.
//
// Layout, for n files in all (n >= 20): lib/ (shared modules, a user
// client, an API-key client for server code), components/ (client
// components, each importing a few lower-numbered components and libs),
// app/<feature>/page.tsx ('use client' pages), app/api/<feature>/route.ts
// (route handlers using the API-key client) and a dypai.yaml declaring
// the endpoints. A few modules put the API-key client within reach of the
// browser, so a scan has findings to report.
package gentree

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Generate writes a project of about n source files under dir.
func Generate(dir string, n int) error {
	if n < 20 {
		n = 20
	}
	libs := n / 10
	routes := n / 10
	pages := n / 5
	comps := n - libs - routes - pages
	w := &writer{dir: dir}
	w.config()
	w.libs(libs)
	w.components(comps, libs)
	w.pages(pages, comps)
	w.routes(routes)
	return w.err
}

// config writes package.json, tsconfig.json, dypai.yaml and the two clients
// of lib/.
func (w *writer) config() {
	w.file("package.json", `{
  "name": "gentree",
  "private": true,
  "dependencies": { "next": "14.2.0", "react": "18.3.0", "react-dom": "18.3.0", "@dypai/client": "1.0.0" }
}
`)
	w.file("tsconfig.json", `{ "compilerOptions": { "jsx": "preserve", "baseUrl": ".", "paths": { "@/*": ["./*"] } } }
`)
	var y strings.Builder
	y.WriteString("app: saas\nendpoints:\n")
	for i := 0; i < 50; i++ {
		fmt.Fprintf(&y, "  get_item_%d: { auth_mode: jwt }\n  save_item_%d: { auth_mode: jwt, params: [item] }\n  sync_item_%d: { auth_mode: api_key }\n", i, i, i)
	}
	w.file("dypai.yaml", y.String())
	w.file("lib/dypai.ts", `import { createClient } from '@dypai/client'

export const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!)
`)
	w.file("lib/admin.ts", `import 'server-only'
import { createClient } from '@dypai/client'

export const admin = createClient(process.env.DYPAI_URL!, process.env.DYPAI_API_KEY)
`)
}

// libs writes lib/lib2.ts … lib/lib<libs-1>.ts; every 50th, from the 7th,
// builds an API-key client in shared code.
func (w *writer) libs(libs int) {
	for i := 2; i < libs; i++ {
		var b strings.Builder
		b.WriteString("import { dypai } from '@/lib/dypai'\n")
		if i%50 == 7 {
			b.WriteString("import { createClient } from '@dypai/client'\n\n")
			fmt.Fprintf(&b, "export const leaked%d = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!, process.env.DYPAI_API_KEY)\n", i)
		}
		fmt.Fprintf(&b, `
export type Item%[1]d = { id: string; name: string; price: number; tags: string[] }

export function format%[1]d(item: Item%[1]d): string {
  const tags = item.tags.map((t) => t.trim().toLowerCase()).filter(Boolean)
  return `+"`${item.name} (${item.price.toFixed(2)}) [${tags.join(', ')}]`"+`
}

export async function load%[1]d(id: string): Promise<Item%[1]d | null> {
  const { data } = await dypai.api.get('get_item_%[2]d', { id })
  return (data as Item%[1]d) ?? null
}

export async function save%[1]d(item: Item%[1]d, userId?: string) {
  const payload = { item, note: 'from lib %[1]d' }
  if (userId && item.price < 0) {
    return dypai.api.post('save_item_%[2]d', { ...payload, user_id: userId })
  }
  return dypai.api.post('save_item_%[2]d', payload)
}

export function unusedHelper%[1]d(xs: number[]): number {
  let total = 0
  for (const x of xs) total += x * %[1]d
  return total
}
`, i, i%50)
		w.file(fmt.Sprintf("lib/lib%d.ts", i), b.String())
	}
}

// components writes components/c0.tsx … : client components, each
// importing a lib and a few lower-numbered components.
func (w *writer) components(comps, libs int) {
	lib := func(i int) int { return 2 + i%max(1, libs-2) }
	for i := 0; i < comps; i++ {
		var b strings.Builder
		b.WriteString("'use client'\nimport { useState } from 'react'\n")
		l := lib(i)
		fmt.Fprintf(&b, "import { load%[1]d, save%[1]d, format%[1]d, type Item%[1]d } from '@/lib/lib%[1]d'\n", l)
		if l%50 == 7 {
			fmt.Fprintf(&b, "import { leaked%d } from '@/lib/lib%d'\n", l, l)
		}
		var kids []int
		for _, d := range []int{1, 7, 31} {
			if i-d >= 0 {
				kids = append(kids, i-d)
			}
		}
		for _, k := range kids {
			fmt.Fprintf(&b, "import { Comp%d } from './c%d'\n", k, k)
		}
		fmt.Fprintf(&b, `
type Props = { id: string; onDone?: () => void }

export function Comp%[1]d({ id, onDone }: Props) {
  const [item, setItem] = useState<Item%[2]d | null>(null)
  const [busy, setBusy] = useState(false)
  async function refresh() {
    setBusy(true)
    try {
      setItem(await load%[2]d(id))
    } finally {
      setBusy(false)
    }
  }
  async function submit() {
    if (!item) return
    await save%[2]d({ ...item, name: item.name.trim() })
    onDone?.()
  }
  return (
    <section data-id={id} aria-busy={busy}>
      <h2>{item ? format%[2]d(item) : 'loading'}</h2>
      <button onClick={refresh}>refresh</button>
      <button onClick={submit} disabled={!item}>save</button>
`, i, l)
		for _, k := range kids {
			fmt.Fprintf(&b, "      <Comp%d id={id + '-%d'} />\n", k, k)
		}
		if l%50 == 7 {
			fmt.Fprintf(&b, "      <p hidden>{String(Boolean(leaked%d))}</p>\n", l)
		}
		b.WriteString("    </section>\n  )\n}\n")
		w.file(fmt.Sprintf("components/c%d.tsx", i), b.String())
	}
}

// pages writes app/f<i>/page.tsx: 'use client' pages rendering a component.
func (w *writer) pages(pages, comps int) {
	for i := 0; i < pages; i++ {
		c := (i * 13) % max(1, comps)
		w.file(fmt.Sprintf("app/f%d/page.tsx", i), fmt.Sprintf(`'use client'
import { Comp%[1]d } from '@/components/c%[1]d'
import { dypai } from '@/lib/dypai'

export default function Page%[2]d() {
  const ping = () => dypai.api.get('get_item_%[3]d')
  return (
    <main onClick={ping}>
      <Comp%[1]d id="page-%[2]d" />
    </main>
  )
}
`, c, i, i%50))
	}
}

// routes writes app/api/f<i>/route.ts: route handlers using the API-key
// client.
func (w *writer) routes(routes int) {
	for i := 0; i < routes; i++ {
		w.file(fmt.Sprintf("app/api/f%d/route.ts", i), fmt.Sprintf(`import { admin } from '@/lib/admin'

export async function POST(req: Request) {
  const body = (await req.json()) as { since?: string; userId?: string }
  await admin.api.post('sync_item_%[1]d', { since: body.since ?? 'yesterday' })
  if (body.userId === 'x') {
    await admin.api.post('save_item_%[1]d', { item: {}, user_id: body.userId })
  }
  return Response.json({ ok: true })
}
`, i%50))
	}
}

type writer struct {
	dir string
	err error
}

func (w *writer) file(rel, content string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(p, []byte(content), 0o644)
}
