// Package golint runs the Go passes over loaded packages with the
// standalone analysis checker and converts their diagnostics to findings.
// Packages whose files build only for the browser (GOOS=js GOARCH=wasm) or
// for wasip1 are loaded again under that configuration, so a Go wasm front
// end is linted without the user setting GOOS.
package golint

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/discover"
	"github.com/dypai/dypailint/internal/goload"
	"github.com/dypai/dypailint/internal/gostd"
	"github.com/dypai/dypailint/internal/scantree"
)

// browserConfigs are the GOOS/GOARCH pairs that run in a browser or wasm host.
var browserConfigs = [][]string{
	{"GOOS=js", "GOARCH=wasm"},
	{"GOOS=wasip1", "GOARCH=wasm"},
}

// Result is what the passes found in one load.
type Result struct {
	Findings []finding.Finding
	Errors   []error
	// Frontends are the packages that run in a browser, as the passes
	// whose result is a *finding.Frontend describe them (DYP407).
	Frontends []finding.Frontend
}

// Options are the settings of a run that concern loading.
type Options struct {
	Tests   bool // also analyse test files
	Offline bool // never download modules (goload.Request.Offline)
	// Logf, when not nil, is told what was loaded (the driver's -v).
	Logf func(format string, args ...any)
}

// admitIn admits the source files of the module in dir only when they
// resolve inside the tree: a .go file linked out of it is not read.
// Dependencies' sources (the module cache) lie outside by design.
func admitIn(tree *scantree.Tree, dir string) func(string) error {
	return func(file string) error {
		if !scantree.Within(file, dir) {
			return nil
		}
		return tree.Check(file, "symbolic link")
	}
}

// Run analyses one load of the plan. A module that could not be loaded is
// an error, whatever else was analysed.
func Run(load discover.GoLoad, analyzers []*analysis.Analyzer, cfg *config.Config, opts Options) *Result {
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	out := &Result{}
	source := sourcePolicy(load.Dir, cfg)
	req := goload.Request{Dir: load.Dir, Patterns: load.Patterns, Tests: opts.Tests, Offline: opts.Offline, Source: source, Admit: admitIn(cfg.Tree, load.Dir),
		ExportAll: !hasPackages(load.Dir, compileWorthAvoiding) && !importsDependencyBlank(load.Dir)}
	res, err := goload.Load(req)
	if err != nil {
		logf("go: %s (%s): could not be loaded (see the error)", load.Dir, strings.Join(load.Patterns, " "))
		out.Errors = []error{err}
		return out
	}
	out.Errors = append(out.Errors, loaded(res, logf, load.Dir, strings.Join(load.Patterns, " "))...)
	analyze(analyzers, res.Roots, out)

	// Packages with files for the browser: load those again under each
	// browser configuration.
	pending := browserCandidates(res)
	pending = append(pending, unlistedBrowserDirs(load, res)...)
	for _, env := range browserConfigs {
		if len(pending) == 0 {
			break
		}
		req.Patterns, req.Env = pending, env
		bres, err := goload.Load(req)
		if err != nil {
			out.Errors = append(out.Errors, err)
			break
		}
		out.Errors = append(out.Errors, loaded(bres, logf, load.Dir, strings.Join(env, " "))...)
		analyze(analyzers, bres.Roots, out)
		pending = pending[:0]
		for _, p := range bres.Excluded {
			pending = append(pending, p.PkgPath)
		}
	}
	for _, f := range out.Frontends {
		if f.Recovery != nil {
			logf("go: %s: browser code handles the set-password auth event at %s:%d:%d", f.Dir, f.Recovery.File, f.Recovery.Line, f.Recovery.Col)
		}
	}
	return out
}

// loaded logs what a load gave and returns its errors, the module-level
// one first. The log does not quote the go command: errors are reported
// as errors.
func loaded(res *goload.Result, logf func(string, ...any), dir, what string) []error {
	if res.NotLoaded == nil {
		logf("go: %s (%s): %d packages analysed", dir, what, len(res.Roots))
		return res.Errors
	}
	logf("go: %s (%s): %d packages analysed; the module could not be loaded (see the error)", dir, what, len(res.Roots))
	return append([]error{res.NotLoaded}, res.Errors...)
}

// compileWorthAvoiding is the number of a module's packages from which
// compiling them costs more than a second go list: about 0.05 s of CPU a
// small package against 0.13 s (goload.Request.ExportAll).
const compileWorthAvoiding = 8

// hasPackages reports whether the module in dir has at least n
// directories of Go files, nested modules and what "./..." skips left out.
func hasPackages(dir string, n int) bool {
	found := 0
	walkModule(dir, func(string) func(scantree.Entry) bool {
		if found >= n {
			return nil
		}
		counted := false
		return func(e scantree.Entry) bool {
			if !counted && e.Reg && strings.HasSuffix(e.Name, ".go") {
				counted = true
				found++
			}
			return true
		}
	})
	return found >= n
}

