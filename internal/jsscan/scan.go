package jsscan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/envexpose"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/scantree"
)

// Result is what a scan found.
type Result struct {
	// Findings are sorted by file, line, column and rule; suppressed ones
	// are left out, and DYP001 reports directives without a reason or
	// that suppress nothing.
	Findings []finding.Finding
	// Errors are input errors: syntax errors, imports that do not
	// resolve, a malformed dypai.yaml, unreadable directories. Most are
	// *finding.Problem and name file:line:col. The rest of the input is still
	// scanned.
	Errors []error
	// Projects is the number of JS/TS projects scanned.
	Projects int
	// Stats say what was analysed in each project, in scan order: a
	// project with client entries but no client modules, or with files
	// but no server modules, was not really checked.
	Stats []ProjectStats
}

// ProjectStats describes what the scanner saw of one project.
type ProjectStats struct {
	Root  string // absolute
	Files int    // source files found (after ignore globs)
	// Entries counts the client entry points by why they are entries
	// ("'use client'", "page", "index.html script", "SPA entry",
	// "dypai.yaml client entry").
	Entries map[string]int
	// ClientModules and ServerModules count the project's source files
	// with code in the client and the server build.
	ClientModules, ServerModules int
	// NotAnalysed are the files replaced by stubs: syntax errors, and
	// output the parser rejects (both also in Result.Errors).
	NotAnalysed []string
	// Skipped is set when no file the builds could read mentions the SDK,
	// a server-only SDK, an API-key header, a secret-looking public env var
	// or a directive: the project was not bundled. NoServerBuild is set when
	// only the server build was left out, for want of all but server-only
	// SDKs (which only browser code can leak).
	Skipped, NoServerBuild bool
	// Recovery is where client code handles the set-password auth event
	// (the profile's SetPasswordEvent, for DYP407); nil when nowhere.
	Recovery *finding.Location
	// Cached is set when the result came from the ProjectCache.
	Cached bool `json:"-"`
}

// String is a one-line summary: "app: 129 files, 42 client entries
// (42 'use client'), 58 client modules, 129 server modules".
func (s ProjectStats) String() string {
	n := 0
	var kinds []string
	for k, c := range s.Entries {
		n += c
		kinds = append(kinds, fmt.Sprintf("%d %s", c, k))
	}
	slices.Sort(kinds)
	out := fmt.Sprintf("%s: %d files, %d client entries", s.Root, s.Files, n)
	if len(kinds) > 0 {
		out += " (" + strings.Join(kinds, ", ") + ")"
	}
	out += fmt.Sprintf(", %d client modules, %d server modules", s.ClientModules, s.ServerModules)
	if s.NoServerBuild {
		out += " (no server build: nothing it could find)"
	}
	if len(s.NotAnalysed) > 0 {
		out += fmt.Sprintf(", %d not analysed", len(s.NotAnalysed))
	}
	if s.Cached {
		out += " (from the re-run cache: no file it read changed)"
	}
	return out
}

// jsRules are the rules this scanner checks.
var jsRules = rules.CheckedBy(rules.JS)

// Scan finds the JS/TS projects under roots (directories) and checks them.
// It returns an error only when ctx is cancelled; problems with the input
// are in Result.Errors.
func Scan(ctx context.Context, roots []string, cfg *config.Config) (*Result, error) {
	return ScanWith(ctx, roots, cfg, nil)
}

// ScanWith is Scan keeping the result of each project in c (nil: none).
func ScanWith(ctx context.Context, roots []string, cfg *config.Config, c ProjectCache) (*Result, error) {
	if cfg == nil {
		cfg = &config.Config{}
	}
	tree := cfg.Tree
	if tree == nil {
		wd, _ := os.Getwd()
		tree = scantree.New(wd, roots)
	}
	res := &Result{}
	projects, errs := project.Discover(roots, cfg, tree)
	res.Errors = append(res.Errors, errs...)
	res.Projects = len(projects)
	files := source.NewFiles(tree)
	type key struct {
		rule string
		loc  finding.Location
	}
	type place struct {
		i int
		p *proj
	}
	at := map[key]place{}
	projectRoots := map[string]bool{}
	var sources []string
	for _, p := range projects {
		projectRoots[p.Root] = true
		sources = append(sources, p.Files...)
		sources = append(sources, p.Reach...)
	}
	if c != nil {
		c.Discovered(sources)
	}
	for _, pp := range projects {
		p := &proj{&build.Builder{Project: pp}}
		if err := ctx.Err(); err != nil {
			return res, err
		}
		r := scanCached(p, cfg, files, c)
		res.Stats = append(res.Stats, r.Stats)
		for _, f := range r.Findings {
			// A monorepo's package is analysed as a project and again
			// as part of each app importing it: one finding per place,
			// preferably the one of the project owning the file.
			k := key{f.RuleID, f.Loc}
			prev, dup := at[k]
			switch {
			case !dup || prev.p == p:
				at[k] = place{len(res.Findings), p}
				res.Findings = append(res.Findings, f)
			case project.Nearest(filepath.Dir(f.Loc.File), projectRoots) == p.Root:
				res.Findings[prev.i] = f
				at[k] = place{prev.i, p}
			}
		}
		res.Errors = append(res.Errors, r.Errors...)
	}
	res.Findings = finding.Sort(res.Findings)
	slices.SortStableFunc(res.Errors, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	res.Errors = slices.CompactFunc(res.Errors, func(a, b error) bool { return a.Error() == b.Error() })
	return res, nil
}

// suppress applies the project's dypai-ignore directives and reports the
// malformed and unused ones (DYP001).
func (p *proj) suppress(fs []finding.Finding, cfg *config.Config, files *source.Files) []finding.Finding {
	var ds []*directive.Directive
	for _, f := range p.Files {
		if src, err := files.Read(f); err == nil {
			ds = append(ds, source.Directives(f, src)...)
		}
	}
	// Findings in files of other projects (a monorepo's sibling packages)
	// obey those files' directives; the projects owning them report the
	// unused ones.
	seen := map[string]bool{}
	for _, f := range fs {
		file := f.Loc.File
		if seen[file] || p.owns(file) {
			continue
		}
		seen[file] = true
		if src, err := files.Read(file); err == nil {
			ds = append(ds, source.Directives(file, src)...)
		}
	}
	manifest := p.Config.ManifestRulesApply()
	return directive.Apply(directive.At(fs), ds, directive.Policy{
		Enabled: cfg.RuleEnabled,
		// A directive for a rule this scanner did not check here (a Go
		// rule, or one that needs a dypai.yaml the project lacks) is not
		// stale.
		Checked: func(id string) bool {
			return slices.Contains(jsRules, id) && cfg.RuleEnabled(id) && (manifest || !rules.Must(id).NeedsManifest)
		},
		Owns: func(d *directive.Directive, _ bool) bool { return p.owns(d.File) },
	})
}

// owns reports whether file is one of the project's own sources.
func (p *proj) owns(file string) bool {
	_, ok := slices.BinarySearch(p.Files, file)
	return ok
}

// profile is the project's SDK profile with the env var prefixes its build
// tool exposes to the browser (envexpose): a REACT_APP_ name in a Vite app
// is neither inlined nor a leak.
func (p *proj) profile() *sdk.Profile { return profileFor(p.Config, p.Root) }

// profileFor is the profile of the project at root configured by pc.
func profileFor(pc *config.Project, root string) *sdk.Profile {
	prof := *pc.Profile
	prof.PublicEnvPrefixes = envexpose.Prefixes(root)
	return &prof
}
