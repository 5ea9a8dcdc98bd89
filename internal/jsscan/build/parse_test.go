package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/internal/jsscan/source"
)

// TestOriginDecodesTheMapOnce: a chunk's source map is decoded at the first
// lookup and gives the original position; a map that does not decode gives
// none, and MapErr names the chunk and the problem.
func TestOriginDecodesTheMapOnce(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "app.ts")
	if err := os.WriteFile(src, []byte("const a = 1\nfetch(a)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := source.NewFiles(nil)
	// Generated line 2, column 0 comes from app.ts line 2, column 0.
	good := &Chunk{Path: filepath.Join(dir, "out.js"), Code: "var a = 1;\nfetch(a);\n",
		mapData: []byte(`{"version":3,"sources":["app.ts"],"mappings":"AAAA;AACA"}`)}
	loc, ok := good.OriginAt(len("var a = 1;\n"), files)
	if !ok || loc.File != src || loc.Line != 2 || loc.Col != 1 {
		t.Errorf("OriginAt = %+v, %v; want %s:2:1", loc, ok, src)
	}
	if good.mapData != nil || good.MapErr() != nil {
		t.Errorf("after a lookup: map data kept (%v) or error %v", good.mapData != nil, good.MapErr())
	}

	bad := &Chunk{Path: filepath.Join(dir, "bad.js"), Code: "fetch(a);\n", mapData: []byte(`{"version":3,"sources":[],"mappings":"AAAA"}`)}
	if bad.MapErr() != nil {
		t.Error("MapErr before any lookup")
	}
	if loc, ok := bad.OriginAt(0, files); ok {
		t.Errorf("OriginAt through a broken map = %+v", loc)
	}
	if err := bad.MapErr(); err == nil || !strings.Contains(err.Error(), "bad.js: esbuild source map: ") {
		t.Errorf("MapErr = %v, want the chunk and the problem", err)
	}
}
