// Package analyzer is dypailint's registry: All returns every Go pass,
// configured from one Config. The catalogue lives in analyzer/rules, the
// configuration and dypai.yaml in analyzer/config, the SDK surface tables in
// analyzer/sdk, suppression directives in analyzer/directive and the shared
// reporting helper in analyzer/report.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/directives"
)

// rulePasses builds the rule passes. Each pass package exposes
// New(*config.Config) *analysis.Analyzer named after its rule.
func rulePasses(cfg *config.Config) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		// Passes register here as they land.
	}
}

// All returns every Go analyzer configured by cfg: the rule passes followed
// by the directive pass (DYP001), which runs after them.
func All(cfg *config.Config) []*analysis.Analyzer {
	passes := rulePasses(cfg)
	return append(passes, directives.New(cfg, passes))
}
