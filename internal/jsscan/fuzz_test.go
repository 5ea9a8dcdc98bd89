package jsscan

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/testtree"
)

// FuzzScanFile: the JS/TS scanner on one client module with any content
// ends without a panic (a panic is an internal error naming the project),
// and reports only inside the project, at lines of the file.
func FuzzScanFile(f *testing.F) {
	for _, s := range []string{leakyApp, "'use client'\nimport { createClient as c } from '@dypai/client'\nconst k = process.env.NEXT_PUBLIC_DYPAI_API_KEY\nexport const a = c(u, k)\n",
		"'use client'\nimport * as d from '@dypai/client'\nconst x = d.createClient(u)\nx.api.post('create_order', { user_id: 1 })\n",
		"'use client'\n// dypai-ignore DYP101\nexport const s = `${`${'", "'use client'\nfetch('/x', { headers: { 'X-API-KEY': 'dyp_live_0123456789abcdef' } })\n",
		"'use client'\nexport default function P() { return <div onClick={() => {}}>{'}'}</div> }\n", "\x00\xff\xfe"} {
		f.Add(s)
	}
	dir := f.TempDir()
	testtree.Write(f, dir, map[string]string{"package.json": `{"dependencies":{"next":"14"}}`})
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		f.Fatal(err)
	}
	page := filepath.Join(dir, "app", "page.tsx")
	f.Fuzz(func(t *testing.T, src string) {
		testtree.Write(t, dir, map[string]string{"app/page.tsx": src})
		res, err := Scan(context.Background(), []string{dir}, &config.Config{})
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Count(src, "\n") + 1
		for _, e := range res.Errors {
			if strings.Contains(e.Error(), "internal error") {
				t.Fatalf("scanner panicked: %v", e)
			}
		}
		for _, fd := range res.Findings {
			if fd.Loc.File != page || fd.Loc.Line < 1 || fd.Loc.Line > lines {
				t.Fatalf("finding outside the file: %s:%d", fd.Loc.File, fd.Loc.Line)
			}
		}
	})
}
