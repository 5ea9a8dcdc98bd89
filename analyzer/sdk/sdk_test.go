package sdk

import "testing"

func TestIsGoSDK(t *testing.T) {
	p := Dypai.WithOverrides([]string{"example.com/internal/platform"}, nil)
	for path, want := range map[string]bool{
		"example.com/dypai":             true,
		"github.com/acme/dypai-go":      true,
		"github.com/acme/dypai-go/v2":   true,
		"github.com/acme/dypaisdk":      true,
		"example.com/internal/platform": true,
		"example.com/mydypai":           false,
		"example.com/dypai/internal/x":  false,
		"github.com/acme/sdk/v2":        false,
	} {
		if got := p.IsGoSDK(path); got != want {
			t.Errorf("IsGoSDK(%q) = %v, want %v", path, got, want)
		}
	}
	if Dypai.IsGoSDK("example.com/internal/platform") {
		t.Error("WithOverrides modified the shared profile")
	}
}

func TestEnvNames(t *testing.T) {
	for name, want := range map[string]bool{
		"NEXT_PUBLIC_DYPAI_API_KEY":     true,
		"VITE_STRIPE_SECRET":            true,
		"REACT_APP_APIKEY":              true,
		"EXPO_PUBLIC_SERVICE_ROLE":      true,
		"PUBLIC_PRIVATE_KEY":            true,
		"GATSBY_SERVICE_KEY":            true,
		"NUXT_PUBLIC_api_key":           true,
		"NEXT_PUBLIC_DYPAI_URL":         false,
		"DYPAI_API_KEY":                 false,
		"VITE_PUBLISHABLE_KEY":          false,
		"NEXT_PUBLIC_SUPABASE_ANON_KEY": false,
	} {
		if got := IsPublicSecretEnv(name); got != want {
			t.Errorf("IsPublicSecretEnv(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{"dyp_live_8f2c91": "dyp_…", "abc": "abc…", "": "…", "ключ-секрет": "ключ…"} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatchers(t *testing.T) {
	if !Dypai.IsCallMethod("Post") || !Dypai.IsCallMethod("delete") || Dypai.IsCallMethod("Do") {
		t.Error("IsCallMethod")
	}
	if !Dypai.IsKeyHeader("X-Api-Key") || Dypai.IsKeyHeader("Authorization") {
		t.Error("IsKeyHeader")
	}
	if !Dypai.IsJSModule("@dypai/client") || Dypai.IsJSModule("@dypai/client/extra") {
		t.Error("IsJSModule")
	}
}
