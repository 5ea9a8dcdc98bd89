package config

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dypai/dypailint/internal/testtree"
)

func TestParseManifestValid(t *testing.T) {
	src := `app: internal
signup: false
endpoints:
  get_profile:     { auth_mode: jwt }
  create_order:    { auth_mode: jwt, params: [items, note], uses: [current_user_id] }
  delete_user:
    auth_mode: jwt
    allowed_roles: [admin]
    params: [user_id]
  sync_erp_orders: { auth_mode: api_key, params: [since] }
sdk:
  profile: dypai
  js_modules: ['@acme/dypai']
  go_packages: ['example.com/internal/platform']
identity_fields: [user_id, member_id]
js:
  client_entries: ['web/src/main.tsx']
  build_dirs: ['web/dist']
ignore: ['**/fixtures/**']
`
	m, err := ParseManifest("dypai.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if m.App != AppInternal || m.SignupAllowed() {
		t.Errorf("app = %q, signup allowed = %v; want internal, false", m.App, m.SignupAllowed())
	}
	if got := strings.Join(m.EndpointNames(), ","); got != "get_profile,create_order,delete_user,sync_erp_orders" {
		t.Errorf("endpoints in order = %s", got)
	}
	del := m.Endpoint("delete_user")
	if del.Pos != (Pos{6, 3}) || !del.HasRoles() || del.AuthMode != AuthJWT {
		t.Errorf("delete_user = %+v", del)
	}
	if del.ParamPos[0] != (Pos{9, 14}) {
		t.Errorf("delete_user param position = %v, want 9:14", del.ParamPos[0])
	}
	co := m.Endpoint("create_order")
	if co.UsePos[0].Line != 5 || co.Uses[0] != "current_user_id" {
		t.Errorf("create_order uses = %v at %v", co.Uses, co.UsePos)
	}
	if m.Endpoint("sync_erp_orders").AuthMode != AuthAPIKey {
		t.Error("sync_erp_orders should be api_key")
	}
	if strings.Join(m.IdentityFields, ",") != "user_id,member_id" || m.BuildDirs[0] != "web/dist" || m.GoPackages[0] != "example.com/internal/platform" {
		t.Errorf("lists not decoded: %+v", m)
	}
}

func TestSignupDefaults(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"app: saas", true},
		{"app: private", false},
		{"app: internal", false},
		{"app: private\nsignup: true", true},
		{"app: saas\nsignup: false", false},
		{"endpoints: {}", true},
	} {
		m, err := ParseManifest("dypai.yaml", []byte(tc.src))
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		if got := m.SignupAllowed(); got != tc.want {
			t.Errorf("%q: SignupAllowed = %v, want %v", tc.src, got, tc.want)
		}
	}
}

func TestAuthSection(t *testing.T) {
	for _, tc := range []struct {
		src     string
		confirm string // "" for not set
		at      Pos
		self    bool
		invite  bool
	}{
		{"app: saas\nauth:\n  email_confirmation: false\n", "false", Pos{3, 3}, true, false},
		{"app: saas\nauth: { email_confirmation: true }\n", "true", Pos{2, 9}, true, false},
		{"app: saas\nsignup: false\nauth: {}\n", "", Pos{}, false, false},
		{"app: private\nsignup: true\n", "", Pos{}, true, true},
		{"app: internal\n", "", Pos{}, false, true},
		{"app: backend\n", "", Pos{}, false, false},
		{"endpoints: {}\n", "", Pos{}, false, false},
	} {
		m, err := ParseManifest("dypai.yaml", []byte(tc.src))
		if err != nil {
			t.Fatalf("%q: %v", tc.src, err)
		}
		got := ""
		if c := m.Auth.EmailConfirmation; c != nil {
			got = strconv.FormatBool(*c)
		}
		if got != tc.confirm || m.Auth.EmailConfirmationPos != tc.at || m.SelfSignup() != tc.self || m.InviteOnly() != tc.invite {
			t.Errorf("%q: email_confirmation %q at %v, self sign-up %v, invite-only %v; want %q at %v, %v, %v",
				tc.src, got, m.Auth.EmailConfirmationPos, m.SelfSignup(), m.InviteOnly(), tc.confirm, tc.at, tc.self, tc.invite)
		}
	}
}

func TestParseManifestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown top key", "app: saas\nendpionts: {}\n", `dypai.yaml:2:1: unknown key "endpionts" in the top level (did you mean "endpoints"?)`},
		{"unknown endpoint key", "endpoints:\n  a: { auth_mode: jwt, allowed_role: [admin] }\n", `dypai.yaml:2:24: unknown key "allowed_role" in endpoint a (did you mean "allowed_roles"?)`},
		{"unknown key far from any", "zzzzzzzz: 1\n", `unknown key "zzzzzzzz" in the top level (valid keys: app, signup`},
		{"wrong type bool", "signup: yes please\n", `dypai.yaml:1:9: signup must be true or false, not a string`},
		{"wrong type list", "endpoints:\n  a: { auth_mode: jwt, params: user_id }\n", `dypai.yaml:2:32: endpoints.a.params must be a list of strings, not a string`},
		{"endpoints not a map", "endpoints: [a, b]\n", `dypai.yaml:1:12: endpoints must be a mapping, not a list`},
		{"bad app", "app: startup\n", `dypai.yaml:1:6: app must be one of saas, private, internal, backend, not "startup"`},
		{"bad profile", "sdk: { profile: firebase }\n", `unknown SDK profile "firebase" (known: dypai`},
		{"invalid yaml", "endpoints:\n  a: { auth_mode: jwt\n", `dypai.yaml:2:6: invalid YAML:`},
		{"duplicate key", "app: saas\napp: private\n", `dypai.yaml:2:1: invalid YAML: mapping key "app" already defined at [1:1]`},
		{"nested list item type", "ignore: [a, {b: c}]\n", `ignore[1] must be a string, not a mapping`},
		{"unknown auth key", "app: saas\nauth:\n  email_confirmaton: false\n", `dypai.yaml:3:3: unknown key "email_confirmaton" in auth (did you mean "email_confirmation"?)`},
		{"unknown auth key far from any", "auth: { reason: SSO only }\n", `dypai.yaml:1:9: unknown key "reason" in auth (valid keys: email_confirmation)`},
		{"auth wrong type", "auth:\n  email_confirmation: \"false\"\n", `dypai.yaml:2:23: auth.email_confirmation must be true or false, not a string`},
		{"auth not a map", "auth: [email_confirmation]\n", `dypai.yaml:1:7: auth must be a mapping, not a list`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseManifest("dypai.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error for %q", tc.src)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q\nwant it to contain %q", err, tc.want)
			}
		})
	}
}

// FuzzParseManifest: any input is a manifest or an error naming the file,
// never a panic or a hang (the seeds run as an ordinary test).
func FuzzParseManifest(f *testing.F) {
	for _, src := range []string{"", "---\n", "null", "[]", "42", "endpoints:\n", "endpoints:\n  a:\n", "endpoints:\n  a: ~\n",
		"a: &x {b: 1}\nc: *x\n", "!!binary aGVsbG8=", "endpoints: { a: { auth_mode: !!str jwt } }", "\x00\x01\x02", "app: saas\n---\napp: private\n",
		"app: internal\nsignup: true\nendpoints:\n  a: {auth_mode: jwt, allowed_roles: [admin], params: [user_id], uses: [current_user]}\n",
		"sdk: {profile: supabase, js_modules: [x], go_packages: [y]}\nidentity_fields: [uid]\njs: {client_entries: [a.ts], build_dirs: [dist]}\nignore: ['**/x/**']\n",
		"app: saas # dypai-ignore DYP401 reason\nendpoints:\n  h: {auth_mode: public}\n", "endpoints:\n  " + strings.Repeat("[", 70) + "\n"} {
		f.Add([]byte(src))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseManifest("dypai.yaml", data)
		if err == nil && m == nil {
			t.Fatal("no manifest and no error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "dypai.yaml") {
			t.Fatalf("error does not name the file: %v", err)
		}
	})
}

func TestFindAndCache(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "svc", "cmd", "api")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "svc", ManifestName)
	if err := os.WriteFile(path, []byte("app: private\nidentity_fields: [member]\nendpoints:\n  a: { auth_mode: jwt }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := FindManifest(sub, nil); got != path {
		t.Fatalf("FindManifest = %q, want %q", got, path)
	}
	if got := FindManifest(root, nil); got != "" {
		t.Fatalf("FindManifest above the file = %q, want none", got)
	}
	cfg := &Config{}
	p1, err := cfg.ProjectFor(sub)
	if err != nil {
		t.Fatal(err)
	}
	p2, _ := cfg.ProjectFor(filepath.Join(root, "svc"))
	if p1.Manifest == nil || p1.Manifest != p2.Manifest {
		t.Fatal("the manifest must be parsed once and shared")
	}
	if !p1.IsIdentityField("member") || p1.IsIdentityField("user_id") {
		t.Errorf("identity fields from the manifest not applied: %v", p1.IdentityFields)
	}
	cfg2 := &Config{IdentityFields: []string{"uid"}}
	p3, _ := cfg2.ProjectFor(sub)
	if !p3.IsIdentityField("uid") || p3.IsIdentityField("member") {
		t.Errorf("flag identity fields must override the manifest: %v", p3.IdentityFields)
	}
	none, err := cfg.ProjectFor(root)
	if err != nil || none.Manifest != nil || none.ManifestRulesApply() {
		t.Errorf("no manifest above root: got %+v, %v", none, err)
	}
	// A malformed file is an error naming it, for every directory under it.
	bad := filepath.Join(root, "bad")
	os.MkdirAll(bad, 0o755)
	os.WriteFile(filepath.Join(bad, ManifestName), []byte("app: saas\nendponts: {}\n"), 0o644)
	if _, err := cfg.ProjectFor(bad); err == nil || !strings.Contains(err.Error(), filepath.Join(bad, ManifestName)+":2:1") {
		t.Errorf("malformed manifest error = %v", err)
	}
}

