package build

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/jsscan/transform"
)

var assetLoaders = map[string]bool{".json": true}

// outsideImport is the note on an import that resolves outside the
// scanned tree.
const outsideImport = "this import resolves outside the scanned tree (through a ../ path or a symbolic link); not read"

// esbuildOnly marks a resolution the plugin asks esbuild for: the plugin
// leaves it alone.
type esbuildOnly struct{}

// buildPlugin resolves and loads what esbuild cannot on its own, without
// ever reading node_modules or running code.
type buildPlugin struct {
	p     *Builder
	st    *State
	pages map[string]bool // Next.js pages, loaded without their server exports
	alias map[string]string
	// aliasKeys are alias's keys, longest first, so "@/lib" wins over "@".
	aliasKeys []string
	// viaTsconfig holds workspace imports as resolved, by the tsconfig
	// applying to the importer and specifier.
	viaTsconfig sync.Map
	viaAlias    sync.Map // alias target -> *api.OnResolveResult, nil when it does not resolve
}

// plugin is the esbuild plugin of the project's builds.
func (p *Builder) plugin(st *State, pages map[string]bool, alias map[string]string) api.Plugin {
	bp := &buildPlugin{p: p, st: st, pages: pages, alias: alias}
	for k := range alias {
		bp.aliasKeys = append(bp.aliasKeys, k)
	}
	slices.SortFunc(bp.aliasKeys, func(a, b string) int { return len(b) - len(a) })
	return api.Plugin{Name: "dypailint", Setup: bp.setup}
}

func (bp *buildPlugin) setup(b api.PluginBuild) {
	b.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
		return bp.resolve(b, a), nil
	})
	b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: entryNS}, func(api.OnLoadArgs) (api.OnLoadResult, error) {
		_, entryCode := bp.st.Bundler.mode()
		return api.OnLoadResult{Contents: &entryCode, ResolveDir: bp.p.Root, Loader: api.LoaderJS}, nil
	})
	b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "file"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
		return bp.load(a), nil
	})
}

// external leaves an import to the runtime: not bundled, not read.
func external(path string) api.OnResolveResult {
	return api.OnResolveResult{Path: path, External: true}
}

// resolve decides where an import leads. An empty result lets esbuild
// resolve it.
func (bp *buildPlugin) resolve(b api.PluginBuild, a api.OnResolveArgs) api.OnResolveResult {
	if _, ok := a.PluginData.(esbuildOnly); ok {
		return api.OnResolveResult{}
	}
	if a.Kind == api.ResolveEntryPoint {
		if rest, ok := strings.CutPrefix(a.Path, entryNS+":"); ok {
			return api.OnResolveResult{Path: rest, Namespace: entryNS}
		}
		return api.OnResolveResult{}
	}
	if r, ok := bp.resolveFixed(a); ok {
		return r
	}
	if r, ok := bp.resolveAlias(b, a); ok {
		return r
	}
	if r, ok := bp.resolveWorkspace(b, a); ok {
		return r
	}
	p, path := bp.p, a.Path
	if msg := p.MissingPath(a.ResolveDir, path); msg != "" && !p.Config.Profile.IsJSModule(path) {
		// esbuild would fall back to a package, left external without a
		// word: report it as unresolved, once.
		bp.st.mu.Lock()
		reported := bp.st.missingPaths[path]
		bp.st.mu.Unlock()
		if reported {
			return external(path)
		}
		return api.OnResolveResult{Errors: []api.Message{{Text: msg}}}
	}
	return api.OnResolveResult{}
}

