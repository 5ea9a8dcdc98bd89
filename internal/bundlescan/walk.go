package bundlescan

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/scantree"
)

// Build folders, as data. A directory with one of buildDirNames is a build
// folder wherever it is (outside dependencies); buildDirPaths are build
// folders inside a framework's hidden output directory, of which only that
// part ships to browsers (.next/server is server code). dypai.yaml's
// js.build_dirs add to both.
var (
	buildDirNames = []string{"dist", "build", "out"}
	buildDirPaths = []string{".next/static", ".output/public", ".vercel/output/static", ".svelte-kit/output/client"}
)

// Which directories the walk enters: in a build folder, all but
// dependencies and version control (inBuild); outside, not vendored code
// and test fixtures either, unless named on the command line (as in the Go
// tool and the rest of dypailint), and of hidden folders only the build
// folders of buildDirPaths (hiddenBuildDirs).
var (
	inBuild      = scantree.Skip{Hidden: scantree.AnyHidden}
	outsideBuild = scantree.Skip{Vendor: true, Testdata: true}
)

// buildRoot is one build folder.
type buildRoot struct {
	dir     string       // absolute
	project string       // the project it belongs to: .env files, webpack:// sources
	profile *sdk.Profile // SDK profile of the project
}

type bundleFile struct {
	path string // absolute
	root *buildRoot
	page bool // an HTML page: scan its inline scripts
}

// walker finds build folders, their bundles and .env files.
type walker struct {
	ctx     context.Context
	cfg     *config.Config
	tree    *scantree.Tree
	files   map[string]bool // real files found
	roots   map[string]*buildRoot
	bundles []bundleFile
	envs    []string // absolute .env files beneath the named directories
	errs    []error
	manif   map[string]bool // manifests whose build_dirs were visited
	// named is the named directory being walked: links are followed only
	// to folders inside it (dirs.Inside), manifest build folders are
	// walked only inside it.
	named string
	dirs  *scantree.Walker
	// rootOf is the build folder of each directory about to be entered
	// (nil: outside any, or not known yet).
	rootOf map[string]*buildRoot
}

func newWalker(ctx context.Context, cfg *config.Config, tree *scantree.Tree) *walker {
	w := &walker{ctx: ctx, cfg: cfg, tree: tree, files: map[string]bool{}, roots: map[string]*buildRoot{}, manif: map[string]bool{}, rootOf: map[string]*buildRoot{}}
	w.dirs = &scantree.Walker{Tree: tree, Skip: inBuild, Links: true, Note: func(err error) { w.errs = append(w.errs, err) }}
	return w
}

func (w *walker) project(dir string) *config.Project {
	p, err := w.cfg.ProjectFor(dir)
	if err != nil {
		// A broken dypai.yaml is reported (once: errors are deduplicated);
		// the bundles beneath it are still scanned with the default profile.
		w.errs = append(w.errs, err)
		prof := sdk.Dypai
		if named, ok := sdk.Profiles[w.cfg.Profile]; ok {
			prof = named
		}
		return &config.Project{Profile: prof, IdentityFields: sdk.DefaultIdentityFields}
	}
	return p
}

// walkNamed walks one directory named on the command line.
func (w *walker) walkNamed(dir string) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		w.errs = append(w.errs, err)
		return
	}
	real, err := w.tree.Real(dir)
	if err != nil {
		w.errs = append(w.errs, err)
		return
	}
	if err := w.tree.Check(dir, "directory"); err != nil {
		w.errs = append(w.errs, err)
		return
	}
	w.named, w.dirs.Inside = dir, real
	w.walk(dir, real, w.rootAbove(dir))
}

// within reports whether path is dir or beneath it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// rootAbove returns the build folder that dir lies in (dypailint web/dist/assets),
// looking up no further than the project: a directory with package.json,
// dypai.yaml or .git.
func (w *walker) rootAbove(dir string) *buildRoot {
	for d := dir; ; {
		if r := w.buildRootAt(d); r != nil {
			return r
		}
		for _, marker := range []string{"package.json", config.ManifestName, ".git"} {
			if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
				return nil
			}
		}
		parent := filepath.Dir(d)
		if parent == d || !w.tree.Bounds(parent) {
			return nil
		}
		d = parent
	}
}

