package unknownendpoint

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/report"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
)

// New returns the DYP404 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	model := clientmodel.For(cfg)
	return report.Analyzer(rules.DYP404, []*analysis.Analyzer{model}, func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg, pass.ResultOf[model].(*clientmodel.Model))
	})
}

func run(pass *analysis.Pass, cfg *config.Config, m *clientmodel.Model) (any, error) {
	if m.Err != nil {
		return nil, m.Err
	}
	if len(m.Calls) == 0 || !m.Project.ManifestRulesApply() {
		return &report.Result{}, nil
	}
	man := m.Project.Manifest
	names := man.EndpointNames()
	r := report.New(pass, cfg)
	for _, c := range m.Calls {
		if c.Endpoint == "" || man.Endpoint(c.Endpoint) != nil {
			continue
		}
		d := analysis.Diagnostic{Pos: c.EndpointExpr.Pos(), End: c.EndpointExpr.End()}
		if best := config.Closest(c.Endpoint, names); best != "" {
			// No suggested fix: the typo may as well be in dypai.yaml, and
			// -fix renames nothing whose meaning could change.
			d.Message = rules.MsgUnknownEndpoint(c.Endpoint, best)
		} else {
			d.Message = rules.MsgUnknownEndpoint(c.Endpoint, "")
		}
		r.Report(rules.DYP404, d)
	}
	return r.Result(), nil
}