// resolveFixed handles the imports whose fate does not depend on the file
// system's layout: out of the tree, query suffixes, public assets,
// server-only markers and imports already found unresolvable.
func (bp *buildPlugin) resolveFixed(a api.OnResolveArgs) (api.OnResolveResult, bool) {
	p, st, path := bp.p, bp.st, a.Path
	if p.importsOutside(a.ResolveDir, path) {
		// An import out of the tree: esbuild is not let near it (it would
		// read the package.json and tsconfig.json beside the file). The
		// first time, an error placed at the import, which the build loop
		// turns into a note; then external.
		key := a.Importer + "\x00" + path
		st.mu.Lock()
		seen := st.outside[key]
		st.outside[key] = true
		st.mu.Unlock()
		if seen {
			return external(path), true
		}
		return api.OnResolveResult{Errors: []api.Message{{Text: outsideImport}}}, true
	}
	if strings.Contains(path, "?") {
		return external(path), true // ?react, ?url, ?raw
	}
	if strings.HasPrefix(path, "/") && !project.SourceExts[filepath.Ext(path)] && !source.ComponentExts[filepath.Ext(path)] && project.IsFile(filepath.Join(p.Root, "public", filepath.FromSlash(path))) {
		// "/vite.svg": Vite and Next serve public/ at the root.
		return external(path), true
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if path == "server-only" {
		st.ServerOnly[a.Importer] = true
		return external(path), true
	}
	if p.Frameworks.Kit && project.KitServerOnly[path] {
		if old := st.KitPrivate[a.Importer]; old == "" || path < old {
			st.KitPrivate[a.Importer] = path
		}
		return external(path), true
	}
	if st.unresolved[a.Importer+"\x00"+path] {
		return external(path), true
	}
	return api.OnResolveResult{}, false
}

// resolveAlias resolves an import through the path aliases. An alias
// target is absolute: its resolution does not depend on the importer, so
// each is resolved once (thousands of "@/…" imports otherwise read the
// same directories thousands of times).
func (bp *buildPlugin) resolveAlias(b api.PluginBuild, a api.OnResolveArgs) (api.OnResolveResult, bool) {
	for _, k := range bp.aliasKeys {
		rest, ok := strings.CutPrefix(a.Path, k)
		if !ok || !(rest == "" || rest[0] == '/' || strings.HasSuffix(k, "/")) {
			continue
		}
		target := bp.alias[k] + rest
		if r, ok := bp.viaAlias.Load(target); ok {
			if r := r.(*api.OnResolveResult); r != nil {
				return *r, true
			}
			continue
		}
		r := b.Resolve(target, api.ResolveOptions{Importer: a.Importer, ResolveDir: a.ResolveDir, Kind: a.Kind, Namespace: "file"})
		if len(r.Errors) == 0 {
			res := &api.OnResolveResult{Path: r.Path, External: r.External, Namespace: r.Namespace}
			bp.viaAlias.Store(target, res)
			return *res, true
		}
		bp.viaAlias.Store(target, (*api.OnResolveResult)(nil))
	}
	return api.OnResolveResult{}, false
}

// resolveWorkspace resolves an import of a sibling package of the
// monorepo to its sources, unless tsconfig paths map it (the project's own
// word on where they are).
func (bp *buildPlugin) resolveWorkspace(b api.PluginBuild, a api.OnResolveArgs) (api.OnResolveResult, bool) {
	p, path := bp.p, a.Path
	if p.Monorepo == nil || strings.HasPrefix(path, ".") || filepath.IsAbs(path) || p.Config.Profile.IsJSModule(path) {
		return api.OnResolveResult{}, false
	}
	f, ok := p.Monorepo.Resolve(path)
	if !ok {
		return api.OnResolveResult{}, false
	}
	// What esbuild makes of a bare specifier depends only on the tsconfig
	// applying to the importer (its paths), not on the importer's
	// directory: one resolution per tsconfig and specifier.
	key := p.TsconfigFor(a.ResolveDir) + "\x00" + path
	if r, ok := bp.viaTsconfig.Load(key); ok {
		return r.(api.OnResolveResult), true
	}
	res := api.OnResolveResult{Path: f}
	r := b.Resolve(path, api.ResolveOptions{Importer: a.Importer, ResolveDir: a.ResolveDir, Kind: a.Kind, Namespace: "file", PluginData: esbuildOnly{}})
	if len(r.Errors) == 0 && !r.External && r.Path != "" {
		res = api.OnResolveResult{Path: r.Path, Namespace: r.Namespace}
	}
	bp.viaTsconfig.Store(key, res)
	return res, true
}

// emptyModule loads as nothing.
func emptyModule(loader api.Loader) api.OnLoadResult {
	empty := ""
	return api.OnLoadResult{Contents: &empty, Loader: loader}
}

// loaded is a module loaded as code, resolving its imports beside path.
func loaded(path, code string, loader api.Loader) api.OnLoadResult {
	return api.OnLoadResult{Contents: &code, Loader: loader, ResolveDir: filepath.Dir(path)}
}

// load reads a module the way the build needs it. An empty result lets
// esbuild read the file itself.
func (bp *buildPlugin) load(a api.OnLoadArgs) api.OnLoadResult {
	client, _ := bp.st.Bundler.mode()
	if r, ok := bp.loadStubbed(a.Path, client); ok {
		return r
	}
	p, st := bp.p, bp.st
	ext := filepath.Ext(a.Path)
	st.mu.Lock()
	code, unparsed := st.Unparsed[a.Path]
	lower := st.lower[a.Path]
	wide := st.utf16[a.Path]
	st.mu.Unlock()
	if unparsed {
		// CommonJS, so that importers' named imports still link; require
		// keeps every export of what it loads.
		return loaded(a.Path, code, api.LoaderJS)
	}
	if source.ComponentExts[ext] {
		// A Vue or Svelte component: its script blocks, at their positions
		// in the file; never the file as TypeScript.
		code, loader, ok := transform.LoadComponent(a.Path, wide, lower)
		if !ok {
			return emptyModule(api.LoaderJS)
		}
		return loaded(a.Path, code, loader)
	}
	if !project.SourceExts[ext] {
		return api.OnLoadResult{}
	}
	if p.foreignTooDeep(st, a.Path) {
		return emptyModule(api.LoaderJS)
	}
	if wide {
		if code, ok := transform.ReadUTF16(a.Path); ok {
			return loaded(a.Path, code, transform.LoaderFor(a.Path))
		}
	}
	target := api.ESNext
	if lower {
		target = transform.LowerTarget
	}
	if client {
		if code, ok := p.StripForClient(a.Path, target, bp.pages[a.Path]); ok {
			return loaded(a.Path, code, api.LoaderJS)
		}
	}
	if lower {
		if code, ok := transform.Compile(a.Path, target); ok {
			return loaded(a.Path, code, api.LoaderJS)
		}
	}
	return api.OnLoadResult{}
}

// loadStubbed loads as a stub what must not be read or cannot ship: files
// out of the tree or stubbed after an error, assets, and in the client
// build 'use server' and .server modules.
func (bp *buildPlugin) loadStubbed(path string, client bool) (api.OnLoadResult, bool) {
	p, st := bp.p, bp.st
	st.mu.Lock()
	stub, outside := st.Stub[path], st.outside[path]
	if !outside && !p.Tree.Contains(path) {
		// An import that resolves out of the tree (a ../ path, a link):
		// never read. The first time, an error, which esbuild places at
		// the import; the build loop turns it into a note and retries.
		st.outside[path] = true
		st.mu.Unlock()
		return api.OnLoadResult{Errors: []api.Message{{Text: outsideImport}}}, true
	}
	st.mu.Unlock()
	if stub || outside {
		return emptyModule(api.LoaderJS), true
	}
	ext := filepath.Ext(path)
	if !project.SourceExts[ext] && !source.ComponentExts[ext] && !assetLoaders[ext] {
		// CSS, images, fonts, markdown…: nothing to check.
		return emptyModule(api.LoaderEmpty), true
	}
	if client && project.SourceExts[ext] && p.IsUseServer(st, path) {
		// Next.js replaces a 'use server' module imported by client code
		// with RPC stubs: its body never ships.
		return emptyModule(api.LoaderJS), true
	}
	if client && p.ServerModule(path) {
		// A React Router / Remix .server module never ships (the
		// framework's build fails: shippedServerModules says so).
		// CommonJS, so that importers still link.
		stub := "module.exports = {};"
		return api.OnLoadResult{Contents: &stub, Loader: api.LoaderJS}, true
	}
	return api.OnLoadResult{}, false
}
