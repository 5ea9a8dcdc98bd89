package jsscan

import (
	"fmt"
	"maps"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/jsscan/checks"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/scantree"
	"github.com/dypai/dypailint/internal/textfile"
)

// projectScan is the state of one project's scan: two builds (server and
// client), each analysed by its own pass, feeding one set of findings.
type projectScan struct {
	p     *proj
	cfg   *config.Config
	files *source.Files
	st    *build.State
	alias map[string]string
	found map[string]finding.Finding // the findings of both passes, one per rule, line and message
	errs  []error
	stats ProjectStats
	// server and client say which passes can find anything (passesNeeded).
	server, client bool
	inputs         map[string]bool // every input file of the builds
}

// scanProject builds and analyses one project, stopping at deadline. A
// panic (a bug here or in a library on odd input) becomes an error naming
// the project.
func scanProject(p *proj, cfg *config.Config, files *source.Files, deadline time.Time) (res ProjectResult) {
	s := &projectScan{p: p, cfg: cfg, files: files, found: map[string]finding.Finding{}, inputs: map[string]bool{}}
	s.stats.Root = p.Root
	defer func() {
		if r := recover(); r != nil {
			res = ProjectResult{Errors: append(s.errs, internalError(p, r)), Stats: s.stats}
		}
	}()
	if err := p.Setup(cfg); err != nil {
		s.errs = append(s.errs, err)
	}
	skipped := s.dropUnreadable()
	s.stats.Files = len(p.Files)
	s.stats.Entries = map[string]int{}
	for _, e := range p.Entries {
		s.stats.Entries[e.Kind.Label()]++
	}
	// Build configs that publish a secret whatever its name: read before
	// the byte search, which looks for what the other rules need.
	exposed := slices.DeleteFunc(checks.ConfigExposures(p.Builder), func(f finding.Finding) bool {
		return !cfg.RuleEnabled(f.RuleID) || p.Excluded(f.Loc.File) || p.Only != "" && !project.Within(f.Loc.File, p.Only)
	})
	s.server, s.client = p.passesNeeded(files)
	s.stats.NoServerBuild = !s.server && s.client
	if !s.server && !s.client {
		s.stats.Skipped = true
		return ProjectResult{Findings: p.suppress(exposed, cfg, files), Errors: s.errs, Stats: s.stats}
	}
	s.prepareBuild(deadline, skipped)
	defer s.st.Bundler.Dispose()
	s.build()
	return s.results(exposed)
}

// internalError reports a panic of the scanner on one project.
func internalError(p *proj, r any) error {
	return fmt.Errorf("%s: internal error in the JS/TS scanner: %v (please report this bug)\n%s", p.Root, r, debug.Stack())
}

// dropUnreadable leaves out, with a note, a file named like a source that
// is not text (an HLS video segment named .ts, a compiled asset) or nests
// too deep to parse safely. It returns the files left out.
func (s *projectScan) dropUnreadable() []string {
	var skipped []string
	s.p.Files = slices.DeleteFunc(s.p.Files, func(f string) bool {
		data, err := s.files.Read(f)
		if err != nil {
			return false
		}
		var msg string
		switch {
		case textfile.IsBinary(data):
			msg = "skipped: binary content, not JavaScript or TypeScript (a video segment or compiled asset named like a source?)"
		case source.TooDeep(data):
			msg = source.TooDeepNote
		default:
			return false
		}
		skipped = append(skipped, f)
		s.errs = append(s.errs, &finding.Problem{File: f, Line: 1, Col: 1, Notice: true, Msg: msg})
		return true
	})
	return skipped
}

// prepareBuild sets up the state both builds share: the deadline, the
// tsconfig files (ignored when one escapes the tree), the stubbed files and
// the path aliases.
func (s *projectScan) prepareBuild(deadline time.Time, skipped []string) {
	p := s.p
	s.st = build.NewState()
	s.st.Deadline = deadline
	if err := p.TsconfigEscape(); err != nil {
		s.st.NoTsconfig = true
		if oe, ok := err.(*scantree.OutsideError); ok {
			oe.Effect = "not read, and the project's tsconfig files are ignored (path aliases do not resolve)"
		}
		s.errs = append(s.errs, err)
	}
	for _, f := range skipped {
		s.st.Stub[f] = true // loaded as an empty module if something imports it
	}
	s.alias = p.WithFrameworkAliases(project.ViteAlias(p.Tree, p.Root))
}

// emit records a finding of either pass. The same finding from both builds
// is kept once, at its first column.
func (s *projectScan) emit(rule string, loc finding.Location, msg string, related []finding.Related, fixes ...finding.Fix) {
	if !s.cfg.RuleEnabled(rule) || s.p.Excluded(loc.File) {
		return
	}
	key := fmt.Sprintf("%s\x00%s\x00%d\x00%s", rule, loc.File, loc.Line, msg)
	if old, ok := s.found[key]; ok && (old.Loc.Col < loc.Col) {
		return
	}
	s.found[key] = finding.Finding{RuleID: rule, Loc: loc, Message: msg, Related: related, Fixes: fixes}
}

