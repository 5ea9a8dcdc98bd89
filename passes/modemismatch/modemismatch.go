package modemismatch

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the DYP405 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return clientmodel.Pass(cfg, rules.DYP405, check)
}

func check(pass *analysis.Pass, r *report.Reporter, m *clientmodel.Model) {
	if len(m.Calls) == 0 || !m.Project.ManifestRulesApply() {
		return
	}
	for _, c := range m.Calls {
		ep := m.Project.Manifest.Endpoint(c.Endpoint)
		if ep == nil || ep.AuthMode != config.AuthAPIKey {
			continue
		}
		var msg string
		switch {
		case c.Reach != nil:
			msg = rules.MsgBrowserCallsAPIKeyEndpoint(c.Reach.Label, c.Endpoint)
		case c.Kind.IsUser():
			msg = rules.MsgUserCallsAPIKeyEndpoint(c.ClientName(), c.Endpoint)
		default:
			continue
		}
		r.Report(rules.DYP405, analysis.Diagnostic{Pos: c.Call.Pos(), End: c.Call.End(), Message: msg})
	}
}
