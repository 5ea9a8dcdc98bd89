package project

import (
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/jsscan/transform"
	"github.com/dypai/dypailint/internal/scantree"
)

// Frameworks are the app frameworks of a project, beyond Next.js and SPAs,
// whose file conventions say what ships to the browser or to users'
// devices (the README's "What counts as browser code"), recognised by the
// project's package.json:
//
//   - Expo and React Native (expo, react-native): the whole app ships.
//     With expo-router, every module of the router's app/ directory is a
//     route except API routes (+api), the static HTML shell (+html) and
//     server middleware (+middleware); without it, package.json main, App.*
//     and index.* are the entries.
//   - React Router framework mode and Remix (@remix-run/*, or react-router
//     with @react-router/dev): root, route modules and entry.client ship,
//     minus their server-only exports (routeServerExports) and what only
//     those use; *.server.* modules and .server/ directories never ship,
//     entry.server is server code.
//   - TanStack Start (@tanstack/react-start, @tanstack/start, …): route
//     files and the router/client entries ship, minus server-function
//     handlers and server routes (startServerCode).
//   - Nuxt (nuxt): components and composables are auto-imported, so
//     imports do not show what ships; pages, layouts, components,
//     composables, utils, plugins, route middleware, app.vue and error.vue
//     (and every component of a Nuxt 4 app/ directory) are entries, minus
//     *.server.* files; server/ is server code.
//   - SvelteKit (@sveltejs/kit): the +page, +layout and +error components
//     and the universal +page / +layout load modules of src/routes, and
//     the client and universal hooks, ship; +page.server, +server and
//     hooks.server modules do not, and $lib/server, *.server.* modules and
//     the private $env modules fail the build when client code imports
//     them (shippedServerModules).
type Frameworks struct {
	native     bool // Expo or React Native
	expoRouter bool
	remix      bool // Remix or React Router framework mode
	remixV1    bool // Remix 1's nested routes convention
	// RemixVite: built with Vite (React Router 7, Remix 2's Vite plugin),
	// whose build fails when a .server module is in the client module
	// graph. Remix's classic compiler empties such a module instead.
	RemixVite bool
	appDir    string // Remix / React Router app directory, absolute
	start     bool   // TanStack Start
	nuxt      bool   // Nuxt
	nuxtSrc   string // Nuxt's source directory (app/ in Nuxt 4), absolute
	Kit       bool   // SvelteKit
	// vuePages are the directories of Vue file-based routing
	// (unplugin-vue-router, vite-plugin-pages), absolute: their components
	// are routes, reached through a virtual module no import names.
	vuePages []string
	// vueComponents: unplugin-vue-components registers src/components by
	// the names templates use, with no import.
	vueComponents bool
}

// startDeps mark a TanStack Start project.
var startDeps = []string{"@tanstack/react-start", "@tanstack/start", "@tanstack/solid-start", "@tanstack/vue-start"}

func detectFrameworks(t *scantree.Tree, root string, pkg *packageJSON) Frameworks {
	var fw Frameworks
	fw.native = pkg.has("expo") || pkg.has("react-native")
	fw.expoRouter = fw.native && (pkg.has("expo-router") || strings.HasPrefix(pkg.Main, "expo-router/"))
	for _, deps := range []map[string]string{pkg.Dependencies, pkg.DevDependencies} {
		for name, version := range deps {
			if strings.HasPrefix(name, "@remix-run/") && name != "@remix-run/router" {
				fw.remix = true
				if name == "@remix-run/react" || name == "@remix-run/dev" {
					fw.remixV1 = fw.remixV1 || majorVersion(version) == "1"
				}
			}
		}
	}
	fw.remixV1 = fw.remixV1 || pkg.has("@remix-run/v1-route-convention")
	fw.remix = fw.remix || pkg.has("@react-router/dev") && pkg.has("react-router")
	if fw.remix {
		fw.appDir = filepath.Join(root, remixAppDir(t, root))
		// Built with Vite when its config uses the Remix or React Router plugin.
		fw.RemixVite = pkg.has("@react-router/dev") || viteConfigMentions(t, root, "@remix-run/dev", "@react-router/dev")
	}
	fw.start = slices.ContainsFunc(startDeps, pkg.has)
	fw.nuxt = pkg.has("nuxt") || pkg.has("nuxt3")
	if fw.nuxt {
		fw.nuxtSrc = nuxtSrcDir(t, root)
	}
	fw.Kit = pkg.has("@sveltejs/kit")
	if !fw.nuxt && (pkg.has("unplugin-vue-router") || pkg.has("vite-plugin-pages") || pkg.has("vue-router") && viteConfigMentions(t, root, "vue-router/vite")) {
		fw.vuePages = vuePagesDirs(t, root)
	}
	fw.vueComponents = !fw.nuxt && pkg.has("unplugin-vue-components")
	return fw
}

