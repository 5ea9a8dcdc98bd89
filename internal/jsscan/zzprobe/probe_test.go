package zzprobe

import (
	"testing"

	"github.com/grafana/sobek/parser"
)

var cases = map[string]string{
	"forawait":        "async function f(){ for await (const x of y) {} }",
	"forawaitTop":     "for await (const x of y) {}",
	"asyncgen":        "async function* g(){ yield 1 }",
	"asyncgenMethod":  "const o = { async *g(){ yield 1 } }",
	"asyncgenClass":   "class A { async *g(){ yield 1 } }",
	"tla":             "await foo()",
	"classField":      "class A { x = 1; static y = 2 }",
	"privField":       "class A { #x = 1; m(){ return this.#x } }",
	"privMethod":      "class A { #m(){} n(){ this.#m() } }",
	"privIn":          "class A { #x; static is(o){ return #x in o } }",
	"staticBlock":     "class A { static { this.x = 1 } }",
	"optChain":        "a?.b?.(c)?.[d]",
	"nullish":         "a ?? b",
	"logicalAssign":   "a ||= b; a &&= c; a ??= d",
	"numSep":          "1_000_000",
	"bigint":          "10n",
	"regexNamed":      "/(?<year>\\d{4})/u",
	"regexLookbehind": "/(?<=\\$)\\d+/",
	"regexS":          "/a.b/s",
	"regexD":          "/a/d",
	"regexV":          "/[\\p{L}--[a-z]]/v",
	"regexUniProp":    "/\\p{Letter}/u",
	"importMeta":      "import.meta.url",
	"dynImport":       "import('x')",
	"importAttr":      "import x from 'y' with { type: 'json' }",
	"importAssert":    "import x from 'y' assert { type: 'json' }",
	"exportStarAs":    "export * as ns from 'x'",
	"arbitraryName":   "export { a as 'b c' }; const a = 1",
	"importArbitrary": "import { 'b c' as d } from 'x'",
	"hashbang":        "#!/usr/bin/env node\nx",
	"optCatch":        "try {} catch {}",
	"exp":             "2 ** 3",
	"objSpread":       "const {a, ...r} = o; const p = {...o}",
	"newTarget":       "function F(){ new.target }",
	"getterSetter":    "const o = { get a(){return 1}, set a(v){} }",
	"labelled":        "a: for(;;){ break a }",
	"superProp":       "class A extends B { m(){ super.m() } }",
	"templateTag":     "tag`a${b}`",
	"invalidEscapeTag": "tag`\\unicode`",
	"asyncArrow":      "const f = async (a) => { await a }",
	"asyncArrowIdent": "const f = async a => await a",
	"generator":       "function* g(){ yield* h() }",
	"yieldInGen":      "function* g(){ const x = yield; }",
	"awaitInParam":    "async function f(a = await 1){}",
	"classAccessor":   "class A { accessor x = 1 }",
	"using":           "{ using x = y }",
	"awaitUsing":      "async function f(){ await using x = y }",
	"htmlComment":     "<!-- x\nx",
	"letAsIdent":      "var let = 1",
	"asyncIdent":      "var async = 1; async(1)",
	"regexInClass":    "class A { m(){ return /a/g } }",
	"unicodeEscapeId": "var \\u0061b = 1",
	"octalLit":        "0o17 + 0b11",
	"strictOctal":     "'\\0'",
	"bigintHex":       "0xFFn",
	"regexSticky":     "/a/y",
	"regexUnicodeSets": "/[\\p{Emoji}]/u",
	"regexDupNames":   "/(?<a>x)|(?<a>y)/",
	"regexModifiers":  "/(?i:a)b/",
	"privStatic":      "class A { static #x = 1; static get(){ return A.#x } }",
	"superInField":    "class A extends B { x = super.y }",
	"awaitForOf":      "async function f(){ for (const x of await y) {} }",
	"yieldAwait":      "async function* g(){ for await (const x of y) yield x }",
	"classExprName":   "const A = class B { static x = B }",
	"getterStatic":    "class A { static get x(){ return 1 } }",
	"computedClass":   "class A { [k] = 1; static [j](){ } }",
	"newOpt":          "new a.b?.c",
	"lineTerminators": "var s = '\u2028'",
	"jsonSuperset":    "'\u2029'",
	"nestedTemplate":  "`${`${a}`}`",
	"regexSlashInClass": "/[/]/",
	"emptyRegexClass": "/[]/",
	"regexBackrefNamed": "/(?<a>x)\\k<a>/",
	"regexControl":    "/\\cJ/",
	"regexBraceLiteral": "/a{/",
	"regexBraceU":     "/\\u{1F600}/u",
	"regexIdentityEscape": "/\\-/",
	"regexNamedNoU":   "/\\k<a>/",
}

func TestProbe(t *testing.T) {
	for name, src := range cases {
		_, err := parser.ParseFile(nil, name, src, 0, parser.IsModule, parser.WithDisableSourceMaps)
		if err != nil {
			t.Logf("FAIL %-18s %v", name, err)
		}
	}
}
