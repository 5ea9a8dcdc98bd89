package cli

import (
	"context"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/manifestcheck"
	"github.com/dypai/dypailint/internal/bundlescan"
	"github.com/dypai/dypailint/internal/jsscan"
)

func init() {
	Engines = append(Engines, scanJS, scanBundles)
}

// scanJS runs the JS/TS scanner on the named directories. Each project
// with client entry points is a front end.
func scanJS(ctx context.Context, dirs []string, cfg *config.Config, h Hooks) Output {
	logf := h.Logf
	res, err := jsscan.Scan(ctx, dirs, cfg)
	if err != nil {
		return Output{Errors: []error{err}}
	}
	out := Output{Findings: res.Findings, Errors: res.Errors}
	for _, s := range res.Stats {
		if s.Skipped {
			logf("js: %s: %d files, skipped: none mentions the SDK, an API-key header, a public env var or a directive", s.Root, s.Files)
		} else {
			logf("js: %s", s)
		}
		if len(s.Entries) == 0 {
			continue
		}
		if s.Recovery != nil {
			logf("js: %s: client code handles the set-password auth event at %s:%d:%d", s.Root, s.Recovery.File, s.Recovery.Line, s.Recovery.Col)
		}
		out.Frontends = append(out.Frontends, manifestcheck.Frontend{Dir: s.Root, Kind: manifestcheck.KindJS, Recovery: s.Recovery})
	}
	return out
}

// scanBundles runs the bundle scanner on the named directories.
func scanBundles(ctx context.Context, dirs []string, cfg *config.Config, h Hooks) Output {
	fs, errs := (&bundlescan.Scanner{Logf: h.Logf, Secret: h.Secret}).Scan(ctx, dirs, cfg)
	return Output{Findings: fs, Errors: errs}
}
