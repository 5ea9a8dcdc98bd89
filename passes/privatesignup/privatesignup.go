package privatesignup

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the DYP403 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return clientmodel.Pass(cfg, rules.DYP403, check)
}

func check(pass *analysis.Pass, r *report.Reporter, m *clientmodel.Model) {
	if len(m.SignUps) == 0 || !m.Project.ManifestRulesApply() || m.Project.Manifest.SignupAllowed() {
		return
	}
	why := "signup: false"
	if man := m.Project.Manifest; man.Signup == nil {
		why = "app: " + man.App + ", so signup defaults to false"
	}
	for _, s := range m.SignUps {
		r.Report(rules.DYP403, analysis.Diagnostic{
			Pos:     s.Call.Pos(),
			End:     s.Call.End(),
			Message: rules.MsgPrivateSignup(s.Name(), why),
		})
	}
}