func TestConfigValidate(t *testing.T) {
	if err := (&Config{Enable: []string{"DYP101", "manualuserid"}}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (&Config{Disable: []string{"DYP999"}}).Validate(); err == nil {
		t.Error("unknown rule accepted")
	}
	if err := (&Config{Profile: "nope"}).Validate(); err == nil {
		t.Error("unknown profile accepted")
	}
	c := &Config{Disable: []string{"manualuserid"}}
	if c.RuleEnabled("DYP201") || !c.RuleEnabled("DYP101") {
		t.Error("Disable by name not applied")
	}
	c = &Config{Enable: []string{"DYP101"}}
	if c.RuleEnabled("DYP201") || !c.RuleEnabled("DYP101") {
		t.Error("Enable not applied")
	}
}

func TestClosest(t *testing.T) {
	names := []string{"get_profile", "create_order", "list_orders"}
	for in, want := range map[string]string{"get_profil": "get_profile", "createorder": "create_order", "list_order": "list_orders", "delete_everything": ""} {
		if got := Closest(in, names); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// A manifest built to exhaust the YAML parser is refused before parsing,
// at the line and column where the bound is crossed.
// TestFindManifestStaysInside: with no tree (go vet, golangci-lint), the
// walk up stops at the repository holding the directory, else at its Go
// module: a dypai.yaml above the checked-out code is never read, nor one
// that links out of the repository.
func TestFindManifestStaysInside(t *testing.T) {
	outer := t.TempDir()
	write := func(path, content string) {
		testtree.Write(t, filepath.Dir(path), map[string]string{filepath.Base(path): content})
	}
	write(filepath.Join(outer, ManifestName), "app: saas\nendpoints: {}\n")
	repo := filepath.Join(outer, "repo")
	write(filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	write(filepath.Join(repo, "go", "go.mod"), "module example.com/m\n")
	pkg := filepath.Join(repo, "go", "internal", "api")
	write(filepath.Join(pkg, "api.go"), "package api\n")
	module := filepath.Join(outer, "module")
	write(filepath.Join(module, "go.mod"), "module example.com/n\n")
	modPkg := filepath.Join(module, "cmd")
	write(filepath.Join(modPkg, "main.go"), "package main\n")
	for _, dir := range []string{pkg, modPkg} {
		if got := FindManifest(dir, nil); got != "" {
			t.Errorf("FindManifest(%s) = %q: read above the repository or module", dir, got)
		}
		p, err := (&Config{}).ProjectFor(dir)
		if err != nil || p.Manifest != nil {
			t.Errorf("ProjectFor(%s) = %+v, %v: want no manifest", dir, p, err)
		}
	}
	// Inside the repository, above the module, it is found.
	inRepo := filepath.Join(repo, ManifestName)
	write(inRepo, "app: saas\nendpoints: {}\n")
	if got := FindManifest(pkg, nil); got != inRepo {
		t.Errorf("FindManifest = %q, want %q", got, inRepo)
	}
	// A dypai.yaml that links out of the repository is refused, naming it.
	os.Remove(inRepo)
	if err := os.Symlink(filepath.Join(outer, ManifestName), inRepo); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := (&Config{}).ProjectFor(pkg); err == nil || !strings.Contains(err.Error(), inRepo) {
		t.Errorf("a linked-out dypai.yaml: error %v, want one naming %s", err, inRepo)
	}
}

func TestManifestBounds(t *testing.T) {
	for name, c := range map[string]struct{ src, want string }{
		"flow nesting": {"app: saas\nendpoints:\n  x: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n",
			"dypai.yaml:3:70: brackets nest more than 64 deep: deeper than a dypai.yaml can be"},
		"indentation": {"app: saas\nendpoints:\n" + strings.Repeat(" ", 300) + "x: {}\n",
			"dypai.yaml:3:257: indented more than 256 columns: deeper than a dypai.yaml can be"},
		"size": {"app: saas\n" + strings.Repeat("# padding\n", 120000),
			"dypai.yaml: 1200010 bytes: larger than a dypai.yaml can be (1048576 at most)"},
	} {
		_, err := ParseManifest("dypai.yaml", []byte(c.src))
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %s", name, err, c.want)
		}
	}
	// Brackets in quoted scalars and comments do not count.
	src := "app: saas # " + strings.Repeat("[", 100) + "\nendpoints:\n  x: {auth_mode: jwt, params: ['" + strings.Repeat("{", 100) + "']}\n"
	if _, err := ParseManifest("dypai.yaml", []byte(src)); err != nil {
		t.Errorf("quoted brackets: %v", err)
	}
}
