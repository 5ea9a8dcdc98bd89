// Package cli is the dypailint command line: it plans the run from its
// arguments, runs its engines (the Go passes, the JS/TS scanner, the bundle
// scanner, the manifest checks: the stages in engines.go, each behind the
// Engine interface) or takes their result from the re-run cache (cache.go,
// projectcache.go), keeps what lies inside the tree, bounds floods, tells
// notes from errors, and writes the findings in the chosen format. Exit
// status: 0 clean, 1 findings, 2 usage or input error.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/baseline"
	"github.com/dypai/dypailint/internal/discover"
	"github.com/dypai/dypailint/internal/fix"
	"github.com/dypai/dypailint/internal/output"
	"github.com/dypai/dypailint/internal/redact"
	"github.com/dypai/dypailint/internal/scantree"
)

// Exit statuses.
const (
	ExitClean    = 0
	ExitFindings = 1
	ExitError    = 2
)

// Hooks are what an engine may tell the driver while it runs.
type Hooks struct {
	Logf Logf // what it scans (-v); never nil
	// Secret registers a secret value the engine found, which the output
	// then masks wherever it appears; never nil.
	Secret func(value string)
}

// Output is what an engine found: findings, input errors, and the front
// ends (browser code) it saw, which the manifest checks judge per app
// (DYP407).
type Output struct {
	Findings  []finding.Finding
	Errors    []error
	Frontends []finding.Frontend
}

// add appends what o holds to out.
func (out *Output) add(o Output) {
	out.Findings = append(out.Findings, o.Findings...)
	out.Errors = append(out.Errors, o.Errors...)
	out.Frontends = append(out.Frontends, o.Frontends...)
}

// Logf prints one line of -v output.
type Logf func(format string, args ...any)

// options are the parsed command line.
type options struct {
	cfg      config.Config
	format   string
	explain  string
	list     bool
	version  bool
	enable   string
	disable  string
	idFields string
	secrets  string
	baseline string
	writeBL  string
	fix      bool
	diff     bool
	cpuProf  string
	memProf  string
	verbose  bool
	offline  bool
	noCache  bool
}

func parse(args []string, stderr io.Writer) (*options, []string, error) {
	o := &options{}
	fs := flag.NewFlagSet("dypailint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: dypailint [flags] [packages | dir/... | dir]\n\n"+
			"Finds DYPAI auth-flow mistakes in Go packages, JS/TS projects, built bundles\n"+
			"and dypai.yaml. With no arguments it lints ./...\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExit status: 0 no findings, 1 findings, 2 usage or input error.\n")
	}
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(output.Formats, ", "))
	jsonAlias := fs.Bool("json", false, "alias for -format json")
	fs.StringVar(&o.cfg.ManifestPath, "config", "", "path of dypai.yaml (default: found by walking up from each analysed directory)")
	fs.StringVar(&o.cfg.Profile, "sdk", "", "SDK profile (default: dypai.yaml's sdk.profile, else dypai)")
	fs.StringVar(&o.enable, "enable", "", "comma-separated rules to run (IDs or names); default all")
	fs.StringVar(&o.disable, "disable", "", "comma-separated rules not to run")
	fs.StringVar(&o.idFields, "identity-fields", "", "comma-separated payload keys that carry the user's identity (overrides dypai.yaml)")
	fs.StringVar(&o.secrets, "secret-env", "", "comma-separated env var names whose values must never appear in a bundle")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	fs.StringVar(&o.writeBL, "write-baseline", "", "record the current findings in this file and exit 0")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes (mechanical ones only, such as dropping an identity field)")
	fs.BoolVar(&o.diff, "diff", false, "with or without -fix: print the suggested fixes as a unified diff, change nothing")
	fs.StringVar(&o.cpuProf, "debug.cpuprofile", "", "write a CPU profile to this file")
	fs.StringVar(&o.memProf, "debug.memprofile", "", "write a heap profile to this file at exit")
	fs.BoolVar(&o.cfg.Tests, "tests", false, "also analyse test files (Go _test.go; JS/TS *.test.*, *.spec.*, __tests__/)")
	fs.BoolVar(&o.noCache, "no-cache", false, "neither read nor write the re-run cache (os.UserCacheDir()/dypailint; -fix and -diff never use it)")
	fs.BoolVar(&o.offline, "offline", false, "never use the network: the go command must find every module in the module cache (GOPROXY=off)")
	fs.BoolVar(&o.verbose, "v", false, "print what is analysed to standard error: Go packages per module, JS/TS projects with their entry points and modules, build folders")
	fs.StringVar(&o.explain, "explain", "", "print the documentation of a rule (e.g. DYP101) and exit")
	fs.BoolVar(&o.list, "rules", false, "list the rules and exit")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return nil, nil, err
	}
	if *jsonAlias {
		o.format = "json"
	}
	o.cfg.Enable, o.cfg.Disable, o.cfg.SecretEnv = splitList(o.enable), splitList(o.disable), splitList(o.secrets)
	if o.idFields != "" {
		o.cfg.IdentityFields = splitList(o.idFields)
	}
	return o, fs.Args(), nil
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Run runs the command with args (without the program name) and returns the
// exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	o, rest, err := parse(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitClean
		}
		return ExitError
	}
	x := &exit{stderr: stderr, red: &redact.Redactor{}}
	if code, done := x.info(o, stdout); done {
		return code
	}
	if err := o.cfg.Validate(); err != nil {
		x.say("%v", err)
		return ExitError
	}
	if !isFormat(o.format) {
		x.say("unknown format %q (want %s)", o.format, strings.Join(output.Formats, ", "))
		return ExitError
	}
	cwd, err := os.Getwd()
	if err != nil {
		x.say("%v", err)
		return ExitError
	}
	plan, err := discover.FromArgs(cwd, rest)
	if err != nil {
		x.say("%v", err)
		return ExitError
	}
	stop, ok := x.profile(o)
	if !ok {
		return ExitError
	}
	defer stop()
	hooks := Hooks{Logf: func(string, ...any) {}, Secret: x.red.Add}
	if o.verbose {
		hooks.Logf = x.say
	}
	o.cfg.Tree = plan.Tree
	rc := openCache(o, plan, cwd, hooks.Logf)
	run := rc.loadRun()
	if run == nil {
		run = lint(context.Background(), plan, o, hooks, rc)
		x.redactRun(run)
		rc.store(run, x.red)
	}
	run.Root, run.Version = cwd, Version()
	return x.report(run, plan, o, cwd, stdout)
}