// build runs the server build and its pass, then the client pass, each
// when it can find anything (passesNeeded). The client build runs while
// the server build's output is analysed (the analysis walks one chunk on
// one core; esbuild's linking and printing are largely serial too). The
// passes stay in order, so that which of two equal findings is kept does
// not vary.
func (s *projectScan) build() {
	type built struct {
		b   *build.Output
		err error
	}
	hasClient := s.client && len(s.p.Entries) > 0
	clientBuild := make(chan built, 1)
	startClient := func() {
		defer func() {
			if r := recover(); r != nil {
				clientBuild <- built{err: internalError(s.p, r)}
			}
		}()
		b, err := s.p.Build(s.st, true, s.alias, s.files)
		clientBuild <- built{b, err}
	}
	var building sync.WaitGroup
	defer building.Wait() // before the bundler is disposed, even after a panic
	if !s.server {
		if hasClient {
			startClient()
		}
	} else {
		b, err := s.p.Build(s.st, false, s.alias, s.files)
		s.addInputs(b)
		if hasClient {
			building.Go(startClient)
		}
		if err != nil {
			s.errs = append(s.errs, err)
		} else {
			s.serverPass(b)
		}
	}
	if !hasClient {
		return
	}
	r := <-clientBuild
	s.addInputs(r.b)
	if r.err != nil {
		s.errs = append(s.errs, r.err)
		return
	}
	s.clientPass(r.b)
}

// addInputs records the input files of a build (nil: none).
func (s *projectScan) addInputs(b *build.Output) {
	if b != nil {
		maps.Copy(s.inputs, b.Inputs)
	}
}

// shippedSources counts the project's source files a build took in.
func (s *projectScan) shippedSources(b *build.Output) int {
	n := 0
	for _, f := range s.p.Files {
		if b.Shipped[f] {
			n++
		}
	}
	return n
}

// newAnalysis is the analysis of build b reporting through emit.
func (s *projectScan) newAnalysis(b *build.Output, emit checks.Emit) *checks.Analysis {
	return checks.New(s.p.Builder, b, s.p.profile(), s.files, s.st.Deadline, emit)
}

// serverPass analyses the build of every source file: what the rules
// judge wherever the code runs (DYP201, DYP301, DYP403–405 and the keys of
// server code).
func (s *projectScan) serverPass(b *build.Output) {
	s.stats.ServerModules = s.shippedSources(b)
	if err := s.newAnalysis(b, s.emit).Run(); err != nil {
		s.errs = append(s.errs, err)
	}
}

// clientPass analyses the build of the client entry points: what ships to
// the browser (DYP101, DYP102, DYP105), where the set-password event is
// handled (DYP407), and server-only modules that client code imports.
func (s *projectScan) clientPass(b *build.Output) {
	st := s.st
	s.stats.ClientModules = s.shippedSources(b)
	// Files importing server-only are server code: Next.js fails the build
	// rather than ship them (SvelteKit: files importing its private env
	// modules). Report that, not the key.
	a := s.newAnalysis(b, func(rule string, loc finding.Location, msg string, related []finding.Related, fixes ...finding.Fix) {
		if rule == rules.DYP101 && (st.ServerOnly[loc.File] || st.KitPrivate[loc.File] != "") {
			return
		}
		s.emit(rule, loc, msg, related, fixes...)
	})
	var serverOnlyShipped []string
	for f := range st.ServerOnly {
		// A 'use server' module that imports server-only is fine: client
		// code gets references to its actions, never the module (Next.js's
		// documented behaviour).
		if b.Inputs[f] && !s.p.IsUseServer(st, f) {
			serverOnlyShipped = append(serverOnlyShipped, f)
		}
	}
	if err := a.Run(); err != nil {
		s.errs = append(s.errs, err)
	}
	s.stats.Recovery = a.Recovery()
	s.errs = append(s.errs, a.ShippedServerOnly(serverOnlyShipped)...)
	s.errs = append(s.errs, a.ShippedServerModules()...)
	s.errs = append(s.errs, a.ShippedKitPrivate(st.KitPrivate)...)
}

// results gathers the findings of both passes and the build's errors, with
// the project's directives, ignore globs and only-directory applied.
func (s *projectScan) results(exposed []finding.Finding) ProjectResult {
	p, errs := s.p, s.errs
	for _, e := range s.st.Errs {
		errs = append(errs, e)
	}
	for f := range s.st.Stub {
		s.stats.NotAnalysed = append(s.stats.NotAnalysed, f)
	}
	for f := range s.st.Unparsed {
		s.stats.NotAnalysed = append(s.stats.NotAnalysed, f)
	}
	slices.Sort(s.stats.NotAnalysed)
	var out []finding.Finding
	for _, f := range s.found {
		out = append(out, f)
	}
	out = append(out, exposed...)
	out = p.suppress(out, s.cfg, s.files)
	// dypai.yaml's ignore globs and build_dirs silence input errors too: a
	// broken fixture the user excluded is not worth a failed run.
	errs = slices.DeleteFunc(errs, func(e error) bool {
		ie, ok := e.(*finding.Problem)
		return ok && p.Excluded(ie.File)
	})
	if p.Only != "" {
		out = slices.DeleteFunc(out, func(f finding.Finding) bool { return !project.Within(f.Loc.File, p.Only) })
		errs = slices.DeleteFunc(errs, func(e error) bool {
			ie, ok := e.(*finding.Problem)
			return ok && !project.Within(ie.File, p.Only)
		})
	}
	return ProjectResult{Findings: out, Errors: errs, Stats: s.stats, Inputs: slices.Sorted(maps.Keys(s.inputs))}
}

// proj is a discovered project as the scanner builds and analyses it.
type proj struct{ *build.Builder }
