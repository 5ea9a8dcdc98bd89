package zzprobe

import (
	"testing"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/parser"
)

var lowerCases = map[string]string{
	"forawait":       "export async function f(y){ for await (const x of y) { console.log(x) } }",
	"forawaitTop":    "for await (const x of y) {console.log(x)}",
	"asyncgen":       "export async function* g(y){ yield 1; for await (const x of y) yield x }",
	"asyncgenMethod": "export const o = { async *g(){ yield 1 } }",
	"asyncgenClass":  "export class A { async *g(){ yield 1 } }",
	"classAccessor":  "export class A { accessor x = 1 }",
	"using":          "export function f(){ using x = y(); return x }",
	"awaitUsing":     "export async function f(){ await using x = y(); return x }",
	"importAttr":     "import x from 'y' with { type: 'json' }; console.log(x)",
	"importAssert":   "import x from 'y' assert { type: 'json' }; console.log(x)",
	"dynImportAttr":  "export const p = import('y', { with: { type: 'json' } })",
	"reexportAttr":   "export { default } from 'y' with { type: 'json' }",
}

func TestLower(t *testing.T) {
	for name, src := range lowerCases {
		r := api.Transform(src, api.TransformOptions{
			Format: api.FormatESModule, Target: api.ESNext, Loader: api.LoaderTS,
			Supported: map[string]bool{"for-await": false, "async-generator": false, "using": false, "decorators": false, "import-assertions": false, "import-attributes": false},
		})
		if len(r.Errors) > 0 {
			t.Logf("ESBUILD %-15s %v", name, r.Errors[0].Text)
			continue
		}
		_, err := parser.ParseFile(nil, name, string(r.Code), 0, parser.IsModule, parser.WithDisableSourceMaps)
		if err != nil {
			t.Logf("FAIL %-15s %v\n%s", name, err, r.Code)
		} else {
			t.Logf("OK %-15s\n%s", name, r.Code)
		}
	}
}
