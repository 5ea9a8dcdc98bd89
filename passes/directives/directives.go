package directives

import (
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the directive pass. It runs after passes, whose results say
// which directives they used.
func New(cfg *config.Config, passes []*analysis.Analyzer) *analysis.Analyzer {
	rule := rules.Must(rules.DYP001)
	return &analysis.Analyzer{
		Name:       rule.Name,
		Doc:        rule.Title,
		URL:        rule.URL(),
		Requires:   passes,
		ResultType: report.ResultType,
		Run: report.Safe(rule.Name, func(pass *analysis.Pass) (any, error) {
			return run(pass, cfg, passes)
		}),
	}
}

func run(pass *analysis.Pass, cfg *config.Config, passes []*analysis.Analyzer) (any, error) {
	var used []token.Pos
	// Rules whose directives can be judged here: those the passes check.
	checked := map[string]bool{}
	for _, a := range passes {
		if res, ok := pass.ResultOf[a].(*report.Result); ok {
			used = append(used, res.Used...)
		}
		if r := rules.ByID(a.Name); r != nil && cfg.RuleEnabled(r.ID) {
			checked[r.ID] = true
		}
	}
	ds := directive.ParseGoFiles(pass.Fset, pass.Files)
	if len(ds) == 0 {
		return &report.Result{}, nil
	}
	ix := directive.NewIndex(ds)
	ix.MarkUsed(func(d *directive.Directive) bool { return slices.Contains(used, d.Pos) })
	r := report.New(pass, cfg)
	policy := report.Policy(cfg)
	policy.Checked = func(id string) bool { return checked[id] }
	for _, d := range policy.Stale(ix) {
		r.Report(rules.DYP001, analysis.Diagnostic{Pos: d.Pos, Message: directive.Message(d)})
	}
	return r.Result(), nil
}
