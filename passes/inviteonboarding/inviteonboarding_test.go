package inviteonboarding_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/inviteonboarding"
)

// Test checks the package facts (// want package:…) and the front ends:
// each wasm main is one, with the handler its code or its imports ship, or
// none; packages that do not run in a browser are not front ends.
func Test(t *testing.T) {
	passtest.Wasm(t)
	a := inviteonboarding.New(&config.Config{})
	want := map[string]string{
		"example.com/invite/lit":        "lit/main.go:16:13",
		"example.com/invite/switchcase": "switchcase/main.go:21:7",
		"example.com/invite/viaimport":  "ui/ui.go:11:6",
		"example.com/invite/other":      "none",
		"example.com/invite/ui":         "",
		"example.com/invite/unimported": "",
	}
	for _, r := range passtest.Run(t, a, "example.com/invite/...") {
		path := r.Package.PkgPath
		got := ""
		if fe, _ := r.Result.(*finding.Frontend); fe != nil {
			got = "none"
			if fe.Kind != finding.KindGo || filepath.Base(fe.Dir) != filepath.Base(path) {
				t.Errorf("%s: front end %+v", path, fe)
			}
			if loc := fe.Recovery; loc != nil {
				got = fmt.Sprintf("%s/%s:%d:%d", filepath.Base(filepath.Dir(loc.File)), filepath.Base(loc.File), loc.Line, loc.Col)
			}
		}
		w, ok := want[path]
		if !ok {
			t.Errorf("unexpected package %s", path)
		}
		if got != w {
			t.Errorf("%s: handler %q, want %q (\"\": not a front end)", path, got, w)
		}
	}
}
