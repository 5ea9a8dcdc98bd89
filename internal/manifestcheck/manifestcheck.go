// Package manifestcheck is the engine of the rules reported in dypai.yaml
// (rules.Manifest in the catalogue; the CLI runs it after the other
// engines): DYP202 (jwt endpoint declares a user-id parameter), DYP302
// (api_key endpoint uses the current user), DYP401 (endpoint without a
// valid auth_mode), DYP402 (internal app endpoint without allowed_roles)
// and DYP406 (email confirmation off in an app with self sign-up), which
// read only the file, and DYP407 (invite-only app whose browser code never
// handles the set-password event), which also reads what the engines found
// of the app's front ends (finding.Frontend). Each finding is reported
// once per run, at its line in the file. Suppress one with a
// "# dypai-ignore DYPnnn reason" comment on the line or the line above.
package manifestcheck

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
)

// currentUserRefs are the engine's names for the signed-in user.
var currentUserRefs = []string{"current_user", "current_user_id"}

// Check returns the manifest findings of p (none when p has no manifest or
// its profile has no endpoint manifest), honouring suppression comments and
// the rules enabled in cfg. fronts are the front ends the engines found,
// under any manifest: Check picks those p's manifest applies to.
func Check(p *config.Project, cfg *config.Config, fronts []finding.Frontend) []finding.Finding {
	if !p.ManifestRulesApply() {
		return nil
	}
	m := p.Manifest
	var out []finding.Finding
	var add adder = func(id string, at config.Pos, format string, args ...any) {
		if !cfg.RuleEnabled(id) {
			return
		}
		out = append(out, finding.Finding{
			RuleID:  id,
			Loc:     finding.Location{File: m.Path, Line: at.Line, Col: at.Col},
			Message: fmt.Sprintf(format, args...),
		})
	}
	for _, e := range m.Endpoints {
		switch {
		case !e.AuthModeSet:
			add(rules.DYP401, e.Pos, "endpoint %s has no auth_mode: set auth_mode: jwt for signed-in users or api_key for server-to-server calls", e.Name)
			continue
		case e.AuthMode != config.AuthJWT && e.AuthMode != config.AuthAPIKey:
			add(rules.DYP401, e.AuthModePos, "endpoint %s has auth_mode %q: DYPAI has no public endpoints; use jwt for signed-in users or api_key for server-to-server calls", e.Name, e.AuthMode)
			continue
		}
		idParams := identityParams(p, e)
		switch e.AuthMode {
		case config.AuthJWT:
			if !e.HasRoles() {
				for _, i := range idParams {
					add(rules.DYP202, e.ParamPos[i], "jwt endpoint %s declares the user-id parameter %s: use current_user_id from the session instead", e.Name, e.Params[i])
				}
				if m.App == config.AppInternal {
					add(rules.DYP402, e.Pos, "endpoint %s in an internal app has no allowed_roles: any signed-in account can call it; list the roles that may", e.Name)
				}
			}
		case config.AuthAPIKey:
			for i, u := range e.Uses {
				if slices.Contains(currentUserRefs, u) {
					add(rules.DYP302, e.UsePos[i], "api_key endpoint %s uses %s, which is empty in a server-to-server call: make the endpoint jwt or pass a verified subject as data", e.Name, u)
				}
			}
			for _, i := range idParams {
				add(rules.DYP302, e.ParamPos[i], "api_key endpoint %s declares the user-id parameter %s, a caller-chosen identity: make the endpoint jwt so the engine supplies the user", e.Name, e.Params[i])
			}
		}
	}
	emailConfirm(m, add)
	inviteOnboarding(p, cfg, fronts, add)
	return suppress(m.Path, out, cfg)
}

func identityParams(p *config.Project, e *config.Endpoint) []int {
	var idx []int
	for i, name := range e.Params {
		if p.IsIdentityField(name) && i < len(e.ParamPos) {
			idx = append(idx, i)
		}
	}
	return idx
}

// suppress drops findings suppressed by "# dypai-ignore" comments in the
// manifest and adds DYP001 findings for malformed or unused ones.
func suppress(path string, fs []finding.Finding, cfg *config.Config) []finding.Finding {
	ds := yamlDirectives(path)
	if len(ds) == 0 {
		return fs
	}
	return directive.Apply(directive.At(fs), ds, directive.Policy{
		Enabled: cfg.RuleEnabled,
		Checked: func(id string) bool {
			r := rules.ByID(id)
			return r != nil && r.NeedsManifest && cfg.RuleEnabled(id) && slices.Contains(Rules, id)
		},
	})
}

// Rules are the rule IDs this package checks.
var Rules = rules.CheckedBy(rules.Manifest)

// yamlDirectives finds "# dypai-ignore …" comments in a YAML file.
func yamlDirectives(path string) []*directive.Directive {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return parseYAMLDirectives(path, data)
}

// parseYAMLDirectives finds the directives of a YAML file's contents.
func parseYAMLDirectives(path string, data []byte) []*directive.Directive {
	var out []*directive.Directive
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		i := strings.Index(text, "#")
		for i >= 0 && i > 0 && text[i-1] != ' ' && text[i-1] != '\t' {
			j := strings.Index(text[i+1:], "#")
			if j < 0 {
				i = -1
				break
			}
			i += j + 1
		}
		if i < 0 {
			continue
		}
		d, ok := directive.Parse(text[i+1:], directive.JSPrefix)
		if !ok {
			continue
		}
		d.File, d.Line, d.Col = path, line, i+1
		out = append(out, &d)
	}
	return out
}
