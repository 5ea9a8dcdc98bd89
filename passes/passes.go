// Package passes is the registry of dypailint's Go passes, as staticcheck's
// analysis.go: All returns every pass, configured from one Config. Each
// pass lives in its own package beside this file (one rule each, with its
// doc.go and `// want` fixtures); the helpers they share are under
// passes/internal. The core packages under analyzer never import this one.
package passes

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/apikeyclient"
	"github.com/dypai/dypailint/passes/apikeyuserscope"
	"github.com/dypai/dypailint/passes/directives"
	"github.com/dypai/dypailint/passes/inviteonboarding"
	"github.com/dypai/dypailint/passes/keytobrowser"
	"github.com/dypai/dypailint/passes/manualuserid"
	"github.com/dypai/dypailint/passes/modemismatch"
	"github.com/dypai/dypailint/passes/privatesignup"
	"github.com/dypai/dypailint/passes/requestuserid"
	"github.com/dypai/dypailint/passes/secretsdk"
	"github.com/dypai/dypailint/passes/unknownendpoint"
)

// rulePasses builds the rule passes. Each pass package exposes
// New(*config.Config) *analysis.Analyzer named after its rule.
func rulePasses(cfg *config.Config) []*analysis.Analyzer {
	return []*analysis.Analyzer{
		apikeyclient.New(cfg),    // DYP101
		keytobrowser.New(cfg),    // DYP104
		secretsdk.New(cfg),       // DYP105
		manualuserid.New(cfg),    // DYP201
		requestuserid.New(cfg),   // DYP203
		apikeyuserscope.New(cfg), // DYP301
		privatesignup.New(cfg),   // DYP403
		unknownendpoint.New(cfg), // DYP404
		modemismatch.New(cfg),    // DYP405
	}
}

// All returns every Go analyzer configured by cfg: the rule passes followed
// by the directive pass (DYP001), which runs after them.
func All(cfg *config.Config) []*analysis.Analyzer {
	passes := rulePasses(cfg)
	return append(passes, directives.New(cfg, passes))
}

// ForCLI returns All and the passes whose results the CLI combines with the
// other engines' (the Go front ends DYP407 judges per app). The vet tool
// and the golangci-lint plugin, which do not read dypai.yaml's app-wide
// rules, run All.
func ForCLI(cfg *config.Config) []*analysis.Analyzer {
	return append(All(cfg), inviteonboarding.New(cfg))
}