// info answers the flags that print something about the tool and exit
// (-version, -rules, -explain); done says whether one was given.
func (x *exit) info(o *options, stdout io.Writer) (code int, done bool) {
	switch {
	case o.version:
		fmt.Fprintln(stdout, "dypailint", Version())
	case o.list:
		for _, r := range rules.All() {
			planned := ""
			if r.Planned {
				planned = " (planned)"
			}
			fmt.Fprintf(stdout, "%s  %-18s %-7s %s%s\n", r.ID, r.Name, r.Severity, r.Title, planned)
		}
	case o.explain != "":
		r := rules.ByID(o.explain)
		if r == nil {
			x.say("unknown rule %q (see dypailint -rules)", o.explain)
			return ExitError, true
		}
		fmt.Fprint(stdout, r.Explain())
	default:
		return 0, false
	}
	return ExitClean, true
}

// profile starts the -debug profiles; stop writes them.
func (x *exit) profile(o *options) (stop func(), ok bool) {
	var stops []func()
	if o.cpuProf != "" {
		f, err := os.Create(o.cpuProf)
		if err != nil {
			x.say("%v", err)
			return nil, false
		}
		pprof.StartCPUProfile(f)
		stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
	}
	if o.memProf != "" {
		stops = append(stops, func() { writeHeapProfile(o.memProf, x) })
	}
	return func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}, true
}

// report writes what the run found as the flags ask — a baseline to
// record or to filter by, fixes to apply or show, the output format — and
// returns the exit status.
func (x *exit) report(run *output.Run, plan *discover.Plan, o *options, cwd string, stdout io.Writer) int {
	if o.writeBL != "" {
		if err := baseline.Write(o.writeBL, cwd, run.Findings); err != nil {
			x.say("%v", err)
			return ExitError
		}
		x.say("recorded %d findings in %s", len(run.Findings), o.writeBL)
		x.problems(cwd, run)
		if len(run.Errors) > 0 {
			return ExitError
		}
		return ExitClean
	}
	if o.baseline != "" {
		kept, n, err := baseline.Filter(o.baseline, cwd, run.Findings)
		if err != nil {
			x.say("%v", err)
			return ExitError
		}
		run.Findings, run.Baselined = kept, n
	}
	if o.fix || o.diff {
		var diff strings.Builder
		res, err := fix.Apply(run.Findings, plan.Tree, o.diff, &diff, func(p string) string { return output.Rel(cwd, p) })
		io.WriteString(stdout, x.red.String(diff.String()))
		if err != nil {
			x.say("%v", err)
			return ExitError
		}
		for _, e := range res.Refused {
			run.Notes = append(run.Notes, x.red.Error(e))
		}
		x.say("%s", res.Summary(o.diff))
		if o.diff {
			x.problems(cwd, run)
			return exitStatus(run)
		}
		// Report what is left: the findings that had no fix.
		run.Findings = slices.DeleteFunc(run.Findings, func(f finding.Finding) bool { return len(f.Fixes) > 0 })
	}
	if err := output.Write(stdout, o.format, run); err != nil {
		x.say("%v", err)
		return ExitError
	}
	if o.format == "text" { // JSON and SARIF carry them in the document
		x.problems(cwd, run)
		if run.Baselined > 0 {
			x.say("%d findings hidden by the baseline %s", run.Baselined, o.baseline)
		}
	}
	return exitStatus(run)
}

