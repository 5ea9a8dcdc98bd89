package apikeyuserscope

import (
	"fmt"
	"go/ast"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the DYP301 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return clientmodel.Pass(cfg, rules.DYP301, check)
}

func check(pass *analysis.Pass, r *report.Reporter, m *clientmodel.Model) {
	if len(m.Calls) == 0 && len(m.Keys) == 0 {
		return
	}
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
			name = rules.Endpoint(c.Endpoint)
		}
		report1(r, c.Call, related, rules.MsgAPIKeyUserScope(fmt.Sprintf("call of %s with API-key client %s", name, c.ClientName()), reasons))
	}
	for _, k := range m.Keys {
		if k.Raw == nil || !k.Raw.Platform {
			continue // another API taking its key in the same header
		}
		reasons, related := why(m.Project, k.Raw.Endpoint, k.Raw.Identity, k.Raw.Handler)
		if len(reasons) == 0 {
			continue
		}
		report1(r, k.Node, related, rules.MsgKeyRequestUserScope("request with an "+headerName(k)+" header", reasons))
	}
}

// headerName is the key header of a raw request, for messages.
func headerName(k *clientmodel.KeySite) string {
	if k.Header != "" {
		return k.Header
	}
	return "X-API-KEY"
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
			reasons = append(reasons, rules.ReasonJWTEndpoint(endpoint))
		}
	}
	if !p.Profile.ImplicitCaller {
		// Supabase: server code sends user ids and uses the service-role
		// key for a user it has checked by design.
		return reasons, related
	}
	if len(ids) > 0 {
		var fields []string
		for _, id := range ids {
			if !slices.Contains(fields, id.Field) {
				fields = append(fields, id.Field)
			}
		}
		reasons = append(reasons, rules.ReasonIdentity(fields))
	}
	if h != nil {
		reasons = append(reasons, rules.ReasonSignedIn(h.Name, h.Why))
		related = append(related, analysis.RelatedInformation{Pos: h.Pos, Message: "the handler gets the signed-in user here"})
	}
	return reasons, related
}
