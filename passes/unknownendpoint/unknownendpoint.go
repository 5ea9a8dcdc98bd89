package unknownendpoint

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/report"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
)

// New returns the DYP404 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	rule := rules.Must(rules.DYP404)
	model := clientmodel.For(cfg)
	return &analysis.Analyzer{
		Name:       rule.Name,
		Doc:        rule.Title + "\n\n" + rule.Doc,
		URL:        rule.URL(),
		Requires:   []*analysis.Analyzer{model},
		ResultType: report.ResultType,
		Run: report.Safe(rule.Name, func(pass *analysis.Pass) (any, error) {
			return run(pass, cfg, pass.ResultOf[model].(*clientmodel.Model))
		}),
	}
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
			d.Message = fmt.Sprintf("endpoint %q is not declared in dypai.yaml: call %q (the closest declared name) or declare it", c.Endpoint, best)
			if fix, ok := replaceName(c, best); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		} else {
			d.Message = fmt.Sprintf("endpoint %q is not declared in dypai.yaml: declare it there or call a declared endpoint", c.Endpoint)
		}
		r.Report(rules.DYP404, d)
	}
	return r.Result(), nil
}

// replaceName rewrites the endpoint literal to the suggested name, keeping
// a query string.
func replaceName(c *clientmodel.Call, name string) (analysis.SuggestedFix, bool) {
	lit := c.EndpointLit
	if lit == nil {
		return analysis.SuggestedFix{}, false
	}
	v, err := strconv.Unquote(lit.Value)
	if err != nil || !strings.HasPrefix(v, c.Endpoint) {
		return analysis.SuggestedFix{}, false
	}
	v = name + strings.TrimPrefix(v, c.Endpoint)
	text := strconv.Quote(v)
	if strings.HasPrefix(lit.Value, "`") && !strings.Contains(v, "`") {
		text = "`" + v + "`"
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Call %q", name),
		TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(text)}},
	}, true
}
