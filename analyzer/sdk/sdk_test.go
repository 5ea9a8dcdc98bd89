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
		// Keys made to be public, despite API_KEY in the name.
		"VITE_FIREBASE_API_KEY":              false,
		"NEXT_PUBLIC_FIREBASE_APIKEY":        false,
		"VITE_GOOGLE_MAPS_API_KEY":           false,
		"NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY": false,
		"VITE_GOOGLE_API_KEY":                true,
		"NEXT_PUBLIC_ALGOLIA_ADMIN_API_KEY":  true,
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

// Fixture keys: a Supabase service-role and anon JWT (payload role claims
// "service_role" and "anon"; the signature is not a real one).
const (
	serviceJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZpeHR1cmVwcm9qZWN0cmVmMDAiLCJyb2xlIjoic2VydmljZV9yb2xlIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjIwMDAwMDAwMDB9.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWZpeHR1cmUtb25seQ"
	anonJWT    = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImZpeHR1cmVwcm9qZWN0cmVmMDAiLCJyb2xlIjoiYW5vbiIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDAwMDAwMDAwfQ.c2lnbmF0dXJlLW5vdC1jaGVja2VkLWZpeHR1cmUtb25seQ"
)

func TestSupabaseProfile(t *testing.T) {
	p := Profiles["supabase"]
	if p != Supabase || p.HasManifest || !p.Gated() || p.ImplicitCaller || Dypai.Gated() {
		t.Fatal("supabase profile: registered, no manifest, gated keys, no implicit caller; dypai: any key")
	}
	for path, want := range map[string]bool{
		"github.com/supabase-community/supabase-go":    true,
		"github.com/supabase-community/supabase-go/v2": true,
		"github.com/supabase-community/gotrue-go":      false,
		"example.com/dypai":                            false,
	} {
		if got := p.IsGoSDK(path); got != want {
			t.Errorf("supabase IsGoSDK(%q) = %v, want %v", path, got, want)
		}
	}
	for spec, want := range map[string]bool{
		"@supabase/supabase-js":                     true,
		"@supabase/ssr":                             true,
		"npm:@supabase/supabase-js@2.39.3":          true,
		"jsr:@supabase/supabase-js@2":               true,
		"https://esm.sh/@supabase/supabase-js@2":    true,
		"https://esm.sh/@supabase/supabase-js":      true,
		"@supabase/supabase-js/dist/module":         false,
		"@supabase/auth-helpers-nextjs":             true,
		"@supabase/auth-helpers-sveltekit":          true,
		"@supabase/auth-js":                         false,
		"https://esm.sh/@supabase/functions-js@2":   false,
		"https://example.com/@supabase/supabase-js": false,
	} {
		if got := p.IsJSModule(spec); got != want {
			t.Errorf("supabase IsJSModule(%q) = %v, want %v", spec, got, want)
		}
	}
}

func TestPrivilegedNames(t *testing.T) {
	for name, want := range map[string]bool{
		"SUPABASE_SERVICE_ROLE_KEY":      true,
		"VITE_SUPABASE_SERVICE_ROLE_KEY": true,
		"PRIVATE_SUPABASE_SERVICE_KEY":   true,
		"SUPABASE_SECRET_KEY":            true,
		"serviceRoleKey":                 true,
		"supabaseServiceKey":             true,
		"ServiceRoleKey":                 true,
		"service-role-key":               true,
		"SUPABASE_ANON_KEY":              false,
		"VITE_SUPABASE_PUBLISHABLE_KEY":  false,
		"supabaseKey":                    false,
		"serviceAccountKey":              false,
		"":                               false,
	} {
		if got := Supabase.IsPrivilegedName(name); got != want {
			t.Errorf("IsPrivilegedName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestKeyLiterals(t *testing.T) {
	if role, ok := JWTRole(serviceJWT); !ok || role != "service_role" {
		t.Errorf("JWTRole(service) = %q, %v", role, ok)
	}
	if _, ok := JWTRole("eyJhbGciOi.not-a-jwt"); ok {
		t.Error("JWTRole accepted a non-JWT")
	}
	for v, want := range map[string]bool{
		serviceJWT:             true,
		"Bearer " + serviceJWT: true,
		"sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz": true,
		"sb_secret_": false,
		anonJWT:      false,
		"sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH": false,
		"my-service-key": false,
	} {
		if got := Supabase.IsSecretLiteral(v); got != want {
			t.Errorf("IsSecretLiteral(%.20q) = %v, want %v", v, got, want)
		}
	}
	if !Supabase.IsPublicLiteral(anonJWT) || Supabase.IsPublicLiteral(serviceJWT) || !Supabase.IsPublicLiteral("sb_publishable_x") {
		t.Error("IsPublicLiteral")
	}
	if Dypai.IsSecretLiteral("sb_secret_N7UND0UgjKTVK") || !Dypai.IsSecretLiteral(serviceJWT) {
		t.Error("dypai: service-role JWTs are secret whatever the profile, sb_secret_ keys are Supabase's")
	}
}

func TestPrivilegeOr(t *testing.T) {
	for _, c := range []struct{ a, b, want Privilege }{
		{PrivNo, PrivNo, PrivNo},
		{PrivNo, PrivUnknown, PrivUnknown},
		{PrivUnknown, PrivYes, PrivYes},
		{PrivYes, PrivNo, PrivYes},
	} {
		if got := c.a.Or(c.b); got != c.want {
			t.Errorf("%v.Or(%v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestHeaders(t *testing.T) {
	if !Supabase.IsKeyHeader("apikey") || !Supabase.IsKeyHeader("Authorization") || Supabase.IsKeyHeader("X-API-KEY") {
		t.Error("supabase IsKeyHeader")
	}
	for in, want := range map[string]string{"x-api-key": "X-API-KEY", "X-Api-Key": "X-API-KEY", "APIKEY": "apikey", "authorization": "Authorization", "X-Other": "X-Other"} {
		if got := Supabase.KeyHeaderDisplay(in); got != want {
			t.Errorf("KeyHeaderDisplay(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestGoServerSDK: a Go SDK's packages are found under its module, with or
// without a major-version element, and named below it.
func TestGoServerSDK(t *testing.T) {
	for _, tc := range []struct{ path, sdk, sub string }{
		{"github.com/openai/openai-go", "OpenAI", ""},
		{"github.com/openai/openai-go/v3/option", "OpenAI", "option"},
		{"github.com/openai/openai-go/option", "OpenAI", "option"},
		{"github.com/stripe/stripe-go/v82", "Stripe", ""},
		{"github.com/stripe/stripe-go/v76/client", "Stripe", "client"},
		{"github.com/anthropics/anthropic-sdk-go/option", "Anthropic", "option"},
		{"github.com/openai/openai-go-extra", "", ""},
		{"github.com/sashabaranov/go-openai", "", ""},
	} {
		srv, sub := GoServerSDK(tc.path)
		name := ""
		if srv != nil {
			name = srv.Name
		}
		if name != tc.sdk || sub != tc.sub {
			t.Errorf("GoServerSDK(%q) = %q, %q; want %q, %q", tc.path, name, sub, tc.sdk, tc.sub)
		}
	}
	if got := GoName("client", "API", "Init"); got != "client.API.Init" {
		t.Errorf("GoName = %q", got)
	}
}