// importsDependencyBlank reports whether a Go file of the module in dir
// imports a package outside the standard library blank ("_"), as a
// database driver is: goload's split listing never compiles such a
// package (a cgo driver's compile can take a minute), which a listing
// with every package's export data would. A file reached through a
// symbolic link is not read.
func importsDependencyBlank(dir string) bool {
	found := false
	fset := token.NewFileSet()
	walkModule(dir, func(string) func(scantree.Entry) bool {
		if found {
			return nil
		}
		return func(e scantree.Entry) bool {
			if found || !e.Reg || e.Link || !strings.HasSuffix(e.Name, ".go") {
				return !found
			}
			head, err := fileHead(e.Path)
			if err != nil {
				return true // the load reports it
			}
			f, err := parser.ParseFile(fset, e.Path, head, parser.ImportsOnly)
			if err != nil {
				return true // cut, or not Go: the load reports it
			}
			found = slices.ContainsFunc(f.Imports, func(imp *ast.ImportSpec) bool {
				path, _ := strconv.Unquote(imp.Path.Value)
				return imp.Name != nil && imp.Name.Name == "_" && !gostd.IsStdlib(path)
			})
			return !found
		}
	})
	return found
}

// fileHead returns the first 64 KiB of a file, where a Go file's imports
// are: a huge file is not read whole to learn them (imports past that
// leave the module to the single listing).
func fileHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, 64<<10))
}

// sourcePolicy says which non-root packages are analysed from source: the
// SDK (wherever it lives) and the main modules' own packages (a go.work
// makes each of its modules main), since those may construct the clients
// that roots call. Third-party and standard packages come from export data.
func sourcePolicy(dir string, cfg *config.Config) func(*packages.Package) bool {
	proj, err := cfg.ProjectFor(dir)
	return func(p *packages.Package) bool {
		if err == nil && proj.Profile.IsGoSDK(p.PkgPath) {
			return true
		}
		return p.Module != nil && p.Module.Main
	}
}

// browserCandidates returns the packages to load again for the browser:
// those excluded entirely by build constraints, and those with ignored
// files constrained to js, wasm or wasip1.
func browserCandidates(res *goload.Result) []string {
	var out []string
	for _, p := range res.Excluded {
		out = append(out, p.PkgPath)
	}
	for _, p := range res.Roots {
		if slices.ContainsFunc(p.IgnoredFiles, isBrowserFile) && !slices.Contains(out, p.PkgPath) {
			out = append(out, p.PkgPath)
		}
	}
	return out
}

// unlistedBrowserDirs finds the directories a recursive pattern covers
// whose Go files all build only for a browser target: the go command leaves
// them out of "./..." entirely under the default configuration.
func unlistedBrowserDirs(load discover.GoLoad, res *goload.Result) []string {
	if !slices.Contains(load.Patterns, "./...") {
		return nil
	}
	listed := map[string]bool{}
	for _, p := range res.Roots {
		if len(p.GoFiles) > 0 {
			listed[filepath.Dir(p.GoFiles[0])] = true
		}
	}
	for _, p := range res.Excluded {
		listed[p.Dir] = true
	}
	var out []string
	walkModule(load.Dir, func(dir string) func(scantree.Entry) bool {
		found := listed[dir]
		return func(e scantree.Entry) bool {
			if name := e.Name; !found && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") && isBrowserFile(e.Path) {
				rel, _ := filepath.Rel(load.Dir, dir)
				out = append(out, "./"+filepath.ToSlash(rel))
				found = true
			}
			return true
		}
	})
	return out
}

// walkModule walks the directories of the module in dir as "./..." does:
// what the go command skips and nested modules (their own loads) left out.
// visit returns what to do with a directory's entries, or nil to skip it.
func walkModule(dir string, visit func(d string) func(scantree.Entry) bool) {
	w := &scantree.Walker{Skip: scantree.GoSkip}
	w.Walk(dir, dir, func(d string) (func(scantree.Entry) bool, func()) {
		if d != dir {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				return nil, nil
			}
		}
		return visit(d), nil
	})
}

// isBrowserFile reports whether a Go file is constrained to a browser or
// wasm target, by file name or build constraint. A symbolic link is judged
// by its name alone: its target may lie outside the scanned tree, and the
// load refuses it anyway (admitIn).
func isBrowserFile(path string) bool {
	base := strings.TrimSuffix(filepath.Base(path), ".go")
	base = strings.TrimSuffix(base, "_test")
	for _, suffix := range []string{"_js", "_wasm", "_wasip1", "_js_wasm", "_wasip1_wasm"} {
		if strings.HasSuffix(base, suffix) {
			return true
		}
	}
	if fi, err := os.Lstat(path); err != nil || !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if expr, ok := strings.CutPrefix(line, "//go:build "); ok {
			return strings.Contains(expr, "js") || strings.Contains(expr, "wasm") || strings.Contains(expr, "wasip1")
		}
		if line != "" && !strings.HasPrefix(line, "//") {
			return false // past the header
		}
	}
	return false
}

// analyze runs the analyzers on roots and adds what they found to out.
func analyze(analyzers []*analysis.Analyzer, roots []*packages.Package, out *Result) {
	if len(roots) == 0 {
		return
	}
	g, err := checker.Analyze(analyzers, roots, nil)
	if err != nil {
		out.Errors = append(out.Errors, err)
		return
	}
	seenErr := map[string]bool{}
	for _, act := range g.Roots {
		if act.Err != nil {
			msg := fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err)
			if !seenErr[msg] && !strings.Contains(msg, "failed prerequisites") {
				seenErr[msg] = true
				out.Errors = append(out.Errors, fmt.Errorf("%s", msg))
			}
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			out.Findings = append(out.Findings, Convert(fset, d))
		}
		if fe, ok := act.Result.(*finding.Frontend); ok && fe != nil {
			out.Frontends = append(out.Frontends, *fe)
		}
	}
}
