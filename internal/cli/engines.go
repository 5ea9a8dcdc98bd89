package cli

import (
	"context"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/bundlescan"
	"github.com/dypai/dypailint/internal/jsscan"
)

func init() {
	Engines = append(Engines, scanJS, scanBundles)
}

// scanJS runs the JS/TS scanner on the named directories.
func scanJS(ctx context.Context, dirs []string, cfg *config.Config, h Hooks) ([]finding.Finding, []error) {
	logf := h.Logf
	res, err := jsscan.Scan(ctx, dirs, cfg)
	if err != nil {
		return nil, []error{err}
	}
	for _, s := range res.Stats {
		if s.Skipped {
			logf("js: %s: %d files, skipped: none mentions the SDK, an API-key header, a public env var or a directive", s.Root, s.Files)
		} else {
			logf("js: %s", s)
		}
	}
	return res.Findings, res.Errors
}

// scanBundles runs the bundle scanner on the named directories.
func scanBundles(ctx context.Context, dirs []string, cfg *config.Config, h Hooks) ([]finding.Finding, []error) {
	return (&bundlescan.Scanner{Logf: h.Logf, Secret: h.Secret}).Scan(ctx, dirs, cfg)
}