// buildRootAt returns the build folder dir is, or nil.
func (w *walker) buildRootAt(dir string) *buildRoot {
	if r := w.roots[dir]; r != nil {
		return r
	}
	project := ""
	slash := filepath.ToSlash(dir)
	for _, p := range buildDirPaths {
		if strings.HasSuffix(slash, "/"+p) {
			project = filepath.Clean(strings.TrimSuffix(dir, filepath.FromSlash(p)))
		}
	}
	if project == "" && slices.Contains(buildDirNames, filepath.Base(dir)) {
		project = filepath.Dir(dir)
	}
	if project == "" {
		if m := w.project(dir).Manifest; m != nil {
			base := filepath.Dir(m.Path)
			for _, bd := range m.BuildDirs {
				if filepath.Join(base, filepath.FromSlash(bd)) == dir {
					project = base
				}
			}
		}
	}
	if project == "" {
		return nil
	}
	r := &buildRoot{dir: dir, project: project, profile: w.project(dir).Profile}
	w.roots[dir] = r
	return r
}

// walk walks dir, whose real path is real, in build folder root (nil:
// outside any, or not known yet).
func (w *walker) walk(dir, real string, root *buildRoot) {
	w.rootOf[dir] = root
	if err := w.dirs.Walk(dir, real, w.visit); err != nil {
		w.errs = append(w.errs, err)
	}
}

// visit enters a directory: its project and build folder judge its entries;
// the build_dirs of a dypai.yaml met first here are walked after it.
func (w *walker) visit(dir string) (func(scantree.Entry) bool, func()) {
	if w.ctx.Err() != nil {
		return nil, nil
	}
	proj := w.project(dir)
	root := w.rootOf[dir]
	if root == nil {
		root = w.buildRootAt(dir)
	}
	var leave func()
	if m := proj.Manifest; m != nil && !w.manif[m.Path] {
		w.manif[m.Path] = true
		leave = func() { w.manifestBuildDirs(m) } // after this tree, so that named walks come first
	}
	return func(e scantree.Entry) bool { return w.entry(proj, root, e) }, leave
}

// entry takes a file of a directory of proj in build folder root, or says
// whether to enter a subdirectory.
func (w *walker) entry(proj *config.Project, root *buildRoot, e scantree.Entry) bool {
	name, p, rp := e.Name, e.Path, e.Real
	if ignored(proj, p) {
		return false
	}
	switch {
	case e.Dir:
		if root == nil {
			if outsideBuild.Dir(name) {
				if strings.HasPrefix(name, ".") {
					w.hiddenBuildDirs(p)
				}
				return false
			}
		}
		w.rootOf[p] = root
		return true
	case e.Reg:
		if w.files[rp] {
			return false
		}
		switch ext := strings.ToLower(filepath.Ext(name)); {
		case isEnvFile(name):
			w.files[rp] = true
			w.envs = append(w.envs, p)
		case root != nil && (ext == ".js" || ext == ".mjs"):
			w.files[rp] = true
			w.bundles = append(w.bundles, bundleFile{path: p, root: root})
		case root != nil && (ext == ".html" || ext == ".htm"):
			w.files[rp] = true
			w.bundles = append(w.bundles, bundleFile{path: p, root: root, page: true})
		}
	}
	return false
}

// hiddenBuildDirs walks the build folders inside a hidden directory
// (.next/static), and nothing else of it.
func (w *walker) hiddenBuildDirs(hidden string) {
	name := filepath.Base(hidden)
	for _, p := range buildDirPaths {
		first, rest, _ := strings.Cut(p, "/")
		if first != name {
			continue
		}
		w.walkIfDir(filepath.Join(hidden, filepath.FromSlash(rest)))
	}
}

// manifestBuildDirs walks dypai.yaml's js.build_dirs that the walk did not
// reach (inside a hidden folder, say).
func (w *walker) manifestBuildDirs(m *config.Manifest) {
	base := filepath.Dir(m.Path)
	for _, bd := range m.BuildDirs {
		if d := filepath.Join(base, filepath.FromSlash(bd)); within(d, w.named) {
			w.walkIfDir(d)
		}
	}
}

func (w *walker) walkIfDir(dir string) {
	if !w.tree.IsDir(dir) {
		return
	}
	real, err := w.tree.Real(dir)
	if err != nil {
		return
	}
	r := w.buildRootAt(dir)
	if r == nil {
		r = &buildRoot{dir: dir, project: filepath.Dir(dir), profile: w.project(dir).Profile}
		w.roots[dir] = r
	}
	w.walk(dir, real, r)
}

// ignored reports whether dypai.yaml's ignore globs exclude path.
func ignored(proj *config.Project, path string) bool { return proj.Manifest.Ignores(path) }
