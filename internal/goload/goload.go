// Package goload loads Go packages for analysis the fast way: only the
// packages that can matter — the packages being linted, the rest of their
// modules, and the SDK — are parsed and type-checked from source. Everything
// else (the standard library, third-party modules) is read from export data
// the go command compiles (as go vet does), so analysis facts are computed
// for a few dozen packages rather than for the whole dependency tree. The go
// command never compiles the source packages, nor a dependency they import
// blank only (a database driver): that export data would go unread.
package goload

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// Request says what to load.
type Request struct {
	Dir      string   // working directory of the go command (inside a module)
	Patterns []string // package patterns as go vet takes them
	Env      []string // extra environment (GOOS=js GOARCH=wasm)
	Tests    bool     // include test packages
	// Offline forbids the go command to download modules (GOPROXY=off):
	// a module missing from the cache is then an error.
	Offline bool
	// Source reports whether a non-root package is analysed from source too
	// (so that facts about it are available to the roots).
	Source func(p *packages.Package) bool
	// Admit, when set, is asked before a source file is read; an error
	// stops the package (a file linked out of the scanned tree).
	Admit func(file string) error
	// ExportAll asks one go list for every package's export data, the
	// source packages' too, rather than a second one for the packages
	// read from export data: cheaper when the go command would compile
	// only a few source packages, or finds them in the build cache.
	ExportAll bool
}

// Result is the loaded packages.
type Result struct {
	Roots []*packages.Package // type-checked from source, Imports pruned to source packages
	// Errors are problems that stop a package from being analysed: it does
	// not build, or its files do not parse or type-check.
	Errors []error
	// Excluded are root packages whose files build constraints exclude
	// entirely in this configuration (candidates for another GOOS).
	Excluded []*packages.Package
	// NotLoaded, when not nil, says that go list failed or reported errors:
	// the packages it concerns, and those depending on them, are not
	// analysed (and not in Errors one by one).
	NotLoaded *LoadError
}

// errNotListed fails the check of a package that go list reported errors
// for, itself or in a dependency: NotLoaded reports it.
var errNotListed = errors.New("not listed")

// listMode lists the packages and their dependencies without export data:
// asking for it would have the go command compile every package listed,
// the ones checked from source too (a whole module, on a fresh checkout).
// exportMode then asks only for the export data source packages import.
//
// Nor does listMode ask for compiled files or type sizes, either of which
// has go list prepare the build of every package listed (-compiled): half
// the listing's time on a large module. A package's compiled files are its
// Go files but for cgo, so only the source packages that use cgo are
// listed again for theirs (listCgo); sizes come from go env GOARCH.
const (
	listMode = packages.NeedName | packages.NeedFiles |
		packages.NeedImports | packages.NeedDeps | packages.NeedModule
	exportMode = packages.NeedName | packages.NeedExportFile
	cgoMode    = packages.NeedName | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps
)

