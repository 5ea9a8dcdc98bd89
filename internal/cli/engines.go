package cli

import (
	"context"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/bundlescan"
	"github.com/dypai/dypailint/internal/jsscan"
)

func init() {
	Engines = append(Engines, scanJS, bundlescan.Scan)
}

// scanJS runs the JS/TS scanner on the named directories.
func scanJS(ctx context.Context, dirs []string, cfg *config.Config) ([]finding.Finding, []error) {
	res, err := jsscan.Scan(ctx, dirs, cfg)
	if err != nil {
		return nil, []error{err}
	}
	return res.Findings, res.Errors
}
