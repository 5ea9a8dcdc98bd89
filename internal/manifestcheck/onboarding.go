package manifestcheck

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
)

// emailConfirm reports DYP406: email confirmation off in an app with self
// sign-up.
func emailConfirm(m *config.Manifest, add adder) {
	c := m.Auth.EmailConfirmation
	if c == nil || *c || !m.SelfSignup() {
		return
	}
	why := "app: " + m.App
	if m.Signup != nil {
		why = "signup: true"
	}
	add(rules.DYP406, m.Auth.EmailConfirmationPos, "%s", rules.MsgEmailConfirmOff(why))
}

// inviteOnboarding reports DYP407 once per invite-only app, at its app:
// line, when it has front ends and none handles the set-password event.
func inviteOnboarding(p *config.Project, cfg *config.Config, fronts []finding.Frontend, add adder) {
	m := p.Manifest
	event := p.Profile.SetPasswordEvent
	if !m.InviteOnly() || event == "" {
		return
	}
	mine := frontendsOf(m, cfg, fronts)
	if len(mine) == 0 || slices.ContainsFunc(mine, func(f finding.Frontend) bool { return f.Recovery != nil }) {
		return
	}
	var checked []string
	for _, f := range mine {
		rel, err := filepath.Rel(filepath.Dir(m.Path), f.Dir)
		if err != nil {
			rel = f.Dir
		}
		checked = append(checked, f.Kind+" "+strings.TrimSuffix("./"+filepath.ToSlash(rel), "."))
	}
	listen := p.Profile.JSAuthField + "." + p.Profile.JSAuthStateChange
	if !slices.ContainsFunc(mine, func(f finding.Frontend) bool { return f.Kind == finding.KindJS }) && p.Profile.GoAuthStateChange != "" {
		listen = p.Profile.GoAuthField + "." + p.Profile.GoAuthStateChange
	}
	add(rules.DYP407, m.AppPos, "%s", rules.MsgInviteOnboarding(m.App, event, listen, strings.Join(checked, ", ")))
}

// frontendsOf returns the front ends m applies to, each once (a Go package
// can be met under two build configurations), in a stable order.
func frontendsOf(m *config.Manifest, cfg *config.Config, fronts []finding.Frontend) []finding.Frontend {
	byDir := map[string]finding.Frontend{}
	for _, f := range fronts {
		p, err := cfg.ProjectFor(f.Dir)
		if err != nil || p.Manifest != m {
			continue
		}
		k := f.Kind + "\x00" + f.Dir
		if old, ok := byDir[k]; !ok || old.Recovery == nil {
			byDir[k] = f
		}
	}
	out := make([]finding.Frontend, 0, len(byDir))
	for _, f := range byDir {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b finding.Frontend) int { return cmp.Or(cmp.Compare(a.Dir, b.Dir), cmp.Compare(a.Kind, b.Kind)) })
	return out
}

// adder adds a finding of a rule at a position of the manifest.
type adder func(id string, at config.Pos, format string, args ...any)
