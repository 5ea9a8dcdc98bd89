package clientmodel

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestOnlyClient(t *testing.T) {
	for line, want := range map[string]bool{
		"//go:build js && wasm":          true,
		"//go:build wasm":                true,
		"//go:build wasip1":              true,
		"//go:build js || wasip1":        true,
		"//go:build js && go1.21":        true,
		"//go:build !windows && wasm":    true,
		"//go:build !js":                 false,
		"//go:build linux":               false,
		"//go:build js || linux":         false,
		"//go:build (js && wasm) || gen": false,
	} {
		expr, err := constraint.Parse(line)
		if err != nil {
			t.Fatal(err)
		}
		if got := onlyClient(expr); got != want {
			t.Errorf("onlyClient(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestClientFile(t *testing.T) {
	for name, want := range map[string]string{
		"app_js.go":             "js/wasm",
		"app_wasm.go":           "js/wasm",
		"app_js_wasm.go":        "js/wasm",
		"app_js_test.go":        "js/wasm",
		"app_wasip1.go":         "wasip1",
		"app_wasip1_wasm.go":    "wasip1",
		"js.go":                 "",
		"app.go":                "",
		"app_linux.go":          "",
		"json.go":               "",
		"app_jsonrpc.go":        "",
		"/src/x/app_js.go":      "js/wasm",
		"/src/js/handler.go":    "",
		"/src/app_wasm/main.go": "",
	} {
		f, err := parser.ParseFile(token.NewFileSet(), name, "package p", parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := clientFile(f, name); got != want {
			t.Errorf("clientFile(%q) = %q, want %q", name, got, want)
		}
	}
	f, _ := parser.ParseFile(token.NewFileSet(), "b.go", "// Copyright\n\n//go:build js && wasm\n\npackage p", parser.ParseComments)
	if got := clientFile(f, "b.go"); got != "js/wasm" {
		t.Errorf("clientFile with //go:build js && wasm = %q", got)
	}
}

func TestSplitEndpoint(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		name  string
		keys  []string
	}{
		{[]string{"get_orders"}, "get_orders", nil},
		{[]string{"get_orders?user_id=", unknownPart}, "get_orders", []string{"user_id"}},
		{[]string{"get_orders?limit=10&owner_id=", unknownPart, "&x=1"}, "get_orders", []string{"limit", "owner_id", "x"}},
		{[]string{"get_", unknownPart}, "", nil},
		{[]string{unknownPart, "?uid=1"}, "", []string{"uid"}},
		{splitFormat("get_orders?limit=%d&uid=%s&p=100%%"), "get_orders", []string{"limit", "uid", "p"}},
	} {
		name, keys := splitEndpoint(tc.parts)
		if name != tc.name || !slices.Equal(keys, tc.keys) {
			t.Errorf("splitEndpoint(%q) = %q, %q; want %q, %q", tc.parts, name, keys, tc.name, tc.keys)
		}
	}
	if last, keys := splitURL([]string{unknownPart, "/api/sync_data?uid=", unknownPart}); last != "sync_data" || !slices.Equal(keys, []string{"uid"}) {
		t.Errorf("splitURL = %q, %q", last, keys)
	}
}

func TestKindStrings(t *testing.T) {
	for k, want := range map[Kind]string{
		APIKey:           "an API-key client",
		User:             "a user client",
		APIKey | User:    "an API-key or user client",
		User | Unknown:   "a user or unknown client",
		Unknown:          "an unknown client",
		APIKey | Unknown: "an API-key or unknown client",
	} {
		if got := k.describe(); got != want {
			t.Errorf("%d.describe() = %q, want %q", k, got, want)
		}
	}
	if !(User | Unknown).PresumedUser() || (APIKey | User).PresumedUser() || !(Kind(0)).PresumedUser() {
		t.Error("PresumedUser")
	}
	if !APIKey.IsAPIKey() || (APIKey | Unknown).IsAPIKey() {
		t.Error("IsAPIKey")
	}
}

func TestExtendChain(t *testing.T) {
	tail := []string{"b", "c", "d", "e", "f", "g", "h", "i"}
	got := extendChain("a", tail)
	if len(got) != maxChain || got[0] != "a" || got[2] != "…" || got[len(got)-1] != "i" {
		t.Errorf("extendChain = %q", got)
	}
}

// TestDependencyModule: regression — a project whose module path has no dot
// (module server) was taken for the standard library, and its raw X-API-KEY
// requests were not tracked.
func TestDependencyModule(t *testing.T) {
	for _, c := range []struct {
		pkg    string
		module *analysis.Module
		want   bool
	}{
		{"net/http", nil, true},
		{"net/http", &analysis.Module{Path: "std"}, true},
		{"server/api", &analysis.Module{Path: "server"}, false},
		{"example.com/app/api", &analysis.Module{Path: "example.com/app"}, false},
		{"github.com/acme/lib", &analysis.Module{Path: "github.com/acme/lib", Version: "v1.2.3"}, true},
		{"example.com/app/api", nil, false},
		{"server/api", nil, false}, // GOPATH mode: no module information
		{"vendor/golang.org/x/net/idna", nil, true},
	} {
		pass := &analysis.Pass{Pkg: types.NewPackage(c.pkg, path.Base(c.pkg)), Module: c.module}
		if got := dependencyModule(pass); got != c.want {
			t.Errorf("dependencyModule(%s, %+v) = %v, want %v", c.pkg, c.module, got, c.want)
		}
	}
}
