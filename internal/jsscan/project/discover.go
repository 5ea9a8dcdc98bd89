package project

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/scantree"
)

// SourceExts are the extensions of the JavaScript and TypeScript files
// scanned; single-file components (componentExts) are scanned too.
var SourceExts = map[string]bool{
	".js": true, ".jsx": true, ".ts": true, ".tsx": true,
	".mjs": true, ".cjs": true, ".mts": true, ".cts": true,
}

// IsSource reports whether a file is scanned: JavaScript, TypeScript (not
// declaration files) or a Vue or Svelte component.
func IsSource(name string) bool {
	ext := filepath.Ext(name)
	if source.ComponentExts[ext] {
		return true
	}
	if !SourceExts[ext] {
		return false
	}
	base := strings.TrimSuffix(name, ext)
	return !strings.HasSuffix(base, ".d") // declaration files hold no code
}

// entryKind says why a module is a client entry point.
type entryKind int

const (
	entryUseClient     entryKind = iota // 'use client' directive
	EntryPage                           // Next.js pages router page
	entryHTML                           // module script of index.html
	entryMain                           // src/main.* or src/index.* of an SPA
	entryManifest                       // dypai.yaml js.client_entries
	entryRoute                          // React Router / Remix or TanStack route module
	entryBrowser                        // framework's browser entry (entry.client, router)
	entryNative                         // module of an Expo / React Native app
	entryNuxtAuto                       // Nuxt component, composable or utility
	entryAutoComponent                  // Vue component registered by unplugin-vue-components
)

func (k entryKind) Label() string {
	switch k {
	case entryUseClient:
		return "'use client'"
	case EntryPage:
		return "page"
	case entryHTML:
		return "index.html script"
	case entryMain:
		return "SPA entry"
	case entryRoute:
		return "route module"
	case entryBrowser:
		return "browser entry"
	case entryNative:
		return "React Native app"
	case entryNuxtAuto:
		return "Nuxt auto-import"
	case entryAutoComponent:
		return "auto-registered component"
	}
	return "dypai.yaml client entry"
}

type Entry struct {
	File string // absolute
	Kind entryKind
}

// Project is one JS/TS project: a directory with a package.json, or with a
// dypai.yaml naming client entries.
type Project struct {
	Tree       *scantree.Tree // what the scan may read
	Root       string         // absolute, cleaned
	Only       string         // when set, findings are limited to files under it
	Config     *config.Project
	Files      []string // absolute source files, sorted, ignore globs applied
	html       []string // index.html files at the root and in public/
	isNext     bool
	isSPA      bool
	Frameworks Frameworks
	main       string // package.json main
	Entries    []Entry
	// routeModules are React Router / Remix route modules, whose
	// server-only exports the client build strips.
	routeModules map[string]bool
	Monorepo     *Workspace // the enclosing monorepo, if any
	// Reach are the source files the project's builds may read besides
	// its own: those of the monorepo it belongs to, or else those that
	// belong to no project (shared code imported by path). ReachKnown is
	// false when part of the monorepo lies outside the directories walked.
	Reach        []string
	ReachKnown   bool
	tsconfigs    sync.Map // tsconfig.json or jsconfig.json -> its *tsPaths (tsPathsFor)
	tsconfigDirs sync.Map // directory -> the tsconfig.json or jsconfig.json applying there (TsconfigFor)
	missingPaths sync.Map // tsconfig + "\x00" + specifier -> MissingPath's answer
	// directives found while reading files; set by prologue scanning.
	UseServer map[string]bool
	useClient map[string]bool
}

type packageJSON struct {
	Main            string            `json:"main"`
	Module          string            `json:"module"`
	Exports         json.RawMessage   `json:"exports"`
	Dependencies    map[string]string `json:"dependencies"`
	DevDependencies map[string]string `json:"devDependencies"`
}

// isLibrary reports whether the package is published for others to import
// (main, module or exports): its src/index.* is what they import, and
// what of it ships is decided by the apps importing it.
func (p *packageJSON) isLibrary() bool {
	return p.Main != "" || p.Module != "" || len(p.Exports) > 0
}

func (p *packageJSON) has(name string) bool {
	_, a := p.Dependencies[name]
	_, b := p.DevDependencies[name]
	return a || b
}

// bundlerDeps mark a project as an SPA whose src/main.* or src/index.*
// runs in the browser: they build one.
var bundlerDeps = []string{"vite", "react-scripts", "parcel", "@vitejs/plugin-react", "@vitejs/plugin-react-swc"}

