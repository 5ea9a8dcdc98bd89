package bundlescan

import (
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// FuzzParseEnv: any .env text gives variables at its own lines and columns.
func FuzzParseEnv(f *testing.F) {
	for _, s := range []string{"DYPAI_API_KEY=dyp_live_0123456789abcdef\n", "export A=\"multi\nline\"\nB='x' # c\n", "A: b\r\nC=${A}\n",
		"# dypai-ignore DYP102 reason\nNEXT_PUBLIC_X_SECRET=abc\n", "=\n==\n\"", "A=\x00\nB=\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Split(string(data), "\n")
		vars, _ := parseEnv(".env", data)
		for _, v := range vars {
			if v.line < 1 || v.line > len(lines) || v.col < 1 || v.col > len(lines[v.line-1])+1 {
				t.Fatalf("variable %q at %d:%d outside the text", v.name, v.line, v.col)
			}
		}
	})
}

// FuzzScanText: the bundle literal scanner takes any text; its hits lie in
// the text and show no more of a secret than the text holds.
func FuzzScanText(f *testing.F) {
	for _, s := range []string{`fetch(u,{headers:{"X-API-KEY":"dyp_live_0123456789abcdef"}})`, "createClient(u,'dyp_live_0123456789abcdef')",
		"var s=\"unterminated\n`also ${ unterminated /* and", "a = /re[/]/g; b = x / y / z", `eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2ln`,
		"<script>fetch('/x',{headers:{'x-api-key':'sb_secret_0123456789abcdef'}})</script>"} {
		f.Add([]byte(s))
	}
	ns := needles([]*secret{{value: "s3cr3t-value-0123456789", names: []string{"DYPAI_API_KEY"}}})
	profiles := []*sdk.Profile{sdk.Dypai, sdk.Supabase}
	crs := []*ctxRules{ctxRulesFor(sdk.Dypai), ctxRulesFor(sdk.Supabase)}
	f.Fuzz(func(t *testing.T, data []byte) {
		for i, prof := range profiles {
			ts := scanText("dist/a.js", data, []jsSpan{{0, len(data)}}, -1, -1, crs[i], ns, prof.SecretKeyPrefixes, newLineIndex(data))
			for _, h := range ts.hits {
				if h.start < 0 || h.end > len(data) || h.start > h.end {
					t.Fatalf("hit [%d,%d) outside a text of %d bytes", h.start, h.end, len(data))
				}
			}
		}
		_ = htmlScripts(data)
	})
}
