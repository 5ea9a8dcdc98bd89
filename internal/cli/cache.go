package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/discover"
	"github.com/dypai/dypailint/internal/jsscan"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/output"
	"github.com/dypai/dypailint/internal/redact"
	"github.com/dypai/dypailint/internal/runcache"
	"github.com/dypai/dypailint/internal/scantree"
)

// runCache is the re-run cache of one run (see the README's "Re-runs"):
// the whole run's result, keyed by everything it depends on, and, for
// when one file changed, each JS/TS project's result, valid while the
// files it read are unchanged.
type runCache struct {
	c    *runcache.Cache
	snap *runcache.Snapshot
	tree *scantree.Tree
	// params covers what every result depends on besides the tree's
	// files: the tool, the flags, the plan, the environment.
	params runcache.Key
	// goOutside says why the Go engine may read source outside the tree
	// (a local replace, GOPATH mode): then the whole run is not kept.
	goOutside string
	jsConfig  runcache.Key // the files that can configure any JS/TS project (Discovered)

	goOnce  sync.Once
	goFiles runcache.Key // the Go inputs of the tree (goInput)

	mu sync.Mutex
	// pending write the entries of the Go loads and JS/TS projects run
	// anew, once the run is done and its redactor knows every secret it
	// saw (the bundle engine finds .env values while the others run).
	pending []func(red *redact.Redactor)
	outside map[string]bool // files read outside the walk (a dependency's sources)
	logf    Logf
}

// later queues an entry's write for the end of the run (store).
func (rc *runCache) later(write func(red *redact.Redactor)) {
	rc.mu.Lock()
	rc.pending = append(rc.pending, write)
	rc.mu.Unlock()
}

// Entry kinds.
const (
	runKind     = "run"
	projectKind = "js-project"
)

// dep is a file a result depends on and its content hash; a Path ending
// in a separator is a directory and Hash the key of its listing.
type dep struct {
	Path string `json:"p"`
	Hash string `json:"h"`
}

// runEntry is a whole run's result, redacted.
type runEntry struct {
	Deps     []dep
	Findings []finding.Finding
	Errors   []string
	Notes    []string
}

// projectEntry is one JS/TS project's result, redacted.
type projectEntry struct {
	Deps     []dep
	Findings []finding.Finding
	Errors   []storedError
	Stats    jsscan.ProjectStats
	Inputs   []string
}

// storedError is an error of a project's scan as the run reports it.
type storedError struct {
	Msg     string `json:"m"`
	Notice  bool   `json:"n,omitempty"`
	TooDeep bool   `json:"d,omitempty"`
}

// openCache opens the re-run cache for the run, or returns nil when it is
// off (-no-cache, -fix, -diff) or cannot be used, which -v says.
func openCache(o *options, plan *discover.Plan, cwd string, logf Logf) *runCache {
	if o.noCache || o.fix || o.diff {
		return nil
	}
	c, err := runcache.Open(plan.Tree)
	if err != nil {
		logf("cache: not used: %v", err)
		return nil
	}
	rc := &runCache{c: c, tree: plan.Tree, outside: map[string]bool{}, logf: logf}
	rc.snap = runcache.Snap(c, plan.Tree)
	rc.params = rc.paramsKey(o, plan, cwd)
	rc.goOutside = goReadsOutside(rc.snap, plan)
	return rc
}

