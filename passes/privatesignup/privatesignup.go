package privatesignup

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/report"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
)

// New returns the DYP403 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	model := clientmodel.For(cfg)
	return report.Analyzer(rules.DYP403, []*analysis.Analyzer{model}, func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg, pass.ResultOf[model].(*clientmodel.Model))
	})
}

func run(pass *analysis.Pass, cfg *config.Config, m *clientmodel.Model) (any, error) {
	if m.Err != nil {
		return nil, m.Err
	}
	if len(m.SignUps) == 0 || !m.Project.ManifestRulesApply() || m.Project.Manifest.SignupAllowed() {
		return &report.Result{}, nil
	}
	why := "signup: false"
	if man := m.Project.Manifest; man.Signup == nil {
		why = "app: " + man.App + ", so signup defaults to false"
	}
	r := report.New(pass, cfg)
	for _, s := range m.SignUps {
		r.Report(rules.DYP403, analysis.Diagnostic{
			Pos:     s.Call.Pos(),
			End:     s.Call.End(),
			Message: rules.MsgPrivateSignup(s.Name(), why),
		})
	}
	return r.Result(), nil
}
