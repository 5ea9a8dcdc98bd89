package manifestcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
)

// check writes src as dypai.yaml and returns the findings as
// "line:col RULE message" lines.
func check(t *testing.T, src string, cfg *config.Config) []string {
	t.Helper()
	return checkIn(t, t.TempDir(), src, cfg, nil)
}

// checkIn is check in dir, with the front ends the engines found.
func checkIn(t *testing.T, dir, src string, cfg *config.Config, fronts []finding.Frontend) []string {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, config.ManifestName), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg == nil {
		cfg = &config.Config{}
	}
	p, err := cfg.ProjectFor(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range Check(p, cfg, fronts) {
		out = append(out, fmt.Sprintf("%d:%d %s %s", f.Loc.Line, f.Loc.Col, f.RuleID, f.Message))
	}
	return out
}

func TestCheck(t *testing.T) {
	src := `app: saas
endpoints:
  get_profile:     { auth_mode: jwt }
  update_profile:  { auth_mode: jwt, params: [name, user_id] }
  delete_user:     { auth_mode: jwt, allowed_roles: [admin], params: [user_id] }
  sync_erp_orders: { auth_mode: api_key, params: [since] }
  send_digest:     { auth_mode: api_key, uses: [current_user_id] }
  import_members:  { auth_mode: api_key, params: [owner_id] }
  export_reports:  { params: [since] }
  health:          { auth_mode: public }
  ping:            { auth_mode: none }
`
	got := check(t, src, nil)
	want := []string{
		`4:53 DYP202 jwt endpoint update_profile declares the user-id parameter user_id: use current_user_id from the session instead`,
		`7:49 DYP302 api_key endpoint send_digest uses current_user_id, which is empty in a server-to-server call: make the endpoint jwt or pass a verified subject as data`,
		`8:51 DYP302 api_key endpoint import_members declares the user-id parameter owner_id, a caller-chosen identity: make the endpoint jwt so the engine supplies the user`,
		`9:3 DYP401 endpoint export_reports has no auth_mode: set auth_mode: jwt for signed-in users or api_key for server-to-server calls`,
		`10:33 DYP401 endpoint health has auth_mode "public": DYPAI has no public endpoints; use jwt for signed-in users or api_key for server-to-server calls`,
		`11:33 DYP401 endpoint ping has auth_mode "none": DYPAI has no public endpoints; use jwt for signed-in users or api_key for server-to-server calls`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMissingRoles(t *testing.T) {
	src := `app: internal
endpoints:
  refund_order: { auth_mode: jwt }
  list_orders:  { auth_mode: jwt, allowed_roles: [support, admin] }
  nightly_sync: { auth_mode: api_key }
`
	got := check(t, src, nil)
	if len(got) != 1 || !strings.HasPrefix(got[0], "3:3 DYP402 endpoint refund_order in an internal app has no allowed_roles") {
		t.Errorf("got %q", got)
	}
	// The same endpoints in a SaaS app are fine.
	if got := check(t, strings.Replace(src, "internal", "saas", 1), nil); len(got) != 0 {
		t.Errorf("saas app: got %q", got)
	}
}

func TestIdentityFieldsConfigurable(t *testing.T) {
	src := "identity_fields: [member_id]\nendpoints:\n  a: { auth_mode: jwt, params: [member_id, user_id] }\n"
	got := check(t, src, nil)
	if len(got) != 1 || !strings.Contains(got[0], "parameter member_id") {
		t.Errorf("got %q", got)
	}
}

func TestSilentWhenClean(t *testing.T) {
	src := "app: saas\nendpoints:\n  get_profile: { auth_mode: jwt }\n  sync: { auth_mode: api_key, params: [since] }\n"
	if got := check(t, src, nil); len(got) != 0 {
		t.Errorf("got %q", got)
	}
}

func TestDisabledRules(t *testing.T) {
	src := "endpoints:\n  health: { auth_mode: public }\n"
	if got := check(t, src, &config.Config{Disable: []string{"publicendpoint"}}); len(got) != 0 {
		t.Errorf("disabled rule reported: %q", got)
	}
}

func TestSuppression(t *testing.T) {
	src := `endpoints:
  # dypai-ignore DYP401 health checks come from the load balancer, tracked in OPS-12
  health: { auth_mode: public }
  status: { auth_mode: public } # dypai-ignore DYP401
  ping:   { auth_mode: jwt } # dypai-ignore DYP401 stale
`
	got := check(t, src, nil)
	want := []string{
		`4:24 DYP401 endpoint status has auth_mode "public": DYPAI has no public endpoints; use jwt for signed-in users or api_key for server-to-server calls`,
		`4:33 DYP001 suppression directive gives no reason: say why the finding does not apply`,
		`5:30 DYP001 suppression of DYP401 matches no finding on this line or the next: remove it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestEmailConfirm(t *testing.T) {
	const msg = `auth.email_confirmation is false in an app with self sign-up (dypai.yaml: %s): anyone can register with an address they do not own; remove the setting to keep confirmation on, or record the strong reason with # dypai-ignore DYP406 <reason>`
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"saas", "app: saas\nauth:\n  email_confirmation: false\n", []string{"3:3 DYP406 " + fmt.Sprintf(msg, "app: saas")}},
		{"flow mapping", "app: saas\nauth: { email_confirmation: false }\n", []string{"2:9 DYP406 " + fmt.Sprintf(msg, "app: saas")}},
		{"private with signup", "app: private\nsignup: true\nauth: {email_confirmation: false}\n", []string{"3:8 DYP406 " + fmt.Sprintf(msg, "signup: true")}},
		{"confirmation on", "app: saas\nauth: {email_confirmation: true}\n", nil},
		{"not set", "app: saas\nauth: {}\n", nil},
		{"saas without signup", "app: saas\nsignup: false\nauth: {email_confirmation: false}\n", nil},
		{"private", "app: private\nauth: {email_confirmation: false}\n", nil},
		{"internal", "app: internal\nauth: {email_confirmation: false}\n", nil},
		{"backend", "app: backend\nauth: {email_confirmation: false}\n", nil},
		{"app not said", "auth: {email_confirmation: false}\n", nil},
		{"reason above", "app: saas\nauth:\n  # dypai-ignore DYP406 SSO-only tenants, addresses come from the identity provider\n  email_confirmation: false\n", nil},
		{"reason on the line", "app: saas\nauth:\n  email_confirmation: false # dypai-ignore DYP406 staging project, seeded test accounts\n", nil},
		{"no reason", "app: saas\nauth:\n  email_confirmation: false # dypai-ignore DYP406\n", []string{
			"3:3 DYP406 " + fmt.Sprintf(msg, "app: saas"),
			"3:29 DYP001 suppression directive gives no reason: say why the finding does not apply"}},
		{"stale reason", "app: saas\nauth:\n  email_confirmation: true # dypai-ignore DYP406 we used to need it\n", []string{
			"3:28 DYP001 suppression of DYP406 matches no finding on this line or the next: remove it"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := check(t, tc.src, nil)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	if got := check(t, "app: saas\nauth: {email_confirmation: false}\n", &config.Config{Disable: []string{"emailconfirm"}}); len(got) != 0 {
		t.Errorf("disabled DYP406 reported: %q", got)
	}
}

func TestInviteOnboarding(t *testing.T) {
	const msg = `app: %s onboards users by invitation, but no browser code handles the PASSWORD_RECOVERY auth event (checked: %s): invited users get no screen to set a password; in client code, show a set-password form when the callback given to %s receives "PASSWORD_RECOVERY"`
	handled := &finding.Location{File: "lib/auth.ts", Line: 3, Col: 1}
	for _, tc := range []struct {
		name, src string
		cfg       *config.Config
		fronts    []finding.Frontend // Dir relative to the manifest's directory
		want      []string
	}{
		{"private, no handler", "app: private\n", nil, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}},
			[]string{"1:1 DYP407 " + fmt.Sprintf(msg, "private", "JS/TS project ./web", "auth.onAuthStateChange")}},
		{"internal, two front ends", "# ops console\napp: internal\n", nil, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}, {Dir: "wasm", Kind: finding.KindGo}, {Dir: "wasm", Kind: finding.KindGo}, {Dir: ".", Kind: finding.KindJS}},
			[]string{"2:1 DYP407 " + fmt.Sprintf(msg, "internal", "JS/TS project ./, Go js/wasm package ./wasm, JS/TS project ./web", "auth.onAuthStateChange")}},
		{"Go front end only", "app: private\n", nil, []finding.Frontend{{Dir: "wasm", Kind: finding.KindGo}},
			[]string{"1:1 DYP407 " + fmt.Sprintf(msg, "private", "Go js/wasm package ./wasm", "Auth.OnAuthStateChange")}},
		{"one front end handles it", "app: private\n", nil, []finding.Frontend{{Dir: "admin", Kind: finding.KindJS}, {Dir: "web", Kind: finding.KindJS, Recovery: handled}}, nil},
		{"handled under one build configuration", "app: private\n", nil, []finding.Frontend{{Dir: "wasm", Kind: finding.KindGo}, {Dir: "wasm", Kind: finding.KindGo, Recovery: handled}}, nil},
		{"no browser code", "app: private\n", nil, nil, nil},
		{"front end under another manifest", "app: private\n", nil, []finding.Frontend{{Dir: "other/web", Kind: finding.KindJS}}, nil},
		{"saas", "app: saas\n", nil, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}}, nil},
		{"backend", "app: backend\n", nil, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}}, nil},
		{"private with signup still onboards invitees", "app: private\nsignup: true\n", nil, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}},
			[]string{"1:1 DYP407 " + fmt.Sprintf(msg, "private", "JS/TS project ./web", "auth.onAuthStateChange")}},
		{"suppressed", "# dypai-ignore DYP407 invitees set their password in the separate accounts portal\napp: private\n", nil, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}}, nil},
		{"stale suppression", "app: private # dypai-ignore DYP407 no set-password screen yet\n", nil, []finding.Frontend{{Dir: "web", Kind: finding.KindJS, Recovery: handled}},
			[]string{"1:14 DYP001 suppression of DYP407 matches no finding on this line or the next: remove it"}},
		{"disabled", "app: private\n", &config.Config{Disable: []string{"DYP407"}}, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}}, nil},
		{"supabase profile has no app manifest", "app: private\n", &config.Config{Profile: "supabase"}, []finding.Frontend{{Dir: "web", Kind: finding.KindJS}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "app")
			for _, d := range []string{dir, filepath.Join(root, "other")} {
				if err := os.MkdirAll(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			os.WriteFile(filepath.Join(root, "other", config.ManifestName), []byte("app: saas\n"), 0o644)
			var fronts []finding.Frontend
			for _, f := range tc.fronts {
				f.Dir = filepath.Join(dir, f.Dir)
				if strings.HasPrefix(f.Dir, filepath.Join(dir, "other")) {
					f.Dir = filepath.Join(root, strings.TrimPrefix(f.Dir, dir))
				}
				fronts = append(fronts, f)
			}
			got := checkIn(t, dir, tc.src, tc.cfg, fronts)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
