package apikeyuserscope

import (
	"fmt"
	"go/ast"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/report"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
)

// New returns the DYP301 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	model := clientmodel.For(cfg)
	return report.Analyzer(rules.DYP301, []*analysis.Analyzer{model}, func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg, pass.ResultOf[model].(*clientmodel.Model))
	})
}

func run(pass *analysis.Pass, cfg *config.Config, m *clientmodel.Model) (any, error) {
	if m.Err != nil {
		return nil, m.Err
	}
	if len(m.Calls) == 0 && len(m.Keys) == 0 {
		return &report.Result{}, nil
	}
	r := report.New(pass, cfg)
	for _, c := range m.Calls {
		if !c.Kind.IsAPIKey() {
			continue
		}
		reasons, related := why(m.Project, c.Endpoint, c.Identity, c.Handler)
		if len(reasons) == 0 {
			continue
		}
		name := c.ClientName() + ".API." + c.Method
		if c.Endpoint != "" {
			name = fmt.Sprintf("%q", c.Endpoint)
		}
		report1(r, c.Call, related, fmt.Sprintf("user-scoped call of %s with API-key client %s: %s; forward the signed-in user's JWT with a user client instead",
			name, c.ClientName(), join(reasons)))
	}
	for _, k := range m.Keys {
		if k.Raw == nil {
			continue
		}
		reasons, related := why(m.Project, k.Raw.Endpoint, k.Raw.Identity, k.Raw.Handler)
		if len(reasons) == 0 {
			continue
		}
		report1(r, k.Node, related, fmt.Sprintf("user-scoped request with an X-API-KEY header: %s; send the signed-in user's JWT (Authorization: Bearer) instead",
			join(reasons)))
	}
	return r.Result(), nil
}

func report1(r *report.Reporter, n ast.Node, related []analysis.RelatedInformation, msg string) {
	r.Report(rules.DYP301, analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg, Related: related})
}

// why lists what makes an API-key call user-scoped.
func why(p *config.Project, endpoint string, ids []clientmodel.Identity, h *clientmodel.Handler) ([]string, []analysis.RelatedInformation) {
	var reasons []string
	var related []analysis.RelatedInformation
	if endpoint != "" && p.ManifestRulesApply() {
		if ep := p.Manifest.Endpoint(endpoint); ep != nil && ep.AuthMode == config.AuthJWT {
			reasons = append(reasons, fmt.Sprintf("dypai.yaml declares %q jwt", endpoint))
		}
	}
	if len(ids) > 0 {
		reasons = append(reasons, fmt.Sprintf("it sends the user's identity (%q)", ids[0].Field))
	}
	if h != nil {
		reasons = append(reasons, fmt.Sprintf("it runs in %s, a handler serving a signed-in user (%s)", h.Name, h.Why))
		related = append(related, analysis.RelatedInformation{Pos: h.Pos, Message: "the handler gets the signed-in user here"})
	}
	return reasons, related
}

// join lists reasons: "a", "a and b", "a, b, and c".
func join(reasons []string) string {
	switch len(reasons) {
	case 1:
		return reasons[0]
	case 2:
		return reasons[0] + " and " + reasons[1]
	}
	return strings.Join(reasons[:len(reasons)-1], ", ") + ", and " + reasons[len(reasons)-1]
}
