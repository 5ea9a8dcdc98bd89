package bundlescan

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/testtree"
)

// msg is DYP102's message for a browser-exposed secret-like name, spelled
// out to pin the wording.
func msg(name, prefix string) string {
	return fmt.Sprintf("%s holds a secret but its %s prefix makes the build inline it into browser code: drop the prefix, read it only in server code and rotate the key", name, prefix)
}

func TestEnvFiles(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"web/.env": `# Browser-safe
NEXT_PUBLIC_DYPAI_URL=https://acme.dypai.app
DYPAI_API_KEY=` + envKey + `
export VITE_STRIPE_SECRET="sk_live_abcdefghijklmnop" # a comment
# dypai-ignore DYP102 the sandbox key of a mock server, not a real secret
NEXT_PUBLIC_MOCK_API_KEY=mock_0123456789abcdef
NEXT_PUBLIC_OTHER_API_KEY=abcdefghijkl0123 # dypai-ignore DYP102 inline, with a reason
# dypai-ignore DYP102
REACT_APP_PRIVATE_TOKEN='multi word value'
# dypai-ignore DYP102 stale: the variable below is fine
NEXT_PUBLIC_SITE_NAME=Acme
`,
		"web/.env.example": `NEXT_PUBLIC_DYPAI_API_KEY=your-api-key-here
GATSBY_SERVICE_KEY=
PUBLIC_API_KEY=` + headerKey + `
`,
		"web/.env.production.local": "NUXT_PUBLIC_SERVICE_ROLE=\"line1\nline2\"\nEXPO_PUBLIC_APIKEY: k_0123456789\n",
		"web/.envrc":                "export NEXT_PUBLIC_API_KEY=ignored-not-dotenv\n",
		"web/node_modules/pkg/.env": "NEXT_PUBLIC_API_KEY=in-a-dependency-000\n",
	})
	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)
	checkFindings(t, dir, fs, []string{
		"web/.env:4:8: " + msg("VITE_STRIPE_SECRET", "VITE_") + " (DYP102)",
		"web/.env:8:1: suppression directive gives no reason: say why the finding does not apply (DYP001)",
		"web/.env:9:1: " + msg("REACT_APP_PRIVATE_TOKEN", "REACT_APP_") + " (DYP102)",
		"web/.env:10:1: suppression of DYP102 matches no finding on this line or the next: remove it (DYP001)",
		"web/.env.example:3:1: PUBLIC_API_KEY holds a secret but its PUBLIC_ prefix makes the build inline it into browser code, and this example file gives it a real-looking value (dyp_…): drop the prefix, put a placeholder here and rotate the key (DYP102)",
		"web/.env.production.local:1:1: " + msg("NUXT_PUBLIC_SERVICE_ROLE", "NUXT_PUBLIC_") + " (DYP102)",
		"web/.env.production.local:3:1: " + msg("EXPO_PUBLIC_APIKEY", "EXPO_PUBLIC_") + " (DYP102)",
	})
	assertRedacted(t, fs, headerKey, envKey)
	if fs[0].Loc.EndCol != 8+len("VITE_STRIPE_SECRET") {
		t.Errorf("DYP102 should span the name: %+v", fs[0].Loc)
	}
}

// The prefixes a project's build tool exposes decide: in a Vite app,
// REACT_APP_ and NEXT_PUBLIC_ names are not shipped; in a Next.js app,
// VITE_ and PUBLIC_ ones are not.
func TestEnvFilesByBuildTool(t *testing.T) {
	dir := t.TempDir()
	env := "VITE_DYPAI_API_KEY=k_0123456789abcdef\nREACT_APP_DYPAI_API_KEY=k_0123456789abcdef\nNEXT_PUBLIC_DYPAI_API_KEY=k_0123456789abcdef\nPUBLIC_DYPAI_SECRET=k_0123456789abcdef\n"
	testtree.Write(t, dir, map[string]string{
		"vite/package.json": `{"devDependencies":{"vite":"5"}}`,
		"vite/.env":         env,
		"next/package.json": `{"dependencies":{"next":"15"}}`,
		"next/.env":         env,
	})
	fs, errs := scanDirs(t, nil, nil, dir)
	noErrors(t, errs)
	checkFindings(t, dir, fs, []string{
		"next/.env:3:1: " + msg("NEXT_PUBLIC_DYPAI_API_KEY", "NEXT_PUBLIC_") + " (DYP102)",
		"vite/.env:1:1: " + msg("VITE_DYPAI_API_KEY", "VITE_") + " (DYP102)",
	})
}

