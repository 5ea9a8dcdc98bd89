package jsscan

import (
	"testing"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/parser"

	"github.com/dypai/dypailint/internal/jsscan/transform"
)

// TestParserGaps pins the syntax sobek's parser rejects and esbuild prints
// as is at target esnext, and checks that with lowered the output parses.
// When a sobek upgrade reads one of them, the test logs it: its entry in
// lowered can go.
func TestParserGaps(t *testing.T) {
	gaps := map[string]string{
		"for-await":               "export async function f(s) { for await (const x of s) console.log(x) }",
		"for-await-top-level":     "for await (const x of s) console.log(x)",
		"async-generator-method":  "export const o = { async *lines() { yield 1 } }",
		"async-generator-for":     "export async function* g(s) { for await (const x of s) yield x }",
		"using":                   "export function f() { using x = open(); return x }",
		"await-using":             "export async function f() { await using x = open(); return x }",
		"auto-accessor":           "export class A { accessor x = 1 }",
		"decorator":               "@d export class A { @d m() {} }",
		"import-attributes":       "import x from 'pkg/x.json' with { type: 'json' }; console.log(x)",
		"import-assertions":       "import x from 'pkg/x.json' assert { type: 'json' }; console.log(x)",
		"class-field-get":         "export class A { get = (k) => k }",
		"class-field-set-async":   "export class A { set = 1; async = 2 }",
		"class-field-static-get":  "export class A { static get = 1; static async = 2 }",
		"class-private-field-get": "export class A { #get = 1; m() { return this.#get } }",
		"class-field-bare-get":    "export class A { get }",
	}
	for name, src := range gaps {
		t.Run(name, func(t *testing.T) {
			if _, err := parser.ParseFile(nil, name, src, 0, parser.IsModule, parser.WithDisableSourceMaps); err == nil {
				t.Logf("sobek now parses %s as is", name)
			}
			r := api.Transform(src, api.TransformOptions{Loader: api.LoaderTS, Format: api.FormatESModule, Target: api.ESNext, Supported: transform.Lowered})
			if len(r.Errors) > 0 {
				t.Fatalf("esbuild: %s", r.Errors[0].Text)
			}
			if _, err := parser.ParseFile(nil, name, string(r.Code), 0, parser.IsModule, parser.WithDisableSourceMaps); err != nil {
				t.Errorf("lowered output does not parse: %v\n%s", err, r.Code)
			}
		})
	}
}
