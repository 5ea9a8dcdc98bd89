package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("dypailint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"sdk": "dypai", "identity-fields": []any{"member_id"}, "disable": []any{"DYP201"}})
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) == 0 {
		t.Fatalf("analyzers: %v, %v", as, err)
	}
	cfg := p.(*plugin).cfg
	if cfg.RuleEnabled("DYP201") || cfg.IdentityFields[0] != "member_id" || !cfg.TagMessages {
		t.Errorf("settings did not reach the config: %+v", cfg)
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct {
		raw  any
		want string
	}{
		{map[string]any{"identity_fields": []any{"x"}}, `dypailint settings: unknown key "identity_fields" (did you mean "identity-fields"?)`},
		{map[string]any{"zzzzzz": 1}, `unknown key "zzzzzz" (valid keys: config, sdk, identity-fields, enable, disable)`},
		{map[string]any{"disable": "DYP201"}, `dypailint settings: disable must be a list of strings, not string`},
		{map[string]any{"sdk": 3}, `dypailint settings: sdk must be a string, not number`},
		{map[string]any{"disable": []any{"DYP999"}}, `dypailint settings: unknown rule "DYP999"`},
		{map[string]any{"sdk": "firebase"}, `dypailint settings: unknown SDK profile "firebase"`},
	} {
		_, err := New(tc.raw)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.raw, err, tc.want)
		}
	}
	if _, err := New(nil); err != nil {
		t.Errorf("no settings: %v", err)
	}
}

// TestSupabaseSetting: sdk: supabase selects the Supabase profile.
func TestSupabaseSetting(t *testing.T) {
	newPlugin, err := register.GetPlugin("dypailint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"sdk": "supabase"})
	if err != nil {
		t.Fatal(err)
	}
	proj, err := p.(*plugin).cfg.ProjectFor(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if proj.Profile.Name != "supabase" || proj.ManifestRulesApply() {
		t.Errorf("profile %q, manifest rules %v", proj.Profile.Name, proj.ManifestRulesApply())
	}
}