// uiDeps render in the browser, or on a server (react-dom/server, an email
// renderer): they mark an SPA too, unless the package is a library
// (packageJSON.isLibrary) — openstatus's email package, with react-dom to
// render its emails, is server code.
var uiDeps = []string{"react-dom", "vue", "svelte", "preact", "solid-js", "@angular/core", "lit"}

// tree is the result of walking the roots: project roots and source files.
type tree struct {
	fs      *scantree.Tree
	markers map[string]bool     // directories that are project roots
	files   map[string][]string // directory -> source files in it
	html    map[string]bool     // index.html files
	walked  []string            // the directories walked
	walker  *scantree.Walker
	errs    []error
}

// walk collects source files and project markers under root. The walker
// follows symbolic links inside the tree but scans each real directory
// once, so symlink loops end; links out of the tree are notes, never
// followed.
func (t *tree) walk(root string, cfg *config.Config) {
	real, err := t.fs.Real(root)
	if err != nil {
		t.errs = append(t.errs, err)
		return
	}
	if err := t.fs.Check(root, "directory"); err != nil {
		t.errs = append(t.errs, err)
		return
	}
	err = t.walker.Walk(root, real, func(dir string) (func(scantree.Entry) bool, func()) {
		return func(e scantree.Entry) bool {
			if e.Dir || !e.Reg {
				return e.Dir
			}
			switch name := e.Name; {
			case name == "package.json":
				t.markers[dir] = true
			case name == config.ManifestName:
				if p, err := cfg.ProjectFor(dir); err == nil && p.Manifest != nil && len(p.Manifest.ClientEntries) > 0 {
					t.markers[dir] = true
				}
			case name == "index.html":
				t.html[e.Path] = true
			case IsSource(name):
				t.files[dir] = append(t.files[dir], e.Path)
			}
			return false
		}, nil
	})
	if err != nil {
		t.errs = append(t.errs, err)
	}
}

// SourceSkip is what the source walk leaves out beyond dependencies and
// version control: vendored code, build output (built bundles belong to
// the bundle scanner) and hidden directories, but those that hold source
// code by a framework's convention: React Router's and Remix's .server and
// .client modules.
var SourceSkip = scantree.Skip{Vendor: true, BuildOutput: true, Hidden: func(name string) bool { return name == ".server" || name == ".client" }}

// Discover finds the projects under roots.
func Discover(roots []string, cfg *config.Config, fsTree *scantree.Tree) ([]*Project, []error) {
	t := &tree{fs: fsTree, markers: map[string]bool{}, files: map[string][]string{}, html: map[string]bool{}}
	t.walker = &scantree.Walker{Tree: fsTree, Skip: SourceSkip, Links: true, Note: func(err error) { t.errs = append(t.errs, err) }}
	type limit struct{ root, only string }
	var limits []limit
	for _, r := range roots {
		abs, err := filepath.Abs(r)
		if err != nil {
			t.errs = append(t.errs, err)
			continue
		}
		fi, err := os.Stat(abs)
		if err != nil {
			t.errs = append(t.errs, err)
			continue
		}
		if !fi.IsDir() {
			t.errs = append(t.errs, errors.New(r+": not a directory"))
			continue
		}
		before := len(t.markers)
		t.walk(abs, cfg)
		t.walked = append(t.walked, abs)
		if len(t.markers) == before && !underMarker(abs, t.markers) {
			// A directory inside a project: scan the whole project so
			// that reachability is right, report only under abs.
			if p := enclosingProject(fsTree, abs); p != "" {
				t.walk(p, cfg)
				t.walked = append(t.walked, p)
				limits = append(limits, limit{p, abs})
			}
		}
	}
	var roots2 []string
	for m := range t.markers {
		roots2 = append(roots2, m)
	}
	slices.Sort(roots2)
	projects := map[string]*Project{}
	for _, r := range roots2 {
		projects[r] = &Project{Tree: fsTree, Root: r, UseServer: map[string]bool{}, useClient: map[string]bool{}}
	}
	for _, l := range limits {
		if p := projects[l.root]; p != nil {
			p.Only = l.only
		}
	}
	// Assign each file to the nearest enclosing project root.
	for dir, files := range t.files {
		if r := Nearest(dir, t.markers); r != "" {
			projects[r].Files = append(projects[r].Files, files...)
		}
	}
	for h := range t.html {
		dir := filepath.Dir(h)
		if filepath.Base(dir) == "public" {
			dir = filepath.Dir(dir)
		}
		if p := projects[dir]; p != nil {
			p.html = append(p.html, h)
		}
	}
	var out []*Project
	for _, r := range roots2 {
		p := projects[r]
		slices.Sort(p.Files)
		slices.Sort(p.html)
		out = append(out, p)
	}
	// A monorepo's packages are followed into their sources (workspace.go).
	ws := &workspaces{tree: fsTree, byRoot: map[string]*Workspace{}, byDir: map[string]*Workspace{}}
	for _, p := range out {
		p.Monorepo = ws.find(p.Root)
	}
	t.setReach(out)
	return out, t.errs
}

