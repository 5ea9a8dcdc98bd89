package clientmodel

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/report"
)

// Pass returns the analyzer of rule id built on the model: check reads each
// package's Model and reports through r. A model error (a malformed
// dypai.yaml) fails the pass with that error.
func Pass(cfg *config.Config, id string, check func(pass *analysis.Pass, r *report.Reporter, m *Model)) *analysis.Analyzer {
	model := For(cfg)
	return report.Analyzer(id, []*analysis.Analyzer{model}, func(pass *analysis.Pass) (any, error) {
		m := pass.ResultOf[model].(*Model)
		if m.Err != nil {
			return nil, m.Err
		}
		r := report.New(pass, cfg)
		check(pass, r, m)
		return r.Result(), nil
	})
}