// problems prints the input errors and notes of a run.
func (x *exit) problems(cwd string, run *output.Run) {
	for _, e := range run.Errors {
		x.say("%v", relErr(cwd, e))
	}
	for _, e := range run.Notes {
		x.say("note: %v", relErr(cwd, e))
	}
}

func exitStatus(run *output.Run) int {
	switch {
	case len(run.Errors) > 0:
		return ExitError
	case len(run.Findings) > 0:
		return ExitFindings
	}
	return ExitClean
}

func writeHeapProfile(path string, x *exit) {
	f, err := os.Create(path)
	if err != nil {
		x.say("%v", err)
		return
	}
	defer f.Close()
	runtime.GC()
	pprof.WriteHeapProfile(f)
}

func isFormat(f string) bool {
	for _, g := range output.Formats {
		if f == g {
			return true
		}
	}
	return false
}

// relErr shortens absolute paths under cwd in an error message.
func relErr(cwd string, err error) string {
	return strings.ReplaceAll(err.Error(), cwd+string(filepath.Separator), "")
}

// lint runs every engine on the plan, stage by stage.
func lint(ctx context.Context, plan *discover.Plan, o *options, hooks Hooks, rc *runCache) *output.Run {
	defer tuneGC(plan)()
	in := &Input{Plan: plan, Cfg: &o.cfg, Offline: o.offline, Hooks: hooks, Cache: rc}
	all := Output{Errors: slices.Clone(plan.Notes)}
	for _, stage := range stages {
		outs := make([]Output, len(stage))
		var wg sync.WaitGroup
		for i, eng := range stage {
			wg.Go(func() { outs[i] = eng.Run(ctx, in) })
		}
		wg.Wait()
		for _, out := range outs {
			all.add(out)
		}
		in.Frontends = all.Frontends
	}
	run := &output.Run{Findings: all.Findings, Errors: all.Errors}
	run.Findings = insideTree(plan.Tree, run)
	var bounded []error
	run.Findings, bounded = finding.Bound(finding.Sort(run.Findings))
	run.Errors = append(run.Errors, bounded...)
	var errs []error
	for _, e := range collapseDepthNotes(finding.UniqueErrors(run.Errors)) {
		if finding.IsNotice(e) {
			run.Notes = append(run.Notes, e)
		} else {
			errs = append(errs, e)
		}
	}
	run.Errors = errs
	return run
}

// insideTree drops what no engine should report but an engine that reads
// through tools of its own could (the go command follows a go.mod replace
// directive to any directory): findings outside the tree, and related
// locations outside it. Each dropped file is a note.
func insideTree(tree *scantree.Tree, run *output.Run) []finding.Finding {
	dropped := map[string]bool{}
	inside := func(file string) bool {
		if tree.Admits(file) {
			return true
		}
		dropped[file] = true
		return false
	}
	out := run.Findings[:0]
	for _, f := range run.Findings {
		if !inside(f.Loc.File) {
			continue
		}
		f.Related = slices.DeleteFunc(f.Related, func(r finding.Related) bool { return !inside(r.File) })
		out = append(out, f)
	}
	if len(dropped) > 0 {
		run.Errors = append(run.Errors, finding.Notef("", "%d files with findings lie outside the scanned tree (reached through a go.mod replace or go.work directive?): their findings are not reported", len(dropped)))
	}
	return out
}

// maxDepthNotes is how many too-deep directories are named one by one: a
// tree built to be deep has thousands.
const maxDepthNotes = 3

// collapseDepthNotes keeps the first maxDepthNotes directory-depth notes
// and counts the rest in one.
func collapseDepthNotes(errs []error) []error {
	n := 0
	out := slices.DeleteFunc(errs, func(e error) bool {
		if !errors.Is(e, scantree.ErrTooDeep) {
			return false
		}
		n++
		return n > maxDepthNotes
	})
	if n > maxDepthNotes {
		out = append(out, finding.Notef("", "%d more directories are more than %d deep and were not scanned", n-maxDepthNotes, scantree.MaxDepth))
	}
	return out
}

// Version is the module version the binary was built from.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