// setReach sets each project's Reach (see Project).
func (t *tree) setReach(projects []*Project) {
	var stray []string
	monorepos := map[*Workspace][]string{}
	for _, p := range projects {
		if p.Monorepo != nil {
			monorepos[p.Monorepo] = nil
		}
	}
	for dir, files := range t.files {
		if Nearest(dir, t.markers) == "" {
			stray = append(stray, files...)
		}
		for w := range monorepos {
			if Within(dir, w.root) {
				monorepos[w] = append(monorepos[w], files...)
			}
		}
	}
	slices.Sort(stray)
	for w := range monorepos {
		monorepos[w] = append(monorepos[w], stray...)
	}
	for _, p := range projects {
		p.Reach, p.ReachKnown = stray, true
		if w := p.Monorepo; w != nil {
			p.Reach = monorepos[w]
			p.ReachKnown = slices.ContainsFunc(t.walked, func(r string) bool { return Within(w.root, r) })
		}
	}
}

func underMarker(dir string, markers map[string]bool) bool { return Nearest(dir, markers) != "" }

// Nearest returns the deepest marker directory that is dir or an ancestor.
func Nearest(dir string, markers map[string]bool) string {
	for {
		if markers[dir] {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// enclosingProject walks up from dir to the nearest package.json.
func enclosingProject(t *scantree.Tree, dir string) string {
	for d := filepath.Dir(dir); t.Bounds(d); {
		if t.IsFile(filepath.Join(d, "package.json")) {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return ""
}

// Setup loads the project's configuration, applies ignore globs and build
// directories, reads directive prologues and finds the client entries.
func (p *Project) Setup(cfg *config.Config) error {
	pc, err := ConfigFor(cfg, p.Root)
	p.Config = pc
	p.finishSetup(cfg.Tests)
	return err
}

// ConfigFor is the configuration of the project at root. A malformed
// dypai.yaml is an input error, returned with the configuration without
// it, so that the rules that need no manifest still run.
func ConfigFor(cfg *config.Config, root string) (*config.Project, error) {
	pc, err := cfg.ProjectFor(root)
	if err == nil {
		return pc, nil
	}
	prof := sdk.Dypai
	if q, ok := sdk.Profiles[cfg.Profile]; ok {
		prof = q
	}
	ids := sdk.DefaultIdentityFields
	if cfg.IdentityFields != nil {
		ids = cfg.IdentityFields
	}
	return &config.Project{Profile: prof, IdentityFields: ids}, err
}

// Excluded reports whether dypai.yaml's ignore globs or build_dirs exclude f.
func (p *Project) Excluded(f string) bool {
	m := p.Config.Manifest
	if m == nil {
		return false
	}
	base := filepath.Dir(m.Path)
	for _, bd := range m.BuildDirs {
		if Within(f, filepath.Join(base, filepath.FromSlash(bd))) {
			return true
		}
	}
	return m.Ignores(f)
}

// finishSetup leaves out the files the manifest excludes, and tests unless
// they are asked for: they never ship, and they call endpoints with keys and
// user ids on purpose.
func (p *Project) finishSetup(tests bool) {
	p.Files = slices.DeleteFunc(p.Files, func(f string) bool { return p.Excluded(f) || !tests && testFile(f) })
	var pkg packageJSON
	if data, err := p.Tree.ReadFile(filepath.Join(p.Root, "package.json")); err == nil {
		_ = json.Unmarshal(data, &pkg) // a broken package.json only loses framework detection
	}
	p.isNext = pkg.has("next") || anyExists(p.Root, "next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs")
	p.isSPA = !p.isNext && (len(p.html) > 0 || slices.ContainsFunc(bundlerDeps, pkg.has) ||
		!pkg.isLibrary() && slices.ContainsFunc(uiDeps, pkg.has))
	p.Frameworks = detectFrameworks(p.Tree, p.Root, &pkg)
	if p.isNext {
		// react-native-web in a Next.js app: Next.js decides what ships.
		p.Frameworks.native, p.Frameworks.expoRouter = false, false
	}
	p.main = pkg.Main
	for _, f := range p.Files {
		d := source.ReadPrologue(f)
		if d.Client {
			p.useClient[f] = true
		}
		if d.Server {
			p.UseServer[f] = true
		}
	}
	p.Entries = p.findEntries()
}

func anyExists(dir string, names ...string) bool {
	for _, n := range names {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			return true
		}
	}
	return false
}

func Within(file, dir string) bool {
	return file == dir || strings.HasPrefix(file, dir+string(filepath.Separator))
}

func (p *Project) findEntries() []Entry {
	var out []Entry
	seen := map[string]bool{}
	add := func(f string, k entryKind) {
		if !seen[f] {
			seen[f] = true
			out = append(out, Entry{f, k})
		}
	}
	if m := p.Config.Manifest; m != nil && len(m.ClientEntries) > 0 {
		base := filepath.Dir(m.Path)
		for _, e := range m.ClientEntries {
			f := filepath.Join(base, filepath.FromSlash(e))
			if Within(f, p.Root) {
				if _, err := os.Stat(f); err == nil {
					add(f, entryManifest)
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	// 'use client' marks the client boundary in Next.js (and other React
	// Server Components setups). Elsewhere — a Vite SPA, Remix, TanStack
	// Start, whose component libraries carry the directive anyway — the
	// framework's own entries decide what ships, and a 'use client' module
	// nothing imports does not ship: the directive counts only when there
	// is no other entry point.
	useClient := func() {
		for _, f := range p.Files {
			if p.useClient[f] {
				add(f, entryUseClient)
			}
		}
	}
	if p.isNext {
		useClient()
	}
	if p.isNext {
		for _, f := range p.Files {
			if p.isPage(f) && !p.UseServer[f] {
				add(f, EntryPage)
			}
		}
	}
	p.frameworkEntries(add)
	if p.isSPA {
		for _, h := range p.html {
			for _, s := range moduleScripts(p.Tree, h, p.Root) {
				add(s, entryHTML)
			}
		}
		for _, f := range p.Files {
			rel, _ := filepath.Rel(p.Root, f)
			rel = filepath.ToSlash(rel)
			base := strings.TrimSuffix(rel, filepath.Ext(rel))
			if base == "src/main" || base == "src/index" {
				add(f, entryMain)
			}
		}
	}
	if len(out) == 0 {
		useClient()
	}
	return out
}

// isPage reports whether f is a Next.js pages-router page that runs in the
// browser: under pages/ or src/pages/, not pages/api/ and not _document.
func (p *Project) isPage(f string) bool {
	rel, err := filepath.Rel(p.Root, f)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	rel = strings.TrimPrefix(rel, "src/")
	after, ok := strings.CutPrefix(rel, "pages/")
	if !ok || strings.HasPrefix(after, "api/") {
		return false
	}
	base := filepath.Base(after)
	return strings.TrimSuffix(base, filepath.Ext(base)) != "_document"
}

var scriptTag = regexp.MustCompile(`(?is)<script\b([^>]*)>`)
var srcAttr = regexp.MustCompile(`(?i)\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
var moduleAttr = regexp.MustCompile(`(?i)\btype\s*=\s*["']?module\b`)

// moduleScripts returns the local files named by an HTML file's module
// scripts (Vite's <script type="module" src="/src/main.tsx">).
func moduleScripts(t *scantree.Tree, html, root string) []string {
	data, err := t.ReadFile(html)
	if err != nil {
		return nil
	}
	var out []string
	for _, m := range scriptTag.FindAllStringSubmatch(string(data), -1) {
		attrs := m[1]
		if !moduleAttr.MatchString(attrs) {
			continue
		}
		s := srcAttr.FindStringSubmatch(attrs)
		if s == nil {
			continue
		}
		src := s[1] + s[2] + s[3]
		if strings.Contains(src, "://") || strings.HasPrefix(src, "//") {
			continue
		}
		src, _, _ = strings.Cut(src, "?")
		var f string
		if strings.HasPrefix(src, "/") {
			f = filepath.Join(root, filepath.FromSlash(src))
		} else {
			f = filepath.Join(filepath.Dir(html), filepath.FromSlash(src))
		}
		if t.IsFile(f) {
			out = append(out, f)
		}
	}
	return out
}

// MatchGlob is dypai.yaml's glob matching (** spans path elements).
func MatchGlob(pattern, name string) bool { return config.MatchGlob(pattern, name) }

// Rel is a path relative to the project root, with slashes.
func (p *Project) Rel(f string) string {
	r, err := filepath.Rel(p.Root, f)
	if err != nil {
		return f
	}
	return filepath.ToSlash(r)
}