var (
	routesFolderRE = regexp.MustCompile(`(?:routesFolder|dirs)\s*:\s*(\[[^\]]*\]|["'\x60][^"'\x60]+["'\x60])`)
	quotedPathRE   = regexp.MustCompile(`["'\x60]([^"'\x60]+)["'\x60]`)
)

// vuePagesDirs are the page directories of Vue file-based routing: the
// routesFolder (unplugin-vue-router) or dirs (vite-plugin-pages) the Vite
// config names as literals, else src/pages.
func vuePagesDirs(t *scantree.Tree, root string) []string {
	var out []string
	_, data := viteConfig(t, root)
	for _, m := range routesFolderRE.FindAllSubmatch(data, -1) {
		for _, q := range quotedPathRE.FindAllSubmatch(m[1], -1) {
			out = append(out, filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(string(q[1]), "./"))))
		}
	}
	if len(out) == 0 {
		out = []string{filepath.Join(root, "src", "pages")}
	}
	return out
}

// viteConfigMentions reports whether the project's Vite config contains
// one of ss.
func viteConfigMentions(t *scantree.Tree, root string, ss ...string) bool {
	_, data := viteConfig(t, root)
	return slices.ContainsFunc(ss, func(s string) bool { return strings.Contains(string(data), s) })
}

var nuxtSrcDirRE = regexp.MustCompile(`srcDir\s*:\s*["'\x60]([^"'\x60]+)["'\x60]`)

// nuxtSrcDir is the source directory of a Nuxt app: the srcDir its config
// names, app/ when it holds the app (Nuxt 4's layout), else the root.
func nuxtSrcDir(t *scantree.Tree, root string) string {
	for _, name := range []string{"nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs", "nuxt.config.mts"} {
		if data, err := t.ReadFile(filepath.Join(root, name)); err == nil {
			if m := nuxtSrcDirRE.FindSubmatch(data); m != nil {
				return filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(string(m[1]), "./")))
			}
			break
		}
	}
	app := filepath.Join(root, "app")
	if anyExists(app, "app.vue", "pages", "components", "layouts") {
		return app
	}
	return root
}

// WithFrameworkAliases adds to the Vite aliases those the frameworks
// define in their own plugins: SvelteKit's $lib (src/lib), Nuxt's ~ and @
// (the source directory), ~~ and @@ (the root) and #shared. The project's
// own aliases win.
func (p *Project) WithFrameworkAliases(alias map[string]string) map[string]string {
	add := map[string]string{}
	if p.Frameworks.Kit {
		add["$lib"] = filepath.Join(p.Root, "src", "lib")
	}
	if p.Frameworks.nuxt {
		add["~"], add["@"] = p.Frameworks.nuxtSrc, p.Frameworks.nuxtSrc
		add["~~"], add["@@"] = p.Root, p.Root
		add["#shared"] = filepath.Join(p.Root, "shared")
	}
	if len(add) == 0 {
		return alias
	}
	out := map[string]string{}
	maps.Copy(out, add)
	maps.Copy(out, alias)
	return out
}

