package jsscan

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/scantree"
)

// ProjectCache keeps what the scan of each project found, between runs
// (the CLI's re-run cache). Scan is ScanWith without one.
type ProjectCache interface {
	// Discovered is told, before any Load, every source file of every
	// project and of its reach: a project's result depends on those only
	// through its builds' inputs, its own files and ReachNeeds, while any
	// other file of the tree may configure a project (MayConfigure).
	Discovered(sources []string)
	// Load returns what an earlier scan of the project found, when the
	// cache holds it for the project's current inputs.
	Load(p Project) (ProjectResult, bool)
	// Store records what the scan of the project found. It is called only
	// for results that depend on nothing but the inputs: not after a time
	// bound was hit or the scanner failed.
	Store(p Project, r ProjectResult)
}

// Project names one project of a scan, as discovery found it.
type Project struct {
	Root  string   // absolute
	Only  string   // when set, findings are limited to files under it
	Files []string // absolute source files, sorted
	// ReachNeeds says which builds the project's reach (the other source
	// files its builds may read) alone asks for (passesNeeded): the one
	// way the reach's content counts besides the builds' inputs.
	ReachNeeds struct{ Server, Client bool }
}

// ProjectResult is what the scan of one project found, before the findings
// of all projects are merged.
type ProjectResult struct {
	Findings []finding.Finding
	Errors   []error
	Stats    ProjectStats
	// Inputs are every file the project's builds read, sorted.
	Inputs []string
}

// scanCached scans p, or takes what c holds for it.
func scanCached(p *proj, cfg *config.Config, files *source.Files, c ProjectCache) ProjectResult {
	scan := func() ProjectResult { return scanProject(p, cfg, files, time.Now().Add(build.ProjectTimeBound)) }
	if c == nil || !p.ReachKnown && p.Monorepo != nil { // what the builds may read was not all walked
		return scan()
	}
	desc := Project{Root: p.Root, Only: p.Only, Files: slices.Clone(p.Files)}
	pc, _ := project.ConfigFor(cfg, p.Root) // Setup reports the error
	reach := newNeedles(profileFor(pc, p.Root)).search(files, p.Reach, passes{})
	desc.ReachNeeds.Server, desc.ReachNeeds.Client = reach.server, reach.client
	if r, ok := c.Load(desc); ok {
		return r
	}
	r := scan()
	if cacheable(r.Errors) {
		c.Store(desc, r)
	}
	return r
}

// cacheable reports whether a project's errors depend only on its inputs:
// input problems and reads refused at the tree's edge, not a time bound
// or a failure of the scanner.
func cacheable(errs []error) bool {
	for _, e := range errs {
		switch e := e.(type) {
		case *finding.Problem:
			if errors.Is(e, build.ErrTimeBound) {
				return false
			}
		case *scantree.OutsideError:
		default:
			return false
		}
	}
	return true
}

// inertExts are the kinds of file that neither configure a project nor
// can be imported without a loader the scanner does not set up.
var inertExts = []string{".go", ".md", ".txt", ".pdf", ".csv", ".zip", ".gz", ".tgz"}

// MayConfigure reports whether a file in the tree that is no project's
// source may still change what the scan of a project finds without being
// an input of its builds: a package.json, a tsconfig, a framework's
// config, an index.html, a dypai.yaml, a lockfile. Source files the source
// walk leaves out (build output, hidden and vendored directories) and
// files of inert kinds (Go, Markdown, text) are not.
func MayConfigure(tree *scantree.Tree, path string) bool {
	if slices.Contains(inertExts, strings.ToLower(filepath.Ext(path))) {
		return false
	}
	return !project.SourceSkip.LeavesOut(tree, path)
}