// paramsKey covers the tool, the options, the plan and the environment
// the engines read.
func (rc *runCache) paramsKey(o *options, plan *discover.Plan, cwd string) runcache.Key {
	h := runcache.NewHasher("params").String(toolID(rc.c)).String(cwd)
	cfg := &o.cfg
	h.String(cfg.ManifestPath).String(cfg.Profile).Strings(cfg.Enable).Strings(cfg.Disable)
	h.Strings(cfg.IdentityFields).Strings(cfg.SecretEnv)
	for _, name := range cfg.SecretEnv {
		h.String(os.Getenv(name)) // mixed into the key, never stored
	}
	if cfg.ManifestPath != "" {
		if path, err := filepath.Abs(cfg.ManifestPath); err == nil {
			h.String(rc.c.FileHash(path)) // named by the user, wherever it is
		}
	}
	h.Bool(o.cfg.Tests).Bool(o.offline)
	h.Strings(plan.Dirs).Strings(plan.Manifests).Strings(plan.Tree.Roots())
	for _, l := range plan.GoLoads {
		h.String(l.Dir).Strings(l.Patterns)
	}
	if len(plan.GoLoads) > 0 {
		goBin, err := exec.LookPath("go")
		if err == nil {
			h.String(goBin).String(rc.c.FileHash(goBin))
		}
		for _, v := range goEnv {
			h.String(v + "=" + os.Getenv(v))
		}
	}
	return h.Sum()
}

// goEnv are the variables that change what the go command loads.
var goEnv = []string{"GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT", "GOWORK", "GO111MODULE",
	"GOPATH", "GOROOT", "GOMODCACHE", "GOPROXY", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOINSECURE", "GOAMD64", "GOARM64"}

// toolID names the build of dypailint that runs: its module version when
// it is a release, else the content of its executable (a development
// build changes with every edit).
func toolID(c *runcache.Cache) string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" && bi.Main.Sum != "" {
		return bi.Main.Path + "@" + bi.Main.Version + " " + bi.Main.Sum
	}
	exe, err := os.Executable()
	if err != nil {
		return "unknown " + err.Error()
	}
	return "exe " + c.FileHash(exe)
}

// goReadsOutside says why a Go load of the plan may read source outside
// the tree, whose changes the snapshot does not see: a go.mod replace or
// go.work use of a directory outside, or a load in no module (GOPATH
// mode). The module cache is not such a place: a module version's content
// never changes, and go.sum pins it.
func goReadsOutside(snap *runcache.Snapshot, plan *discover.Plan) string {
	if len(plan.GoLoads) == 0 {
		return ""
	}
	if v := os.Getenv("GO111MODULE"); v == "off" {
		return "GO111MODULE=off"
	}
	for _, l := range plan.GoLoads {
		if !inModule(snap, l.Dir) {
			return l.Dir + " is in no Go module (GOPATH mode)"
		}
	}
	for _, path := range snap.Paths() {
		name := filepath.Base(path)
		if name != "go.mod" && name != "go.work" || scantree.GoSkip.LeavesOut(plan.Tree, path) {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue // the load reports it
		}
		for _, dir := range localDirs(path, data) {
			if !plan.Tree.Admits(dir) {
				return path + " names " + dir + ", outside the tree"
			}
		}
	}
	return ""
}