var versionMajor = regexp.MustCompile(`^[\^~>=v\s]*(\d+)`)

// majorVersion is the major version a package.json range starts from.
func majorVersion(v string) string {
	if m := versionMajor.FindStringSubmatch(v); m != nil {
		return m[1]
	}
	return ""
}

var appDirectoryRE = regexp.MustCompile(`appDirectory\s*:\s*["'\x60]([^"'\x60]+)["'\x60]`)

// remixAppDir is the app directory the Remix / React Router config names
// (appDirectory: "src"), or "app".
func remixAppDir(t *scantree.Tree, root string) string {
	for _, name := range []string{"react-router.config.ts", "react-router.config.js", "react-router.config.mjs",
		"remix.config.js", "remix.config.mjs", "remix.config.cjs", "vite.config.ts", "vite.config.mts", "vite.config.js", "vite.config.mjs"} {
		data, err := t.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue
		}
		if m := appDirectoryRE.FindSubmatch(data); m != nil {
			return filepath.FromSlash(strings.TrimPrefix(string(m[1]), "./"))
		}
	}
	return "app"
}

// stem is a file's base name without its extension.
func stem(f string) string {
	base := filepath.Base(f)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// relSlash is f relative to dir with slashes, or "" when f is not under dir.
func relSlash(dir, f string) string {
	if !Within(f, dir) || f == dir {
		return ""
	}
	r, err := filepath.Rel(dir, f)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(r)
}

// frameworkEntries adds the client entry points of the project's
// frameworks, and records the React Router route modules to strip.
func (p *Project) frameworkEntries(add func(string, entryKind)) {
	fw := p.Frameworks
	if fw.native {
		p.nativeEntries(add, p.main)
	}
	if fw.remix {
		p.routeModules = map[string]bool{}
		for _, f := range p.remixRoutes() {
			p.routeModules[f] = true
			add(f, entryRoute)
		}
		for _, f := range p.Files {
			if filepath.Dir(f) == fw.appDir && stem(f) == "entry.client" {
				add(f, entryBrowser)
			}
		}
	}
	if fw.nuxt {
		p.nuxtEntries(add)
	}
	if fw.Kit {
		p.kitEntries(add)
	}
	for _, dir := range fw.vuePages {
		for _, f := range p.Files {
			if relSlash(dir, f) != "" && !testFile(f) {
				add(f, entryRoute)
			}
		}
	}
	if fw.vueComponents {
		p.vueComponentEntries(add)
	}
	if fw.start {
		for _, dir := range []string{"src", "app"} {
			base := filepath.Join(p.Root, dir)
			for _, f := range p.Files {
				rel := relSlash(base, f)
				switch {
				case rel == "":
				case strings.HasPrefix(rel, "routes/"):
					if startRoute(strings.TrimPrefix(rel, "routes/")) {
						add(f, entryRoute)
					}
				case !strings.Contains(rel, "/") && (stem(rel) == "router" || stem(rel) == "client"):
					add(f, entryBrowser)
				}
			}
		}
	}
}

// nuxtEntries adds the modules of a Nuxt app that ship to the browser
// whether or not an import shows it (see frameworks).
func (p *Project) nuxtEntries(add func(string, entryKind)) {
	src := p.Frameworks.nuxtSrc
	var used []string // the app's client code, read for auto-imported names
	var auto []string // composables, utils and stores: entries when client code uses them
	for _, f := range p.Files {
		rel := relSlash(src, f)
		if rel == "" || testFile(f) || strings.Contains(filepath.Base(f), ".server.") || strings.Contains(filepath.Base(f), ".stories.") {
			continue
		}
		dir, _, nested := strings.Cut(rel, "/")
		switch {
		case !nested && (rel == "app.vue" || rel == "error.vue"):
			add(f, entryBrowser)
		case nested && (dir == "pages" || dir == "layouts"):
			add(f, entryRoute)
		case nested && (dir == "plugins" || dir == "middleware"):
			add(f, entryBrowser)
		case nested && (dir == "composables" || dir == "utils" || dir == "stores") && !source.IsComponent(f):
			auto = append(auto, f)
			continue
		case nested && dir == "components", src != p.Root && source.IsComponent(f):
			add(f, entryNuxtAuto) // auto-registered by name; Nuxt 4: app/ is the Vue app
		default:
			continue
		}
		used = append(used, f)
	}
	for _, f := range nuxtUsedAutoImports(p.Tree, auto, used) {
		add(f, entryNuxtAuto)
	}
}

var exportedNameRE = regexp.MustCompile(`\bexport\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)`)

// nuxtUsedAutoImports returns the auto-imported modules (composables,
// utils, Pinia stores) whose exports the client code in used refers to by
// name, directly or through another such module. Nuxt bundles an
// auto-import for the browser only when client code uses it: a util that
// only a server route imports does not ship.
func nuxtUsedAutoImports(t *scantree.Tree, auto, used []string) []string {
	var corpus strings.Builder
	for _, f := range used {
		if data, err := t.ReadFile(f); err == nil {
			corpus.Write(data)
			corpus.WriteByte('\n')
		}
	}
	names := map[string][]string{}
	contents := map[string][]byte{}
	for _, f := range auto {
		data, err := t.ReadFile(f)
		if err != nil {
			continue
		}
		contents[f] = data
		ns := []string{stemCamel(f)} // a default export is imported by the file's name
		for _, m := range exportedNameRE.FindAllSubmatch(data, -1) {
			ns = append(ns, string(m[1]))
		}
		names[f] = ns
	}
	var out []string
	taken := map[string]bool{}
	for changed := true; changed; {
		changed = false
		text := corpus.String()
		for _, f := range auto {
			if taken[f] || !slices.ContainsFunc(names[f], func(n string) bool { return source.Mentions(text, n) }) {
				continue
			}
			taken[f], changed = true, true
			out = append(out, f)
			corpus.Write(contents[f]) // composables use utils and stores
			corpus.WriteByte('\n')
		}
	}
	slices.Sort(out)
	return out
}

// stemCamel is a file's name as Nuxt auto-imports its default export:
// use-auth.ts → useAuth.
func stemCamel(f string) string {
	parts := strings.FieldsFunc(stem(f), func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "")
}

// kitEntries adds the modules of a SvelteKit app that ship to the browser:
// the route components and universal load modules of src/routes, the
// client and universal hooks, and the service worker.
func (p *Project) kitEntries(add func(string, entryKind)) {
	src := filepath.Join(p.Root, "src")
	routes := filepath.Join(src, "routes")
	for _, f := range p.Files {
		if relSlash(routes, f) != "" && !p.ServerModule(f) {
			name, _, _ := strings.Cut(stem(f), "@") // +page@(app).svelte resets the layout
			switch {
			case name == "+page" || name == "+layout":
				add(f, entryRoute) // components and universal load modules
			case name == "+error" && source.IsComponent(f):
				add(f, entryRoute)
			}
			continue
		}
		if filepath.Dir(f) == src && (stem(f) == "hooks.client" || stem(f) == "hooks" || stem(f) == "service-worker") {
			add(f, entryBrowser) // the service worker is bundled for the browser too
		}
		if relSlash(filepath.Join(src, "service-worker"), f) != "" && stem(f) == "index" {
			add(f, entryBrowser)
		}
	}
}

// startRoute reports whether a file under TanStack Router's routes
// directory is a route: not the generated route tree, and no path element
// starting with "-" (routeFileIgnorePrefix).
func startRoute(rel string) bool {
	if strings.HasPrefix(stem(rel), "routeTree.gen") {
		return false
	}
	for _, el := range strings.Split(rel, "/") {
		if strings.HasPrefix(el, "-") {
			return false
		}
	}
	return true
}

// nativeEntries are the entries of an Expo or React Native app: the
// expo-router routes, or the app's main module.
func (p *Project) nativeEntries(add func(string, entryKind), main string) {
	if p.Frameworks.expoRouter {
		for _, dir := range []string{"app", "src/app"} {
			base := filepath.Join(p.Root, filepath.FromSlash(dir))
			for _, f := range p.Files {
				if relSlash(base, f) == "" {
					continue
				}
				s := stem(f)
				if strings.HasSuffix(s, "+api") || s == "+html" || s == "+middleware" {
					continue // run on the server
				}
				add(f, entryNative)
			}
		}
		return
	}
	if main != "" && !strings.Contains(main, "node_modules") {
		m := filepath.Join(p.Root, filepath.FromSlash(main))
		if f, ok := sourceFile(strings.TrimSuffix(m, filepath.Ext(m))); ok && IsSource(f) {
			add(f, entryNative)
		} else if IsFile(m) && IsSource(m) {
			add(m, entryNative)
		}
	}
	for _, f := range p.Files {
		if filepath.Dir(f) != p.Root {
			continue
		}
		switch filepath.Base(f) {
		case "App.tsx", "App.jsx", "App.ts", "App.js", "index.ts", "index.js", "index.tsx", "index.jsx":
			add(f, entryNative)
		}
	}
}

var routeFileRE = regexp.MustCompile(`["'\x60]([^"'\x60\s]+\.(?:[cm]?[jt]sx?|mdx?))["'\x60]`)

// remixRoutes are the route modules of a Remix or React Router app: root,
// the routes app/routes.ts (or a remix/vite config's defineRoutes) names by
// file, and the app/routes/ file convention (flat routes: files directly in
// routes/ and routes/<dir>/route.*; Remix 1: every file below routes/) when
// there is no routes.ts or it calls flatRoutes. When a routes.ts names no
// file and does not call flatRoutes, which modules are routes cannot be
// told: every module of the app directory is taken.
func (p *Project) remixRoutes() []string {
	app := p.Frameworks.appDir
	var out []string
	inApp := func(f string) bool {
		return relSlash(app, f) != "" && !p.ServerModule(f) && stem(f) != "entry.server" && stem(f) != "entry.client"
	}
	for _, f := range p.Files {
		if filepath.Dir(f) == app && stem(f) == "root" {
			out = append(out, f)
		}
	}
	convention := true
	var named []string
	var configs []string
	for _, name := range []string{"routes.ts", "routes.js", "routes.mts", "routes.mjs", "routes.tsx"} {
		configs = append(configs, filepath.Join(app, name))
	}
	for _, name := range []string{"remix.config.js", "remix.config.mjs", "remix.config.cjs", "vite.config.ts", "vite.config.mts", "vite.config.js", "vite.config.mjs"} {
		configs = append(configs, filepath.Join(p.Root, name))
	}
	routesConfig := false
	for i, cf := range configs {
		data, err := p.Tree.ReadFile(cf)
		if err != nil {
			continue
		}
		isRoutesTS := i < 5
		if !isRoutesTS && !strings.Contains(string(data), "defineRoutes") {
			continue
		}
		routesConfig = routesConfig || isRoutesTS
		for _, m := range routeFileRE.FindAllStringSubmatch(string(data), -1) {
			f := filepath.Join(app, filepath.FromSlash(m[1]))
			if IsFile(f) && IsSource(f) {
				named = append(named, f)
			}
		}
		if isRoutesTS {
			convention = strings.Contains(string(data), "flatRoutes(")
		}
	}
	out = append(out, named...)
	if routesConfig && !convention && len(named) == 0 {
		for _, f := range p.Files {
			if inApp(f) && !configsContain(configs, f) {
				out = append(out, f)
			}
		}
		return out
	}
	if convention {
		routes := filepath.Join(app, "routes")
		for _, f := range p.Files {
			rel := relSlash(routes, f)
			if rel == "" || !inApp(f) || testFile(f) {
				continue
			}
			if p.Frameworks.remixV1 || flatRoute(rel) {
				out = append(out, f)
			}
		}
	}
	return out
}

// flatRoute reports whether a file under routes/ (rel, slash-separated) is
// a route module by the flat-routes conventions: a file directly in
// routes/, or a folder's route.* or index.* (Remix's folder routes); with
// remix-flat-routes, folders whose names end in "+" are flattened into
// their parent first (_auth+/orders_+/new.tsx is a route).
func flatRoute(rel string) bool {
	parts := strings.Split(rel, "/")
	for len(parts) > 1 && strings.HasSuffix(parts[0], "+") {
		parts = parts[1:]
	}
	switch len(parts) {
	case 1:
		return true
	case 2:
		switch stem(parts[1]) {
		case "route", "index", "_index", "_layout":
			return true
		}
	}
	return false
}

var testFileRE = regexp.MustCompile(`\.(test|spec)\.[cm]?[jt]sx?$|(^|/)__(tests|mocks)__/`)

// testFile reports whether f is a test (x.test.ts, x.spec.tsx, __tests__/),
// which no framework routes to.
func testFile(f string) bool {
	return testFileRE.MatchString(filepath.ToSlash(f))
}

func configsContain(configs []string, f string) bool { return slices.Contains(configs, f) }

// serverModuleRE matches React Router's and Remix's server-only module
// names: x.server.ts, and anything in a .server directory.
var serverModuleRE = regexp.MustCompile(`(^|/)\.server/|\.server\.[cm]?[jt]sx?$`)

// kitServerModuleRE matches SvelteKit's server-only module names:
// x.server.ts (+page.server.ts, hooks.server.ts, secrets.server.js).
var kitServerModuleRE = regexp.MustCompile(`\.server\.([cm]?[jt]sx?|svelte)$`)

// KitServerOnly are the modules SvelteKit refuses to bundle into client
// code.
var KitServerOnly = map[string]bool{"$env/static/private": true, "$env/dynamic/private": true, "$app/server": true}

// ServerModule reports whether f never ships to the browser by its name:
// in a React Router or Remix app, a .server module; in a SvelteKit app, a
// .server module or one under src/lib/server. Importing one from client
// code fails the build.
func (p *Project) ServerModule(f string) bool {
	switch {
	case p.Frameworks.remix:
		return serverModuleRE.MatchString(filepath.ToSlash(f))
	case p.Frameworks.Kit:
		return kitServerModuleRE.MatchString(f) || Within(f, filepath.Join(p.Root, "src", "lib", "server"))
	}
	return false
}

// StripForClient removes from a module, for the client build, what its
// framework keeps out of the browser: a Next.js page's data functions, a
// route module's loader, action and headers, TanStack Start's server
// functions (stripServerCode). It returns false when nothing is removed.
func (p *Project) StripForClient(path string, target api.Target, page bool) (string, bool) {
	var exports map[string]bool
	switch {
	case page:
		exports = transform.ServerExports
	case p.routeModules[path]:
		exports = transform.RouteServerExports
	}
	if exports == nil && !p.Frameworks.start {
		return "", false
	}
	return transform.StripServerCode(path, target, exports, p.Frameworks.start)
}

// vueComponentEntries adds the components of src/components that a Vue
// template uses by name (<AdminPanel />, <admin-panel>) with no import, as
// unplugin-vue-components registers them.
func (p *Project) vueComponentEntries(add func(string, entryKind)) {
	dir := filepath.Join(p.Root, "src", "components")
	var templates strings.Builder
	for _, f := range p.Files {
		if source.IsComponent(f) {
			if data, err := p.Tree.ReadFile(f); err == nil {
				templates.Write(data)
				templates.WriteByte('\n')
			}
		}
	}
	text := templates.String()
	for _, f := range p.Files {
		if relSlash(dir, f) == "" || !source.IsComponent(f) || testFile(f) {
			continue
		}
		name := stem(f)
		if source.Mentions(text, "<"+name) || source.Mentions(text, "<"+source.Kebab(name)) {
			add(f, entryAutoComponent)
		}
	}
}
