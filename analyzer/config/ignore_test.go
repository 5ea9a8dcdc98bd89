package config

import (
	"path/filepath"
	"testing"
)

func TestIgnores(t *testing.T) {
	m := &Manifest{Path: "/repo/dypai.yaml", Ignore: []string{"**/fixtures/**", "web/legacy/*.ts", "tools"}}
	for path, want := range map[string]bool{
		"/repo/a/fixtures/x.go":       true,
		"/repo/fixtures/deep/er/x.ts": true,
		"/repo/web/legacy/old.ts":     true,
		"/repo/web/legacy/sub/old.ts": false,
		"/repo/tools":                 true,
		"/repo/tools/x.go":            false,
		"/repo/src/main.go":           false,
		"/elsewhere/fixtures/x.go":    false,
	} {
		if got := m.Ignores(filepath.FromSlash(path)); got != want {
			t.Errorf("Ignores(%s) = %v, want %v", path, got, want)
		}
	}
	var none *Manifest
	if none.Ignores("/x") {
		t.Error("nil manifest ignores")
	}
}
