package eval

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/textfile"
)

// recorder is a Checks that writes down, in the reporting pass, the sites
// the walker reports and the values it gives with them. Its Construct
// numbers each client, so that a test sees which client comes back at the
// sites that use it.
type recorder struct {
	w       *Walker
	src     string
	sites   []string
	clients int
}

func (r *recorder) add(format string, args ...any) {
	if r.w.Reporting() {
		r.sites = append(r.sites, fmt.Sprintf(format, args...))
	}
}

// line is the line of an offset (sobek's file.Idx is 1-based).
func (r *recorder) line(at file.Idx) int {
	line, _ := textfile.LineCol(r.src, int(at)-1)
	return line
}

func describe(v *Value) string {
	switch {
	case v == nil:
		return "unknown"
	case v.Kind == EnvVar:
		return "env " + v.Str
	case v.Kind == String:
		return fmt.Sprintf("%q", v.Str)
	case v.Kind == Alternatives:
		var parts []string
		for _, p := range v.Parts {
			parts = append(parts, describe(p))
		}
		return "one of " + strings.Join(parts, ", ")
	case v.Kind == Client:
		return fmt.Sprintf("client %s", v.Client.Key)
	}
	return fmt.Sprintf("kind %d", v.Kind)
}

func (r *recorder) EnvRead(name string, at file.Idx) { r.add("%d: env read %s", r.line(at), name) }

func (r *recorder) Construct(e *ast.CallExpression, name string, args []*Value) *Value {
	key := "no key"
	if len(args) > 1 {
		key = describe(args[1])
	}
	r.add("%d: %s with %s", r.line(e.Idx0()), name, key)
	c := &Construction{Key: key, KeyParam: -1}
	if r.w.Reporting() {
		r.clients++
		c.Key = fmt.Sprintf("#%d (%s)", r.clients, key)
	}
	return &Value{Kind: Client, Client: c}
}

func (r *recorder) HelperClient(e *ast.CallExpression, ret *Value, args []*Value) *Value {
	return ret
}

func (r *recorder) ClientCall(e *ast.CallExpression, base *Value, method string, args []*Value) bool {
	r.add("%d: %s on the api of %s", r.line(e.Idx0()), method, base.Client.Key)
	return true
}

func (r *recorder) ServerImport(imp *ast.ImportDeclaration, srv *sdk.ServerSDK, spec string) {
	r.add("%d: server-only import %s", r.line(imp.Idx0()), spec)
}

func (r *recorder) ServerConstruct(at file.Idx, callee ast.Expression, ctor *Value, args []ast.Expression, vals []*Value, isNew bool) {
	var key *Value
	if len(vals) > 0 {
		key = vals[0]
		if key != nil && key.Kind == Object {
			key = key.Props["apiKey"]
		}
	}
	r.add("%d: new %s with %s", r.line(at), ctor.Str, describe(key))
}

func (r *recorder) KeyHeader(at file.Idx, header string, v *Value, e ast.Expression) {
	r.add("%d: header %s from %s", r.line(at), header, describe(v))
}

func (r *recorder) OtherCall(e *ast.CallExpression, args []*Value)       {}
func (r *recorder) Calling(e *ast.CallExpression, method string)         {}
func (r *recorder) Called(e *ast.CallExpression, base, callee *Value)    {}
func (r *recorder) Member(left ast.Expression, name string, at file.Idx) {}
func (r *recorder) Pattern(target, from ast.Expression)                  {}
func (r *recorder) Params(fn ast.Node, pl *ast.ParameterList)            {}

func mustParse(t *testing.T, name, src string) *ast.Program {
	t.Helper()
	prog, err := build.ParseJS(name, src) // as the builds parse their output
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return prog
}

// walkChunks walks chunks in order (import order, as checks.Analysis does)
// with one recorder each, sharing their exports, and returns every site.
func walkChunks(t *testing.T, prof *sdk.Profile, chunks ...[2]string) []string {
	t.Helper()
	exports := map[string]map[string]*Binding{}
	var sites []string
	for _, c := range chunks {
		r := &recorder{src: c[1]}
		r.w = NewWalker(prof, c[0], exports, r)
		prog := mustParse(t, c[0], c[1])
		r.w.Walk(prog, false) // the first pass computes values
		r.w.Walk(prog, true)
		for _, s := range r.sites {
			sites = append(sites, c[0]+":"+s)
		}
	}
	return sites
}

// TestWalkerFollowsValues: the sites a chunk reports, with the values the
// walk followed to them — a key through a variable and a function's
// parameter, a client through a function return, an export and an import,
// a function called before its declaration, and the key header of a raw
// request.
func TestWalkerFollowsValues(t *testing.T) {
	lib := `import { createClient } from "@dypai/sdk";
const key = process.env.DYPAI_API_KEY;
export function admin(url) {
  return createClient(url, key);
}
export const shared = admin("https://x");
`
	app := `import { admin, shared } from "./lib.js";
run();
function run() {
  const c = admin("https://y");
  c.api.post("orders", {});
  shared.api.get("orders");
}
fetch("/v1/orders", { headers: { "X-API-KEY": process.env.DYPAI_API_KEY ?? "" } });
`
	got := walkChunks(t, sdk.Dypai, [2]string{"out/lib.js", lib}, [2]string{"out/app.js", app})
	want := []string{
		"out/lib.js:2: env read DYPAI_API_KEY",
		"out/lib.js:4: createClient with env DYPAI_API_KEY",
		"out/app.js:5: post on the api of #1 (env DYPAI_API_KEY)",
		"out/app.js:6: get on the api of #1 (env DYPAI_API_KEY)",
		"out/app.js:8: env read DYPAI_API_KEY",
		`out/app.js:8: header X-API-KEY from one of env DYPAI_API_KEY, ""`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("sites:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWalkerServerSDK: a server-only SDK's constructor, imported by name
// and as a default, is reported with its key; an import that is itself
// the mistake goes to ServerImport; nothing else is a site.
func TestWalkerServerSDK(t *testing.T) {
	src := `import OpenAI from "openai";
import admin from "firebase-admin";
const client = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_KEY });
const other = new Map();
`
	got := walkChunks(t, sdk.Dypai, [2]string{"out/ui.js", src})
	want := []string{
		"out/ui.js:2: server-only import firebase-admin",
		"out/ui.js:3: env read VITE_OPENAI_KEY",
		"out/ui.js:3: new OpenAI with env VITE_OPENAI_KEY",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sites:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
