package transform

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/dypai/dypailint/internal/testtree"
)

func TestStripServerCode(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
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
	code, ok := StripServerCode(filepath.Join(dir, "route.tsx"), api.ESNext, RouteServerExports, false)
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

func TestStripServerExports(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "page.tsx")
	testtree.Write(t, dir, map[string]string{"page.tsx": `import { admin } from './admin'
import { dypai } from './dypai'
import './styles.css'
export default function P() { return <p>{String(dypai)}</p> }
export async function getServerSideProps() { return { props: { x: await admin.api.get('x') } } }
`})
	code, ok := stripServerExports(page, api.ESNext)
	if !ok {
		t.Fatal("nothing stripped")
	}
	for _, gone := range []string{"./admin", "function getServerSideProps", "admin.api"} {
		if strings.Contains(code, gone) {
			t.Errorf("%q still in stripped page:\n%s", gone, code)
		}
	}
	// The export stays, with no value, so that importers still link.
	for _, kept := range []string{"./dypai", "./styles.css", "\nexport var getServerSideProps;\n//# sourceMappingURL"} {
		if !strings.Contains(code, kept) {
			t.Errorf("%q missing from stripped page:\n%s", kept, code)
		}
	}
}
