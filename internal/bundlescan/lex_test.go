package bundlescan

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/bundlescan/synth"
	"github.com/dypai/dypailint/internal/textfile"
)

const testKey = "dyp_live_8f2cA91bQz7LmW4x"

// contextHits scans src with the dypai profile's context rules and renders
// each hit as "<text at the hit>|<how>".
func contextHits(src string) []string {
	s := scanJS([]byte(src), ctxRulesFor(sdk.Dypai), false)
	var out []string
	for _, h := range mergeHits(s.hits) {
		out = append(out, src[h.start:h.end]+"|"+howText(h.how))
	}
	return out
}

func TestContextRules(t *testing.T) {
	const hdr = "|" + " as a literal X-API-KEY header"
	K := testKey
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"object", `fetch(u,{headers:{"X-API-KEY":"` + K + `"}})`, []string{K + hdr}},
		{"object, lower case, single quotes", `f({a:1,'x-api-key':'` + K + `'})`, []string{K + "| as a literal x-api-key header"}},
		{"template without substitutions", "f({\"X-Api-Key\":`" + K + "`})", []string{K + "| as a literal X-Api-Key header"}},
		{"computed key", `f({["X-API-KEY"]:"` + K + `"})`, []string{K + hdr}},
		{"Headers.set", `h.set("X-API-KEY","` + K + `")`, []string{K + hdr}},
		{"setRequestHeader", `x.setRequestHeader("X-API-KEY","` + K + `");`, []string{K + hdr}},
		{"Headers tuple", `new Headers([["X-API-KEY","` + K + `"]])`, []string{K + hdr}},
		{"index assignment", `h["X-API-KEY"]="` + K + `";`, []string{K + hdr}},
		{"index assignment at a line end (ASI)", "h['X-API-KEY']='" + K + "'\nfoo()", []string{K + "| as a literal X-API-KEY header"}},
		{"escaped header name", `f({"X\u002dAPI-KEY":"` + K + `"})`, []string{K + "| as a literal X-API-KEY header"}},
		{"header-name constant with a literal value", `const H="X-API-KEY";h[H]="` + K + `";`, []string{K + hdr}},
		{"header-name constant in a call", `const H="X-API-KEY";h.set(H,"` + K + `")`, []string{K + hdr}},
		{"constant assigned once", `var c="` + K + `";function p(e){return fetch(e,{headers:{"X-API-KEY":c}})}`, []string{K + hdr}},
		{"constructor", `import{createClient as a}from"@dypai/client";var i=a("https://x.dypai.app","` + K + `");`, []string{K + "| as the key argument of createClient"}},
		{"constructor via constant (esbuild)", `import{createClient as a}from"@dypai/client";var c="` + K + `",i=a("https://x.dypai.app",c);`, []string{K + "| as the key argument of createClient"}},
		{"constructor, CommonJS interop", `var m=require("@dypai/client");const k=(0,m.createClient)(process.env.U,"` + K + `");`, []string{K + "| as the key argument of createClient"}},
		{"constructor, unminified", `const admin = createClient(url, "` + K + `")`, []string{K + "| as the key argument of createClient"}},
		{"header in JSON inside a string (flight data)", `self.__next_f.push([1,"{\"headers\":{\"x-api-key\":\"` + K + `\"}}"])`, nil},
		{"header and constructor share the literal", `var c="` + K + `";a=createClient(u,c);f({"X-API-KEY":c})`, []string{K + "| as the key argument of createClient and as a literal X-API-KEY header"}},

		// Decoys.
		{"header-name constant", `const H="X-API-KEY";function s(e,t){let n={};return n[H]=t,fetch(e,{headers:n})}`, nil},
		{"header from a parameter", `function s(e){return fetch(u,{headers:{"X-API-KEY":e}})}`, nil},
		{"header from a member", `f({"X-API-KEY":e.apiKey})`, nil},
		{"header from a concatenation", `f({"X-API-KEY":"dyp_live_"+e})`, nil},
		{"header from a template with substitutions", "f({\"X-API-KEY\":`${e}`})", nil},
		{"header name in an allow-list", `cors({allowedHeaders:["Content-Type","X-API-KEY","Authorization"]})`, nil},
		{"header name in a ternary", `var h=a?"X-API-KEY":"Authorization-Header";`, nil},
		{"header name compared", `if(n.toLowerCase()=="x-api-key")return"redacted-value"`, nil},
		{"constant assigned twice", `var c="` + K + `";c="other-value-1234";f({"X-API-KEY":c})`, nil},
		{"empty header", `f({"X-API-KEY":""})`, nil},
		{"placeholder header", `f({"X-API-KEY":"YOUR_API_KEY"})`, nil},
		{"anon JWT passed to a constructor", `createClient("https://p.supabase.co","` + synth.AnonJWT + `")`, nil},
		{"publishable key", `createClient("https://p.supabase.co","sb_publishable_abcdefghijklmnop")`, nil},
		{"constructor with a variable key", `createClient(url,process.env.KEY)`, nil},
		{"constructor definition", `function createClient(e,t="none"){return new D(e,t)}`, nil},
		{"user client", `createClient("https://x.dypai.app")`, nil},
		{"renamed import from another module", `import{createClient as s}from"redis";s("redis://h","abcdefgh12345678")`, nil},
		{"header inside a comment", `/* {"X-API-KEY":"` + K + `"} */ // h.set("X-API-KEY","` + K + `")`, nil},
		{"header inside a regex", `var r=/{"X-API-KEY":"` + K + `"}/g;`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := contextHits(tc.src)
			if tc.name == "header in JSON inside a string (flight data)" {
				// reported at the enclosing literal
				if len(got) != 1 || !strings.Contains(got[0], K) || !strings.HasSuffix(got[0], "| as a literal x-api-key header") {
					t.Errorf("got %q", got)
				}
				return
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("scan of %s\n got %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
}

// TestLexerSync checks that strings, regexes, templates and comments do not
// throw the scanner out of step: a leak after each construct is still seen.
func TestLexerSync(t *testing.T) {
	leak := `;f({"X-API-KEY":"` + testKey + `"})`
	for _, prefix := range []string{
		`var a=b/2/c`,
		`var r=/["'` + "`" + `]/g`,
		`var r=/[/]"/`,
		`x=a.b(/\//)`,
		"var t=`a${b+`c${d}`}e`",
		"var t=`}${'{'}`",
		`var s="a\"b'c\\"`,
		`var s='it\'s'`,
		`/* "unclosed */`,
		`// "unclosed` + "\n",
		`if(a)return/x"/.test(b)`,
		`a=b?.c??d`,
		`var o={a:1}`,
		`#!/usr/bin/env node` + "\n",
		`var x=1e-5,y=.5,z=0x1F,w=10n`,
		`label:{break label}`,
	} {
		src := prefix + leak
		if got := contextHits(src); len(got) != 1 {
			t.Errorf("after %s: got %q, want one hit", prefix, got)
		}
	}
}

func TestDecodeJS(t *testing.T) {
	for in, want := range map[string]string{
		`a\nb`:             "a\nb",
		`\x41\u0042\u{43}`: "ABC",
		`\ud83d\ude00`:     "😀",
		`it\'s`:            "it's",
		"line\\\ncont":     "linecont",
		`\q`:               "q",
		`\u00`:             "u00",
	} {
		if got := decodeJS([]byte(in)); got != want {
			t.Errorf("decodeJS(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestColumnConversion(t *testing.T) {
	// A long line with 2- and 4-byte runes: é is one UTF-16 unit, 😀 two.
	line := strings.Repeat("aé😀", 5000) + "KEY"
	tr := &textRef{data: []byte("x\n" + line + "\n"), lines: newLineIndex([]byte("x\n" + line + "\n"))}
	off := strings.Index(line, "KEY")
	want16 := 5000 * (1 + 1 + 2)
	if got := tr.col16(2, off+1); got != want16 {
		t.Errorf("col16 = %d, want %d", got, want16)
	}
	if got := tr.byteCol1(2, want16); got != off+1 {
		t.Errorf("byteCol1 = %d, want %d", got, off+1)
	}
	for _, byteOff := range []int{0, 1, 3, 7, 4095, 4096, 4097, 8191, 12000} {
		// the UTF-16 column of each rune start, both ways
		r16 := textfile.UTF16Len(line[:byteOff])
		if !utf8.RuneStart(line[byteOff]) {
			continue
		}
		if got := tr.col16(2, byteOff+1); got != r16 {
			t.Errorf("col16 at %d = %d, want %d", byteOff, got, r16)
		}
		if got := tr.byteCol1(2, r16); got != byteOff+1 {
			t.Errorf("byteCol1 at %d = %d, want %d", r16, got, byteOff+1)
		}
	}
	if tr.col16(1, 1) != 0 || tr.byteCol1(1, 0) != 1 {
		t.Error("ASCII line")
	}
}
