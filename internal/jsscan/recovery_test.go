package jsscan

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
)

// TestRecoveryHandler pins where each onboarding fixture's client code
// handles PASSWORD_RECOVERY (DYP407 is decided from it per app), and that
// the look-alikes do not count.
func TestRecoveryHandler(t *testing.T) {
	for _, tc := range []struct {
		name, want string // want: file:line:col of the handler, "" for none
	}{
		{"nextapp", "components/AuthListener.tsx:10:11"},   // app router, renamed import, ===
		{"pagesapp", "pages/_app.tsx:12:14"},               // pages router, namespace import, switch/case
		{"viteapp", "src/auth.ts:7:7"},                     // SPA, named function, == with a constant
		{"sveltekitapp", "src/routes/+layout.svelte:9:11"}, // component script, !==
		{"lookalikes", ""},                                 // other event, other value, shadowed name, non-SDK object, module never imported
		{"serveronly", ""},                                 // the handler only in a route handler
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join("testdata", "onboarding", tc.name)
			res, err := Scan(context.Background(), []string{dir}, &config.Config{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Stats) != 1 || len(res.Findings) > 0 || len(res.Errors) > 0 {
				t.Fatalf("want one clean project; got %d projects:\n%s", len(res.Stats), render(t, dir, res))
			}
			st := res.Stats[0]
			if len(st.Entries) == 0 || st.ClientModules == 0 {
				t.Errorf("no client code found: %s", st)
			}
			got := ""
			if r := st.Recovery; r != nil {
				abs, _ := filepath.Abs(dir)
				rel, _ := filepath.Rel(abs, r.File)
				got = fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), r.Line, r.Col)
			}
			if got != tc.want {
				t.Errorf("PASSWORD_RECOVERY handler at %q, want %q", got, tc.want)
			}
		})
	}
}