func TestParseEnv(t *testing.T) {
	vars, ds := parseEnv("f", []byte("\uFEFFA=1\n  export B = 'two # not a comment' # c\nC=\"x\\ny\"\nD=plain value # tail\nE:  colon\n# dypai-ignore DYP102 why\nF=`tick`\n=bad\nG\n"))
	var got []string
	for _, v := range vars {
		got = append(got, fmt.Sprintf("%s=%q@%d:%d", v.name, v.value, v.line, v.col))
	}
	want := []string{`A="1"@1:1`, `B="two # not a comment"@2:10`, `C="x\ny"@3:1`, `D="plain value"@4:1`, `E="colon"@5:1`, `F="tick"@7:1`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if len(ds) != 1 || ds[0].Line != 6 || ds[0].Reason != "why" {
		t.Errorf("directives: %+v", ds)
	}
}

// Values of named secrets are found as they are, base64-encoded at any
// alignment and URL-encoded; values from .env files count too.
func TestSecretValues(t *testing.T) {
	dir := t.TempDir()
	b64 := base64.StdEncoding.EncodeToString([]byte("user:" + envKey)) // Basic auth: the key at an offset
	testtree.Write(t, dir, map[string]string{
		".env.local": "DYPAI_API_KEY=" + envKey + "\nCRON_SECRET=c7f1e9a24b3d4e0f8a6b5c2d1e0f9a8b\nNEXT_PUBLIC_DYPAI_URL=https://acme.dypai.app\nSHORT_SECRET=abc\nNEXT_PUBLIC_DYPAI_API_KEY=" + envKey + "\n",
		"dist/a.js":  `var u="https://acme.dypai.app",k="` + envKey + `";`,
		"dist/b.js":  `fetch(u,{headers:{Authorization:"Basic ` + b64 + `"}});`,
		"dist/c.mjs": `export const link="https://acme.dypai.app/hook?key=` + url.QueryEscape(envKey+"/x") + `";`,
		"dist/d.js":  `var cron="c7f1e9a24b3d4e0f8a6b5c2d1e0f9a8b",site="https://acme.dypai.app";`,
		"dist/e.js":  `var other="` + headerKey + `";`,
	})
	cfg := &config.Config{SecretEnv: []string{"DYPAI_API_KEY", "OTHER_KEY", "MISSING_KEY"}}
	fs, errs := scanDirs(t, cfg, map[string]string{"OTHER_KEY": headerKey, "DYPAI_API_KEY": envKey + "/x"}, dir)
	var notes []string
	for _, e := range errs {
		if !finding.IsNotice(e) {
			t.Errorf("unexpected error %v", e)
		}
		notes = append(notes, e.Error())
	}
	if want := "[-secret-env MISSING_KEY: not set in the environment or in a .env file, so bundles are not searched for its value]"; fmt.Sprint(notes) != want {
		t.Errorf("notices: %v, want %v", notes, want)
	}
	var got []string
	for _, f := range fs {
		if f.RuleID == rules.DYP103 {
			got = append(got, filepath.Base(f.Loc.File)+": "+f.Message[strings.Index(f.Message, "ships"):strings.Index(f.Message, ":")])
		}
	}
	want := []string{
		"a.js: ships the value of DYPAI_API_KEY and NEXT_PUBLIC_DYPAI_API_KEY (dyp_…)",
		"b.js: ships the value of DYPAI_API_KEY and NEXT_PUBLIC_DYPAI_API_KEY (dyp_…), base64-encoded",
		"c.mjs: ships the value of DYPAI_API_KEY (dyp_…), URL-encoded",
		"d.js: ships the value of CRON_SECRET (c7f1…)",
		"e.js: ships the value of OTHER_KEY (dyp_…)",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	assertRedacted(t, fs, envKey, headerKey, "c7f1e9a24b3d4e0f8a6b5c2d1e0f9a8b")
}