// Load lists the packages and their dependencies, then type-checks the
// source packages in dependency order. The go command runs with the local
// toolchain only (GOTOOLCHAIN=local: a go line newer than it is an error,
// never a download) and, with req.Offline, without downloading modules;
// otherwise modules resolve as the user's Go environment says, as under
// go vet. A failure of the go command is a *LoadError.
func Load(req Request) (*Result, error) {
	fset := token.NewFileSet()
	env := append(append(os.Environ(), req.Env...), "GOTOOLCHAIN=local")
	if req.Offline {
		env = append(env, "GOPROXY=off")
	}
	mode := listMode
	if req.ExportAll {
		// -export prepares every build anyway: compiled files come free.
		mode |= packages.NeedExportFile | packages.NeedCompiledGoFiles
	}
	cfg := &packages.Config{
		Mode:  mode,
		Dir:   req.Dir,
		Env:   env,
		Tests: req.Tests,
		Fset:  fset,
	}
	listed, err := packages.Load(cfg, req.Patterns...)
	if err != nil {
		return nil, commandError(req, err)
	}
	if mode&packages.NeedCompiledGoFiles == 0 {
		// Until listCgo says otherwise, a package compiles its Go files.
		packages.Visit(listed, nil, func(p *packages.Package) { p.CompiledGoFiles = p.GoFiles })
	}
	l := newLoader(fset, req.Admit)
	res := &Result{}
	roots := map[*packages.Package]bool{}
	excluded := map[*packages.Package]bool{}
	for _, p := range listed {
		if excludedByConstraints(p) {
			res.Excluded = append(res.Excluded, p)
			excluded[p] = true
			continue
		}
		roots[p] = true
	}
	// Decide which packages are checked from source: the roots, plus any
	// dependency the caller asks for.
	var order []*packages.Package
	packages.Visit(listed, nil, func(p *packages.Package) {
		order = append(order, p) // post-order: dependencies first
		if roots[p] || (req.Source != nil && req.Source(p)) {
			l.source[p] = true
		}
	})
	if !req.ExportAll {
		// listCgo first: cgo's output imports packages the Go files do not.
		if err := l.listCgo(cfg, req.Patterns, order); err != nil {
			return nil, commandError(req, err)
		}
		if err := l.listExports(cfg, req.Patterns, order); err != nil {
			return nil, commandError(req, err)
		}
	}
	if len(l.source) > 0 { // not for a configuration with nothing to check
		sizes, err := typeSizes(cfg)
		if err != nil {
			return nil, commandError(req, err)
		}
		for p := range l.source {
			p.TypesSizes = sizes
		}
	}
	if len(listed) == 0 {
		res.NotLoaded = diagnoseEmpty(req, env)
	} else {
		res.NotLoaded = listErrors(req, listed, func(p *packages.Package) bool { return !excluded[p] && l.unlisted(p) })
	}
	for _, err := range l.checkAll(order) {
		if !errors.Is(err, errNotListed) {
			res.Errors = append(res.Errors, err)
		}
	}
	l.linkStandIns()
	res.Roots = l.checkedRoots(listed, roots)
	return res, nil
}

func newLoader(fset *token.FileSet, admit func(string) error) *loader {
	return &loader{
		fset:      fset,
		source:    map[*packages.Package]bool{},
		view:      map[string]*types.Package{},
		checked:   map[*packages.Package]*types.Package{},
		byPath:    map[string]*types.Package{},
		notListed: map[*packages.Package]bool{},
		written:   map[*packages.Package]written{},
		standIns:  map[*packages.Package]*types.Package{},
		admit:     admit,
	}
}

// checkedRoots returns the roots that type-checked, in listing order, and
// prunes the Imports of every checked source package to source packages:
// the checker computes facts by running passes on Imports, and
// export-data packages have no syntax.
func (l *loader) checkedRoots(listed []*packages.Package, roots map[*packages.Package]bool) []*packages.Package {
	ok := func(p *packages.Package) bool { return l.source[p] && l.checked[p] != nil }
	var checked []*packages.Package
	for _, p := range listed {
		if roots[p] && ok(p) {
			checked = append(checked, p)
		}
	}
	for p := range l.source {
		if !ok(p) {
			continue
		}
		pruned := map[string]*packages.Package{}
		for path, dep := range p.Imports {
			if ok(dep) {
				pruned[path] = dep
			}
		}
		p.Imports = pruned
	}
	return checked
}