// inModule reports whether a go.mod or go.work of the tree lies at or
// above dir.
func inModule(snap *runcache.Snapshot, dir string) bool {
	for d := dir; ; {
		if snap.Walked(filepath.Join(d, "go.mod")) || snap.Walked(filepath.Join(d, "go.work")) {
			return true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		d = parent
	}
}

// localDirs are the directories a go.mod replaces modules with, or a
// go.work uses, absolute.
func localDirs(path string, data []byte) []string {
	var dirs []string
	add := func(d string) {
		if !filepath.IsAbs(d) {
			d = filepath.Join(filepath.Dir(path), d)
		}
		dirs = append(dirs, filepath.Clean(d))
	}
	if filepath.Base(path) == "go.work" {
		wf, err := modfile.ParseWork(path, data, nil)
		if err != nil {
			return nil
		}
		for _, u := range wf.Use {
			add(u.Path)
		}
		for _, r := range wf.Replace {
			if r.New.Version == "" {
				add(r.New.Path)
			}
		}
		return dirs
	}
	mf, err := modfile.Parse(path, data, nil)
	if err != nil {
		return nil
	}
	for _, r := range mf.Replace {
		if r.New.Version == "" && modfile.IsDirectoryPath(r.New.Path) {
			add(r.New.Path)
		}
	}
	return dirs
}

// runKey is the key of the whole run's entry: the parameters and every
// file of the tree.
func (rc *runCache) runKey() runcache.Key {
	return runcache.NewHasher(runKind).Key(rc.params).Key(rc.snap.Digest(runKind, nil)).Sum()
}

// loadRun returns the result of an earlier run with the same key whose
// other inputs are unchanged, or nil.
func (rc *runCache) loadRun() *output.Run {
	if rc == nil || rc.goOutside != "" {
		return nil
	}
	var e runEntry
	if !rc.c.Get(runKind, rc.runKey(), &e) || !rc.depsHold(e.Deps) {
		return nil
	}
	run := &output.Run{Findings: e.Findings}
	for _, m := range e.Errors {
		run.Errors = append(run.Errors, &finding.Problem{Msg: m})
	}
	for _, m := range e.Notes {
		run.Notes = append(run.Notes, &finding.Problem{Msg: m, Notice: true})
	}
	rc.logf("cache: the tree is as an earlier run saw it: its result is reused")
	return run
}

// depsHold reports whether every file in deps still has its hash.
func (rc *runCache) depsHold(deps []dep) bool {
	for _, d := range deps {
		if strings.HasSuffix(d.Path, string(filepath.Separator)) {
			if rc.snap.Listing(strings.TrimSuffix(d.Path, string(filepath.Separator))).String() != d.Hash {
				return false
			}
		} else if rc.snap.Hash(d.Path) != d.Hash {
			return false
		}
	}
	return true
}

// store records the run's result (redacted by redactRun, as it is
// printed), the Go loads and JS/TS projects run anew, masked by red, which
// now knows every secret the run saw, and the stat table for the next
// run's snapshot.
func (rc *runCache) store(run *output.Run, red *redact.Redactor) {
	if rc == nil {
		return
	}
	rc.mu.Lock()
	pending := rc.pending
	rc.pending = nil
	rc.mu.Unlock()
	for _, write := range pending {
		write(red)
	}
	if rc.goOutside != "" {
		rc.logf("cache: the run's result is not kept: %s", rc.goOutside)
	} else if keepable(run) {
		e := runEntry{Findings: redactFindings(run.Findings, red)}
		for f := range rc.outside {
			e.Deps = append(e.Deps, dep{f, rc.snap.Hash(f)})
		}
		slices.SortFunc(e.Deps, func(a, b dep) int { return strings.Compare(a.Path, b.Path) })
		for _, err := range run.Errors {
			e.Errors = append(e.Errors, err.Error())
		}
		for _, err := range run.Notes {
			e.Notes = append(e.Notes, err.Error())
		}
		rc.c.Put(runKind, rc.runKey(), e)
	}
	rc.snap.SaveStats(rc.c)
}

// keepable reports whether a run's result depends on its inputs alone: no
// input errors (a go command that could not reach the network fails
// differently next time) and no time bound hit.
func keepable(run *output.Run) bool {
	return len(run.Errors) == 0 && !slices.ContainsFunc(run.Notes, func(e error) bool { return errors.Is(e, build.ErrTimeBound) })
}

// redactFindings returns findings with every text masked by red, their
// fixes' too.
func redactFindings(fs []finding.Finding, red *redact.Redactor) []finding.Finding {
	out := make([]finding.Finding, len(fs))
	for i, f := range fs {
		f.Related = slices.Clone(f.Related)
		maskMessages(&f, red)
		f.Fixes = slices.Clone(f.Fixes)
		for j := range f.Fixes {
			fx := &f.Fixes[j]
			fx.Message = red.String(fx.Message)
			fx.Edits = slices.Clone(fx.Edits)
			for k := range fx.Edits {
				fx.Edits[k].NewText = red.String(fx.Edits[k].NewText)
			}
		}
		out[i] = f
	}
	return out
}
