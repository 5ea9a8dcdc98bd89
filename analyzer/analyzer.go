// Package analyzer is the root of dypailint's core: the rule catalogue
// (analyzer/rules), the configuration and dypai.yaml (analyzer/config), the
// SDK surface tables (analyzer/sdk), suppression directives
// (analyzer/directive) and the engine-neutral findings (analyzer/finding).
// The Go passes and their registry are in passes; the engines in internal.
//
// All is kept only as a forwarding alias of passes.All for the vet tool and
// the golangci-lint plugin, which another change moves to passes.All; it is
// the one import from the core back up to the passes and goes with them.
package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes"
)

// All returns passes.All(cfg).
//
// Deprecated: use passes.All.
func All(cfg *config.Config) []*analysis.Analyzer { return passes.All(cfg) }
