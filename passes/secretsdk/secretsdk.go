package secretsdk

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the DYP105 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return clientmodel.Pass(cfg, rules.DYP105, check)
}

func check(pass *analysis.Pass, r *report.Reporter, m *clientmodel.Model) {
	for _, site := range m.SecretSDKs {
		if site.Reach == nil {
			continue
		}
		msg := rules.MsgSecretSDK(site.SDK.Name, site.What, site.Key, "", site.Reach.Label, false)
		r.Report(rules.DYP105, analysis.Diagnostic{Pos: site.Node.Pos(), End: site.Node.End(), Message: msg})
	}
	for _, ref := range m.SecretSDKRefs {
		chain := strings.Join(append([]string{ref.Reach.Label}, ref.Chain...), " → ")
		what := ref.Name
		if ref.Import {
			what = "importing " + ref.Name // its initialisation builds the client
		}
		d := analysis.Diagnostic{Pos: ref.Node.Pos(), End: ref.Node.End(), Message: rules.MsgSecretSDK(ref.SDK.Name, what, ref.Key, "", chain, false)}
		if ref.Site.IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: ref.Site, Message: "the " + ref.SDK.Name + " client is constructed here"}}
		}
		r.Report(rules.DYP105, d)
	}
}
