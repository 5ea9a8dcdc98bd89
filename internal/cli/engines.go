package cli

import (
	"context"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/bundlescan"
	"github.com/dypai/dypailint/internal/discover"
	"github.com/dypai/dypailint/internal/gcpace"
	"github.com/dypai/dypailint/internal/golint"
	"github.com/dypai/dypailint/internal/jsscan"
	"github.com/dypai/dypailint/internal/manifestcheck"
	"github.com/dypai/dypailint/passes"
)

// Engine checks the planned tree for one family of inputs: Go packages,
// JS/TS projects, built bundles, dypai.yaml.
type Engine interface {
	Run(ctx context.Context, in *Input) Output
}

// Input is what every engine is given.
type Input struct {
	Plan    *discover.Plan
	Cfg     *config.Config
	Offline bool // the go command must not use the network
	Hooks   Hooks
	// Cache keeps results between runs; nil: none.
	Cache *runCache
	// Frontends are the front ends the engines of the earlier stages found
	// (see stages).
	Frontends []finding.Frontend
}

// stages are the engines the CLI runs, in order. The engines of one stage
// run at once; a later stage starts when the earlier one is done and sees
// the front ends it found: the manifest checks judge an app by all of its
// browser code together (DYP407). Within a stage, what the engines found
// is kept in the order of the list (the quick engines first, as they used
// to finish).
var stages = [][]Engine{
	{bundleEngine{}, jsEngine{}, goEngine{}},
	{manifestEngine{}},
}

// goEngine runs the Go passes on each Go load of the plan, one after another
// (a load is one `go list` and type-check of a module's packages), or takes
// a load's result from the re-run cache while no Go input of the tree
// changed.
type goEngine struct{}

func (goEngine) Run(_ context.Context, in *Input) Output {
	analyzers := passes.ForCLI(in.Cfg)
	var out Output
	for _, load := range in.Plan.GoLoads {
		res, ok := in.Cache.loadGo(load)
		if !ok {
			res = *golint.Run(load, analyzers, in.Cfg, golint.Options{Tests: in.Cfg.Tests, Offline: in.Offline, Logf: in.Hooks.Logf})
			in.Cache.storeGo(load, res)
		}
		out.add(Output{res.Findings, res.Errors, res.Frontends})
	}
	return out
}

// tuneGC paces the collector for the run, unless the user set GOGC, and
// returns what puts it back; one setting for the whole run, as the engines
// of a stage run at once. A Go load holds every package's syntax and types
// at once: collecting less often (GOGC 200) trades a little memory for about
// a quarter less CPU. Without one, the scanners' heaps are mostly garbage
// between files and projects, small or large with the tree: gcpace grows
// them by at least 64 MiB and at most half the live heap between cycles.
func tuneGC(plan *discover.Plan) func() {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	if len(plan.GoLoads) > 0 {
		old := debug.SetGCPercent(200)
		return func() { debug.SetGCPercent(old) }
	}
	return gcpace.Start(gcpace.Pace{Headroom: 64 << 20, Min: 50, Max: 200})
}

// jsEngine runs the JS/TS scanner on the named directories. Each project
// with client entry points is a front end.
type jsEngine struct{}

func (jsEngine) Run(ctx context.Context, in *Input) Output {
	logf := in.Hooks.Logf
	res, err := jsscan.ScanWith(ctx, in.Plan.Dirs, in.Cfg, in.Cache.jsCache())
	if err != nil {
		return Output{Errors: []error{err}}
	}
	out := Output{Findings: res.Findings, Errors: res.Errors}
	for _, s := range res.Stats {
		if s.Skipped {
			logf("js: %s: %d files, skipped: nothing it could read mentions the SDK, a server-only SDK, an API-key header, a secret-looking public env var or a directive", s.Root, s.Files)
		} else {
			logf("js: %s", s)
		}
		if len(s.Entries) == 0 {
			continue
		}
		if s.Recovery != nil {
			logf("js: %s: client code handles the set-password auth event at %s:%d:%d", s.Root, s.Recovery.File, s.Recovery.Line, s.Recovery.Col)
		}
		out.Frontends = append(out.Frontends, finding.Frontend{Dir: s.Root, Kind: finding.KindJS, Recovery: s.Recovery})
	}
	return out
}

// bundleEngine runs the bundle scanner on the named directories.
type bundleEngine struct{}

func (bundleEngine) Run(ctx context.Context, in *Input) Output {
	fs, errs := (&bundlescan.Scanner{Logf: in.Hooks.Logf, Secret: in.Hooks.Secret}).Scan(ctx, in.Plan.Dirs, in.Cfg)
	return Output{Findings: fs, Errors: errs}
}

// manifestEngine checks each dypai.yaml of the plan (or the one -config
// names) once, its own rules reported once, with the front ends under it.
type manifestEngine struct{}

func (manifestEngine) Run(_ context.Context, in *Input) Output {
	manifests := in.Plan.Manifests
	if in.Cfg.ManifestPath != "" {
		manifests = []string{in.Cfg.ManifestPath}
	}
	var out Output
	for _, path := range manifests {
		proj, err := in.Cfg.ProjectFor(filepath.Dir(path))
		if err != nil {
			out.Errors = append(out.Errors, err)
			continue
		}
		out.Findings = append(out.Findings, manifestcheck.Check(proj, in.Cfg, in.Frontends)...)
	}
	return out
}