// checkAll type-checks the source packages, in parallel where the import
// graph allows: each waits for the source packages it depends on, directly
// or through export-data packages (whose export data may refer to them).
func (l *loader) checkAll(order []*packages.Package) []error {
	done := map[*packages.Package]chan struct{}{}
	for _, p := range order {
		if l.source[p] {
			done[p] = make(chan struct{})
		}
	}
	// sourceDeps lists, for a package, the source packages it reaches
	// through export-data packages only.
	memo := map[*packages.Package][]*packages.Package{}
	var sourceDeps func(p *packages.Package) []*packages.Package
	sourceDeps = func(p *packages.Package) []*packages.Package {
		if deps, ok := memo[p]; ok {
			return deps
		}
		memo[p] = nil // cycles cannot occur, but be safe
		var deps []*packages.Package
		for _, dep := range p.Imports {
			if l.source[dep] {
				deps = append(deps, dep)
			} else {
				deps = append(deps, sourceDeps(dep)...)
			}
		}
		memo[p] = deps
		return deps
	}
	var errs []error
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range order {
		if !l.source[p] {
			continue
		}
		deps := sourceDeps(p)
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[p])
			for _, dep := range deps {
				<-done[dep]
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			if err := l.check(p); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
				if errors.Is(err, errNotListed) {
					l.mu.Lock()
					l.notListed[p] = true
					l.mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errs
}

// excludedByConstraints reports a listed package with no files for this
// configuration because build constraints exclude them all.
func excludedByConstraints(p *packages.Package) bool {
	if len(p.CompiledGoFiles) > 0 || len(p.IgnoredFiles) == 0 {
		return false
	}
	for _, e := range p.Errors {
		if strings.Contains(e.Msg, "build constraints exclude all Go files") {
			return true
		}
	}
	return len(p.Errors) == 0
}

type loader struct {
	fset   *token.FileSet
	source map[*packages.Package]bool
	mu     sync.Mutex
	view   map[string]*types.Package // export-data packages, shared universe
	// checked are the source-checked packages. A path can name two (a
	// package and its test variant, "p [p.test]"): an import resolves to
	// the one go list says, never by path.
	checked map[*packages.Package]*types.Package
	// byPath are the source-checked packages export data may refer to:
	// the package, not its test variant.
	byPath map[string]*types.Package
	// notListed are the source packages not checked because go list
	// reported errors for them or their dependencies.
	notListed map[*packages.Package]bool
	written   map[*packages.Package]written        // the source packages' imports as written
	standIns  map[*packages.Package]*types.Package // blankOnly's empty packages
	admit     func(file string) error              // Request.Admit
}

// check parses and type-checks p from source, filling the fields the
// analysis checker needs.
func (l *loader) check(p *packages.Package) error {
	if l.unlisted(p) {
		return errNotListed
	}
	// Several errors are joined, not one text with newlines: each is a
	// line of its own in the output (finding.UniqueErrors takes them apart).
	// A build failure (a listing with export data compiles the package)
	// is left to the type check below, which reports its errors one each,
	// as it does when the package is not compiled: what the compiler alone
	// refuses (a //go:linkname without unsafe) does not stop the analysis
	// in one listing and not in the other.
	var errs []error
	for _, e := range p.Errors {
		if !buildFailure(e) {
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	var perrs []error
	for _, name := range p.CompiledGoFiles {
		if l.admit != nil {
			if err := l.admit(name); err != nil {
				// An input error, not a note: the package is not analysed,
				// and the run must not look clean.
				return fmt.Errorf("package %s not analysed: %w", p.PkgPath, err)
			}
		}
		f, err := parser.ParseFile(l.fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			perrs = append(perrs, err)
			continue
		}
		files = append(files, f)
	}
	if len(perrs) > 0 {
		return errors.Join(perrs...)
	}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	var terrs []types.Error
	brokenDep := false
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			t, err := l.importFor(p, path)
			brokenDep = brokenDep || errors.Is(err, errNotListed)
			return t, err
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) {
			te := err.(types.Error)
			// A continuation of the error before it ("\tother declaration
			// of F") is reported on a line of its own: not indented, as
			// if it were a related location of the line above.
			te.Msg = strings.TrimLeft(te.Msg, "\t")
			terrs = append(terrs, te)
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	pkg, _ := tc.Check(p.PkgPath, l.fset, files, info)
	if brokenDep {
		return errNotListed
	}
	if len(terrs) > 0 {
		var first []error
		for _, e := range terrs[:min(len(terrs), 10)] {
			first = append(first, e)
		}
		return errors.Join(first...)
	}
	p.Fset, p.Syntax, p.Types, p.TypesInfo = l.fset, files, pkg, info
	l.mu.Lock()
	l.checked[p] = pkg
	if p.ID == p.PkgPath || l.byPath[p.PkgPath] == nil {
		l.byPath[p.PkgPath] = pkg
	}
	l.mu.Unlock()
	return nil
}

// unlisted reports whether go list could not give p: it reported an error
// other than the build failure of a package checked from source (whose
// check reports its errors itself).
func (l *loader) unlisted(p *packages.Package) bool {
	return slices.ContainsFunc(p.Errors, func(e packages.Error) bool {
		return e.Kind == packages.ListError && (!l.source[p] || !buildFailure(e))
	})
}

// buildFailure reports whether a go list error is the compiler's output
// for the package ("# importpath\n…"), which a listing with export data
// gives for a package that does not compile.
func buildFailure(e packages.Error) bool {
	return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// importFor resolves an import written in p's source.
func (l *loader) importFor(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	dep, ok := p.Imports[path]
	if !ok {
		return nil, fmt.Errorf("no metadata for import %q", path)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.unlisted(dep) || l.notListed[dep] {
		return nil, errNotListed
	}
	if t, ok := l.checked[dep]; ok {
		return t, nil
	}
	if l.source[dep] {
		return nil, fmt.Errorf("import %q did not type-check", path)
	}
	if t, ok := l.view[dep.PkgPath]; ok && t.Complete() {
		return t, nil
	}
	if dep.ExportFile == "" && l.written[p].blankOnly[path] {
		return l.standIn(dep), nil
	}
	return l.readExport(dep)
}

// standIn is the empty package that stands in for dep, imported blank
// only. It is not in the view, where export data read later may declare
// the real one; its imports are filled in once the checks are done
// (linkStandIns). The caller holds l.mu.
func (l *loader) standIn(dep *packages.Package) *types.Package {
	if t, ok := l.standIns[dep]; ok {
		return t
	}
	t := types.NewPackage(dep.PkgPath, dep.Name)
	t.MarkComplete()
	l.standIns[dep] = t
	return t
}

// linkStandIns gives each stand-in the imports go list lists for its
// package, so that an analysis walking a package's imports (does a wasm
// main reach syscall/js?) sees through a blank import as it would through
// export data: the package a check or the view holds for a path, else a
// stand-in of its own (linked in turn).
func (l *loader) linkStandIns() {
	queue := slices.Collect(maps.Keys(l.standIns))
	for len(queue) > 0 {
		dep := queue[0]
		queue = queue[1:]
		var imports []*types.Package
		for _, path := range slices.Sorted(maps.Keys(dep.Imports)) {
			imp := dep.Imports[path]
			if t := l.checked[imp]; t != nil {
				imports = append(imports, t)
			} else if t := l.view[imp.PkgPath]; t != nil {
				imports = append(imports, t)
			} else if imp.PkgPath != "unsafe" {
				if _, queued := l.standIns[imp]; !queued {
					queue = append(queue, imp)
				}
				imports = append(imports, l.standIn(imp))
			}
		}
		l.standIns[dep].SetImports(imports)
	}
}

// readExport reads dep's export data into the shared view. The caller holds l.mu.
func (l *loader) readExport(dep *packages.Package) (*types.Package, error) {
	if dep.ExportFile == "" {
		return nil, fmt.Errorf("no export data for %q", dep.PkgPath)
	}
	f, err := os.Open(dep.ExportFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading export data for %q: %v", dep.PkgPath, err)
	}
	// Source-checked packages must be seen by export data that refers to them.
	view := l.view
	for path, t := range l.byPath {
		view[path] = t
	}
	t, err := gcexportdata.Read(r, l.fset, view, dep.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading export data for %q: %v", dep.PkgPath, err)
	}
	return t, nil
}

// ModulePaths returns the module paths of pkgs, for use in Request.Source.
func ModulePaths(pkgs []*packages.Package) []string {
	var out []string
	for _, p := range pkgs {
		if p.Module != nil && !slices.Contains(out, p.Module.Path) {
			out = append(out, p.Module.Path)
		}
	}
	return out
}

// listExports fills in the export data of the packages the source packages
// import (not blank only: blankOnly) and do not check from source, with a
// second go list that names only those, so that the go command compiles
// them (and what they need) and never the source packages. A build
// failure it reports is the package's error, as in a single listing. When
// one of them cannot be named by its path (a test variant, or a package
// vendored in GOPATH mode), the patterns are listed again with export data
// instead.
func (l *loader) listExports(cfg *packages.Config, patterns []string, order []*packages.Package) error {
	need := map[string]*packages.Package{}
	byPath := true
	for _, p := range order {
		if !l.source[p] {
			continue
		}
		for path, dep := range p.Imports {
			if l.source[dep] || dep.PkgPath == "unsafe" || l.unlisted(dep) || l.blankOnly(p, path) {
				continue
			}
			need[dep.ID] = dep
			byPath = byPath && dep.ID == dep.PkgPath && !strings.Contains(dep.PkgPath, "/vendor/")
		}
	}
	if len(need) == 0 {
		return nil
	}
	mode := exportMode
	if !byPath {
		mode |= packages.NeedImports | packages.NeedDeps // to reach the variants
	}
	listed, err := listAgain(cfg, mode, patterns, need, byPath)
	if err != nil {
		return err
	}
	packages.Visit(listed, nil, func(e *packages.Package) {
		dep := need[e.ID]
		if dep == nil {
			return
		}
		dep.ExportFile = e.ExportFile
		for _, err := range e.Errors {
			if !slices.ContainsFunc(dep.Errors, func(have packages.Error) bool { return have.Msg == err.Msg }) {
				dep.Errors = append(dep.Errors, err)
			}
		}
	})
	return nil
}

// listCgo sets the compiled files of the source packages that use cgo
// (their Go files are cgo's input, not what the compiler type-checks), and
// the imports cgo's output adds (runtime/cgo, syscall, unsafe), with a go
// list of those packages only, and none when there are none. As for
// listExports, a test variant has the patterns listed again.
func (l *loader) listCgo(cfg *packages.Config, patterns []string, order []*packages.Package) error {
	need := map[string]*packages.Package{}
	byPath := true
	for _, p := range order {
		if l.source[p] && l.writtenImports(p).cgo {
			need[p.ID] = p
			byPath = byPath && p.ID == p.PkgPath
		}
	}
	if len(need) == 0 {
		return nil
	}
	listed, err := listAgain(cfg, cgoMode, patterns, need, byPath)
	if err != nil {
		return err
	}
	byID := map[string]*packages.Package{}
	for _, p := range order {
		byID[p.ID] = p
	}
	packages.Visit(listed, nil, func(c *packages.Package) {
		p := need[c.ID]
		if p == nil {
			return
		}
		p.CompiledGoFiles = c.CompiledGoFiles
		for path, imp := range c.Imports {
			if _, ok := p.Imports[path]; ok {
				continue
			}
			if have := byID[imp.ID]; have != nil {
				imp = have // one package, not two, where the graph has it
			}
			p.Imports[path] = imp
		}
	})
	return nil
}

// listAgain is the second go list of listExports and listCgo, in mode:
// of the packages of need by their paths when all can be named so, else of
// the patterns again (with their tests, when cfg asks for them).
func listAgain(cfg *packages.Config, mode packages.LoadMode, patterns []string, need map[string]*packages.Package, byPath bool) ([]*packages.Package, error) {
	again := *cfg
	again.Mode = mode
	if byPath {
		again.Tests = false
		patterns = slices.Sorted(maps.Keys(need))
	}
	return packages.Load(&again, patterns...)
}

// written is what p's Go files import, as written: whether one imports
// "C", and the paths every file that imports them imports blank ("_").
// The listing cannot tell either: without -compiled the go command lists
// a package's imports as written, go/packages drops "C" from them, and
// neither says how an import is named.
type written struct {
	cgo       bool
	blankOnly map[string]bool
}

// writtenImports reads p's imports, only those and from no file that Admit
// refuses (check reports those), once; before the checks start, which read
// l.written.
func (l *loader) writtenImports(p *packages.Package) written {
	if w, ok := l.written[p]; ok {
		return w
	}
	w := written{blankOnly: map[string]bool{}}
	named := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range p.GoFiles {
		if l.admit != nil && l.admit(name) != nil {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			continue // check reports it
		}
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			switch {
			case err != nil:
			case path == "C":
				w.cgo = true
			case imp.Name != nil && imp.Name.Name == "_":
				w.blankOnly[path] = !named[path]
			default:
				named[path] = true
				delete(w.blankOnly, path)
			}
		}
	}
	l.written[p] = w
	return w
}

// blankOnly reports whether p imports path blank only: the type checker
// then needs the package to exist, not what it declares, so its export
// data (the compile of it and of all it imports: a cgo database driver,
// often) is not asked for, and an empty package stands in.
func (l *loader) blankOnly(p *packages.Package, path string) bool {
	return l.writtenImports(p).blankOnly[path]
}

// typeSizes returns the sizes of the types for the GOARCH the go command
// builds for in cfg's environment: the variable when it is set (a browser
// configuration's load), which the go command's settings file never
// overrides, else what go env says.
func typeSizes(cfg *packages.Config) (types.Sizes, error) {
	for _, kv := range slices.Backward(cfg.Env) {
		if arch, ok := strings.CutPrefix(kv, "GOARCH="); ok {
			if sizes := types.SizesFor("gc", arch); sizes != nil {
				return sizes, nil
			}
			break // unset (empty) or unknown: go env says
		}
	}
	cmd := exec.Command("go", "env", "GOARCH")
	cmd.Dir, cmd.Env = cfg.Dir, cfg.Env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOARCH: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	arch := strings.TrimSpace(string(out))
	sizes := types.SizesFor("gc", arch)
	if sizes == nil {
		return nil, fmt.Errorf("go env GOARCH: unknown architecture %q", arch)
	}
	return sizes, nil
}
