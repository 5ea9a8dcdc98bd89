package manifestcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
)

// check writes src as dypai.yaml and returns the findings as
// "line:col RULE message" lines.
func check(t *testing.T, src string, cfg *config.Config) []string {
	t.Helper()
	dir := t.TempDir()
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
	for _, f := range Check(p, cfg) {
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
