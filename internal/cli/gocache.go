package cli

import (
	"path/filepath"
	"strings"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/discover"
	"github.com/dypai/dypailint/internal/golint"
	"github.com/dypai/dypailint/internal/redact"
	"github.com/dypai/dypailint/internal/runcache"
)

// goLoadKind is the entry kind of one Go load's result.
const goLoadKind = "go-load"

// goLoadEntry is one Go load's result, redacted. A load with errors is not
// kept (a go command that could not reach the network fails differently
// next time), so there are none.
type goLoadEntry struct {
	Findings  []finding.Finding
	Frontends []finding.Frontend
}

// goInput reports whether a file of the tree can change what a Go load
// finds: Go sources, the C and assembly cgo builds with, module and
// workspace files, vendor manifests, and the YAML of dypai.yaml (any .yaml
// or .yml, whatever its name).
func goInput(path string) bool {
	switch name := filepath.Base(path); filepath.Ext(name) {
	case ".go", ".c", ".h", ".s", ".yaml", ".yml":
		return true
	default:
		return name == "go.mod" || name == "go.sum" || name == "go.work" || name == "go.work.sum" || name == "modules.txt"
	}
}

// goLoadKey covers the run's parameters, the load and every Go input of
// the tree: an edit of JS/TS code leaves the Go loads' results valid.
func (rc *runCache) goLoadKey(load discover.GoLoad) runcache.Key {
	rc.goOnce.Do(func() { rc.goFiles = rc.snap.Digest(goLoadKind, goInput) })
	return runcache.NewHasher(goLoadKind).Key(rc.params).Key(rc.goFiles).String(load.Dir).Strings(load.Patterns).Sum()
}

// loadGo returns a Go load's result from an earlier run, if any.
func (rc *runCache) loadGo(load discover.GoLoad) (golint.Result, bool) {
	if rc == nil || rc.goOutside != "" {
		return golint.Result{}, false
	}
	var e goLoadEntry
	if !rc.c.Get(goLoadKind, rc.goLoadKey(load), &e) {
		return golint.Result{}, false
	}
	rc.logf("go: %s (%s): from the re-run cache: no Go input changed", load.Dir, strings.Join(load.Patterns, " "))
	return golint.Result{Findings: e.Findings, Frontends: e.Frontends}, true
}

// storeGo records a Go load's result when the run is done (store).
func (rc *runCache) storeGo(load discover.GoLoad, res golint.Result) {
	if rc == nil || rc.goOutside != "" || len(res.Errors) > 0 {
		return
	}
	key := rc.goLoadKey(load)
	rc.later(func(red *redact.Redactor) {
		rc.c.Put(goLoadKind, key, goLoadEntry{Findings: redactFindings(res.Findings, red), Frontends: res.Frontends})
	})
}
