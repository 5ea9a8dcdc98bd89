package zzprobe

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/parser"
)

func TestCorpus(t *testing.T) {
	root := os.Getenv("CORPUS")
	if root == "" {
		t.Skip()
	}
	n, bad, ebad := 0, 0, 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		ext := filepath.Ext(p)
		loader := api.LoaderJS
		switch ext {
		case ".js", ".mjs", ".cjs", ".jsx":
			loader = api.LoaderJSX
		case ".ts", ".mts", ".cts":
			loader = api.LoaderTS
		case ".tsx":
			loader = api.LoaderTSX
		default:
			return nil
		}
		if strings.HasSuffix(p, ".d.ts") {
			return nil
		}
		src, _ := os.ReadFile(p)
		r := api.Transform(string(src), api.TransformOptions{
			Format: api.FormatESModule, Target: api.ESNext, Loader: loader, JSX: api.JSXAutomatic,
			Supported: map[string]bool{"for-await": false, "async-generator": false, "using": false, "decorators": false, "import-assertions": false, "import-attributes": false},
		})
		if len(r.Errors) > 0 {
			ebad++
			return nil
		}
		n++
		_, err = parser.ParseFile(nil, p, string(r.Code), 0, parser.IsModule, parser.WithDisableSourceMaps)
		if err != nil {
			bad++
			t.Logf("FAIL %v", err)
		}
		return nil
	})
	t.Logf("files=%d parsefail=%d esbuildfail=%d", n, bad, ebad)
}
