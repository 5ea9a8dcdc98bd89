package apikeyclient

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the DYP101 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return clientmodel.Pass(cfg, rules.DYP101, check)
}

func check(pass *analysis.Pass, r *report.Reporter, m *clientmodel.Model) {
	if len(m.Keys) == 0 && len(m.ClientRefs) == 0 {
		return
	}
	terms := m.Project.Profile.Terms
	for _, k := range m.Keys {
		if k.Reach == nil {
			continue
		}
		var msg string
		if k.What == clientmodel.KeyHeader {
			header := k.Header
			if header == "" {
				header = "X-API-KEY"
			}
			msg = terms.KeyHeaderInBrowser("an "+header+" header", k.Reach.Label)
		} else {
			msg = terms.KeyClientInBrowser(k.What, k.Reach.Label)
		}
		r.Report(rules.DYP101, analysis.Diagnostic{Pos: k.Node.Pos(), End: k.Node.End(), Message: msg})
	}
	for _, ref := range m.ClientRefs {
		var msg string
		if ref.Import {
			chain := strings.Join(append([]string{ref.Reach.Label, "import " + ref.Name}, ref.Chain...), " → ")
			msg = terms.KeyClientAtInit(ref.Name, chain)
		} else {
			chain := strings.Join(append([]string{ref.Reach.Label}, ref.Chain...), " → ")
			msg = terms.KeyClientCalled(ref.Name, chain)
		}
		d := analysis.Diagnostic{Pos: ref.Node.Pos(), End: ref.Node.End(), Message: msg}
		if ref.Site.IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: ref.Site, Message: "the " + terms.Client + " is constructed here"}}
		}
		r.Report(rules.DYP101, d)
	}
}
