package cli

import (
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan"
	"github.com/dypai/dypailint/internal/redact"
	"github.com/dypai/dypailint/internal/runcache"
	"github.com/dypai/dypailint/internal/scantree"
)

// jsCache is the cache as the JS/TS scanner sees it (nil when off).
func (rc *runCache) jsCache() jsscan.ProjectCache {
	if rc == nil {
		return nil
	}
	return rc
}

// projectKey covers what a project's result depends on besides the content
// of the files it read: the run's parameters, every file that can
// configure a project, and the project as discovery found it.
func (rc *runCache) projectKey(p jsscan.Project) runcache.Key {
	return runcache.NewHasher(projectKind).Key(rc.params).Key(rc.jsConfig).
		String(p.Root).String(p.Only).Strings(p.Files).
		Bool(p.ReachNeeds.Server).Bool(p.ReachNeeds.Client).Sum()
}

// Discovered implements jsscan.ProjectCache: every file of the tree that
// is no project's source and may configure one is part of every
// project's key, and so is the list of the sources: a file added anywhere
// may be what an import that did not resolve now finds.
func (rc *runCache) Discovered(sources []string) {
	src := make(map[string]bool, len(sources))
	for _, f := range sources {
		src[f] = true
	}
	config := rc.snap.Digest("js-config", func(path string) bool {
		return !src[path] && jsscan.MayConfigure(rc.tree, path)
	})
	rc.jsConfig = runcache.NewHasher("js-config").Key(config).Strings(slices.Sorted(maps.Keys(src))).Sum()
}

// Load implements jsscan.ProjectCache.
func (rc *runCache) Load(p jsscan.Project) (jsscan.ProjectResult, bool) {
	var e projectEntry
	if !rc.c.Get(projectKind, rc.projectKey(p), &e) || !rc.depsHold(e.Deps) {
		return jsscan.ProjectResult{}, false
	}
	r := jsscan.ProjectResult{Findings: e.Findings, Stats: e.Stats, Inputs: e.Inputs}
	r.Stats.Cached = true
	for _, se := range e.Errors {
		pr := &finding.Problem{Msg: se.Msg, Notice: se.Notice}
		if se.TooDeep {
			pr.Kind = scantree.ErrTooDeep
		}
		r.Errors = append(r.Errors, pr)
	}
	rc.noteOutside(r.Inputs)
	return r, true
}

// Store implements jsscan.ProjectCache: the entry is written when the run
// is done (store), masked with every secret the run saw.
func (rc *runCache) Store(p jsscan.Project, r jsscan.ProjectResult) {
	rc.noteOutside(r.Inputs)
	key := rc.projectKey(p)
	read := slices.Concat(p.Files, r.Inputs)
	rc.later(func(red *redact.Redactor) { rc.c.Put(projectKind, key, rc.projectEntry(read, r, red)) })
}

// noteOutside records the inputs outside the walk: the whole run's result
// depends on them too.
func (rc *runCache) noteOutside(inputs []string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for _, f := range inputs {
		if !rc.snap.Walked(f) {
			rc.outside[f] = true
		}
	}
}

// projectEntry is what is stored of a project's scan: the files it read
// (its own and its builds' inputs) with their hashes, the listing of each
// directory holding one (a new file there may change how an import
// resolves), and its result, masked by red.
func (rc *runCache) projectEntry(read []string, r jsscan.ProjectResult, red *redact.Redactor) projectEntry {
	e := projectEntry{Findings: redactFindings(r.Findings, red), Stats: r.Stats, Inputs: r.Inputs}
	seen := map[string]bool{}
	dirs := map[string]bool{}
	for _, f := range read {
		if seen[f] {
			continue
		}
		seen[f] = true
		e.Deps = append(e.Deps, dep{f, rc.snap.Hash(f)})
		if rc.snap.Walked(f) {
			dirs[filepath.Dir(f)] = true
		}
	}
	for d := range dirs {
		e.Deps = append(e.Deps, dep{d + string(filepath.Separator), rc.snap.Listing(d).String()})
	}
	slices.SortFunc(e.Deps, func(a, b dep) int { return strings.Compare(a.Path, b.Path) })
	for _, err := range r.Errors {
		e.Errors = append(e.Errors, storedError{Msg: red.String(err.Error()), Notice: finding.IsNotice(err), TooDeep: errors.Is(err, scantree.ErrTooDeep)})
	}
	return e
}
