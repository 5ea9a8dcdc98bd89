package unknownendpoint

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the DYP404 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return clientmodel.Pass(cfg, rules.DYP404, check)
}

func check(pass *analysis.Pass, r *report.Reporter, m *clientmodel.Model) {
	if len(m.Calls) == 0 || !m.Project.ManifestRulesApply() {
		return
	}
	man := m.Project.Manifest
	names := man.EndpointNames()
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
}
