package jsscan

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/ast"
)

// lowered are the syntax features esbuild must lower because sobek's
// parser does not read them (see TestParserGaps): async iteration (for
// await, async generators — Next.js route handlers streaming responses),
// explicit resource management (using, await using), decorators and
// auto-accessors, and import attributes on external imports. esbuild
// rewrites them into plain functions and generators with the same calls
// inside, so the analysis sees the same values, and the source map still
// points at the original code.
var lowered = map[string]bool{
	"for-await":         false,
	"async-generator":   false,
	"using":             false,
	"decorators":        false,
	"import-attributes": false,
	"import-assertions": false,
}

// outDir is where esbuild would write, relative to the project root.
// Nothing is written (Write is false); it only anchors output paths.
const outDir = ".dypailint-out"

// entryNS is the namespace of the virtual entry point of a build.
const entryNS = "dypai-entry"

// buildState is shared by the builds of one project: what was found broken
// and how the build works around it.
type buildState struct {
	mu         sync.Mutex
	stub       map[string]bool // files loaded as empty modules (syntax errors)
	// unparsed maps files whose esbuild output the parser rejects to the
	// stub they are loaded as: a require of each module they import, so
	// that what they import is still bundled and checked.
	unparsed   map[string]string
	unresolved map[string]bool // importer + "\x00" + specifier made external
	serverOnly map[string]bool // files importing server-only
	errs       []*InputError
	errSeen    map[string]bool
	prologues  map[string]prologue // files outside the project
}

func newBuildState() *buildState {
	return &buildState{stub: map[string]bool{}, unparsed: map[string]string{}, unresolved: map[string]bool{}, serverOnly: map[string]bool{},
		errSeen: map[string]bool{}, prologues: map[string]prologue{}}
}

func (s *buildState) addErr(e *InputError) bool {
	key := e.Error()
	if s.errSeen[key] {
		return false
	}
	s.errSeen[key] = true
	s.errs = append(s.errs, e)
	return true
}

// buildOut is what one build produced.
type buildOut struct {
	client  bool
	chunks  []*chunk
	byPath  map[string]*chunk
	graph   map[string][]string // input file -> files it imports (absolute)
	shipped map[string]bool     // input files with bytes in the output
	inputs  map[string]bool     // every input file of the build
}

func newBuildOut(client bool) *buildOut {
	return &buildOut{client: client, byPath: map[string]*chunk{}, graph: map[string][]string{},
		shipped: map[string]bool{}, inputs: map[string]bool{}}
}

// chunk is one JS output file and its source map.
type chunk struct {
	path    string
	code    string
	smap    *srcMap
	prog    *ast.Program
	perr    error
	imports []string // chunks it imports (absolute output paths)
	lines   []int    // offsets of line starts, once computed
}

type metafile struct {
	Inputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			External bool   `json:"external"`
		} `json:"imports"`
	} `json:"inputs"`
	Outputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			External bool   `json:"external"`
		} `json:"imports"`
		Inputs map[string]struct {
			BytesInOutput int `json:"bytesInOutput"`
		} `json:"inputs"`
	} `json:"outputs"`
}

var resolveErr = regexp.MustCompile(`^Could not resolve "([^"]+)"`)

// build runs one esbuild build of the project: the client build (entries:
// the client entry points; 'use server' modules stubbed; pages wrapped) or
// the server build (every source file an entry). Broken files are recorded
// as input errors and stubbed, and the build is retried.
func (p *project) build(st *buildState, client bool, alias map[string]string) (*buildOut, error) {
	// One virtual entry re-exports every entry point's module as a
	// namespace, which keeps all of its exports alive as a real entry
	// would, and esbuild bundles them into one output where each module
	// appears once. (Code splitting over many entries makes esbuild write
	// every transitive chunk import into every entry: quadratic output.)
	var src strings.Builder
	n := 0
	if client {
		for _, e := range p.entries {
			if e.kind == entryPage {
				// Only the page component ships; getServerSideProps and
				// its imports are stripped when the page is loaded.
				fmt.Fprintf(&src, "export { default as e%d } from %q;\n", n, e.file)
			} else {
				fmt.Fprintf(&src, "export * as e%d from %q;\n", n, e.file)
			}
			n++
		}
	} else {
		for _, f := range p.files {
			fmt.Fprintf(&src, "export * as e%d from %q;\n", n, f)
			n++
		}
	}
	if n == 0 {
		return newBuildOut(client), nil
	}
	name := "server"
	if client {
		name = "client"
	}
	entryCode := src.String()
	pages := map[string]bool{}
	for _, e := range p.entries {
		if e.kind == entryPage {
			pages[e.file] = true
		}
	}
	platform := api.PlatformNode
	if client {
		platform = api.PlatformBrowser
	}
	opts := api.BuildOptions{
		EntryPoints:      []string{entryNS + ":" + name},
		AbsWorkingDir:    p.root,
		Outdir:           filepath.Join(p.root, outDir),
		Bundle:           true,
		Write:            false,
		Metafile:         true,
		Format:           api.FormatESModule,
		Platform:         platform,
		Target:           api.ESNext,
		Supported:        lowered,
		Sourcemap:        api.SourceMapExternal,
		SourcesContent:   api.SourcesContentExclude,
		Packages:         api.PackagesExternal,
		External:         slices.Clone(p.cfg.Profile.JSModules),
		JSX:              api.JSXAutomatic,
		Charset:          api.CharsetUTF8,
		PreserveSymlinks: true,
		LogLevel:         api.LogLevelSilent,
		Loader:           map[string]api.Loader{".js": api.LoaderJSX},
		Plugins:          []api.Plugin{p.plugin(st, client, pages, alias, entryCode)},
	}
	for attempt := 0; ; attempt++ {
		res := api.Build(opts)
		if len(res.Errors) == 0 {
			return p.collect(res, client)
		}
		progress := false
		for _, m := range res.Errors {
			if m.Location == nil {
				return nil, fmt.Errorf("%s: esbuild: %s", p.root, m.Text)
			}
			file := m.Location.File
			if strings.HasPrefix(file, entryNS+":") {
				return nil, fmt.Errorf("%s: esbuild: %s", p.root, m.Text)
			}
			if !filepath.IsAbs(file) {
				file = filepath.Join(p.root, file)
			}
			ie := &InputError{File: file, Line: m.Location.Line, Col: m.Location.Column + 1, Msg: lowerFirst(m.Text)}
			st.mu.Lock()
			if sm := resolveErr.FindStringSubmatch(m.Text); sm != nil {
				ie.Notice = true
				ie.Msg += " (not found, perhaps generated by a build step: what it imports is not checked)"
				key := file + "\x00" + sm[1]
				if !st.unresolved[key] {
					st.unresolved[key] = true
					progress = true
				}
			} else if !st.stub[file] {
				st.stub[file] = true
				progress = true
			}
			st.addErr(ie)
			st.mu.Unlock()
		}
		if !progress || attempt > 50 {
			return nil, fmt.Errorf("%s: esbuild: %s", p.root, res.Errors[0].Text)
		}
	}
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || (len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func (p *project) abs(path string) string {
	if i := strings.Index(path, ":"); i > 1 {
		return "" // a virtual module
	}
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(p.root, filepath.FromSlash(path))
}

// collect turns a build result into chunks, source maps and the module graph.
func (p *project) collect(res api.BuildResult, client bool) (*buildOut, error) {
	out := newBuildOut(client)
	var meta metafile
	if err := json.Unmarshal([]byte(res.Metafile), &meta); err != nil {
		return nil, fmt.Errorf("%s: esbuild metafile: %v", p.root, err)
	}
	for in, m := range meta.Inputs {
		from := p.abs(in)
		if from == "" {
			continue
		}
		out.inputs[from] = true
		for _, imp := range m.Imports {
			if imp.External {
				continue
			}
			if to := p.abs(imp.Path); to != "" {
				out.graph[from] = append(out.graph[from], to)
			}
		}
	}
	maps := map[string][]byte{}
	for _, f := range res.OutputFiles {
		if strings.HasSuffix(f.Path, ".map") {
			maps[strings.TrimSuffix(f.Path, ".map")] = f.Contents
		}
	}
	for _, f := range res.OutputFiles {
		if strings.HasSuffix(f.Path, ".map") || !strings.HasSuffix(f.Path, ".js") {
			continue
		}
		c := &chunk{path: f.Path, code: string(f.Contents)}
		if data := maps[f.Path]; data != nil {
			sm, err := parseSourceMap(data)
			if err != nil {
				return nil, fmt.Errorf("%s: esbuild source map: %v", f.Path, err)
			}
			c.smap = sm
		}
		out.chunks = append(out.chunks, c)
		out.byPath[c.path] = c
	}
	for opath, o := range meta.Outputs {
		c := out.byPath[p.abs(opath)]
		if c == nil {
			continue
		}
		for _, imp := range o.Imports {
			if !imp.External {
				c.imports = append(c.imports, p.abs(imp.Path))
			}
		}
		for in, b := range o.Inputs {
			if b.BytesInOutput > 0 {
				if a := p.abs(in); a != "" {
					out.shipped[a] = true
				}
			}
		}
	}
	slices.SortFunc(out.chunks, func(a, b *chunk) int { return strings.Compare(a.path, b.path) })
	return out, nil
}

var assetLoaders = map[string]bool{".json": true}

// plugin resolves and loads what esbuild cannot on its own, without ever
// reading node_modules or running code.
func (p *project) plugin(st *buildState, client bool, pages map[string]bool, alias map[string]string, entryCode string) api.Plugin {
	aliasKeys := make([]string, 0, len(alias))
	for k := range alias {
		aliasKeys = append(aliasKeys, k)
	}
	// Longest key first, so "@/lib" wins over "@".
	slices.SortFunc(aliasKeys, func(a, b string) int { return len(b) - len(a) })
	return api.Plugin{
		Name: "dypailint",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `.*`}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if a.Kind == api.ResolveEntryPoint {
					if rest, ok := strings.CutPrefix(a.Path, entryNS+":"); ok {
						return api.OnResolveResult{Path: rest, Namespace: entryNS}, nil
					}
					return api.OnResolveResult{}, nil
				}
				path := a.Path
				if strings.Contains(path, "?") {
					return api.OnResolveResult{Path: path, External: true}, nil // ?react, ?url, ?raw
				}
				if path == "server-only" {
					st.mu.Lock()
					st.serverOnly[a.Importer] = true
					st.mu.Unlock()
					return api.OnResolveResult{Path: path, External: true}, nil
				}
				st.mu.Lock()
				unresolved := st.unresolved[a.Importer+"\x00"+path]
				st.mu.Unlock()
				if unresolved {
					return api.OnResolveResult{Path: path, External: true}, nil
				}
				for _, k := range aliasKeys {
					if rest, ok := strings.CutPrefix(path, k); ok && (rest == "" || rest[0] == '/' || strings.HasSuffix(k, "/")) {
						r := b.Resolve(alias[k]+rest, api.ResolveOptions{Importer: a.Importer, ResolveDir: a.ResolveDir, Kind: a.Kind, Namespace: "file"})
						if len(r.Errors) == 0 {
							return api.OnResolveResult{Path: r.Path, External: r.External, Namespace: r.Namespace}, nil
						}
					}
				}
				return api.OnResolveResult{}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: entryNS}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				return api.OnLoadResult{Contents: &entryCode, ResolveDir: p.root, Loader: api.LoaderJS}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: `.*`, Namespace: "file"}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				empty := ""
				st.mu.Lock()
				stub := st.stub[a.Path]
				st.mu.Unlock()
				if stub {
					return api.OnLoadResult{Contents: &empty, Loader: api.LoaderJS}, nil
				}
				ext := filepath.Ext(a.Path)
				if !sourceExts[ext] && !assetLoaders[ext] {
					// CSS, images, fonts, markdown…: nothing to check.
					return api.OnLoadResult{Contents: &empty, Loader: api.LoaderEmpty}, nil
				}
				if client && sourceExts[ext] && p.isUseServer(st, a.Path) {
					// Next.js replaces a 'use server' module imported by
					// client code with RPC stubs: its body never ships.
					return api.OnLoadResult{Contents: &empty, Loader: api.LoaderJS}, nil
				}
				st.mu.Lock()
				code, unparsed := st.unparsed[a.Path]
				st.mu.Unlock()
				if unparsed {
					// CommonJS, so that importers' named imports still
					// link; require keeps every export of what it loads.
					return api.OnLoadResult{Contents: &code, Loader: api.LoaderJS, ResolveDir: filepath.Dir(a.Path)}, nil
				}
				if !client || !sourceExts[ext] {
					return api.OnLoadResult{}, nil
				}
				if pages[a.Path] {
					if code, ok := stripServerExports(a.Path); ok {
						return api.OnLoadResult{Contents: &code, Loader: api.LoaderJS, ResolveDir: filepath.Dir(a.Path)}, nil
					}
				}
				return api.OnLoadResult{}, nil
			})
		},
	}
}

func (p *project) isUseServer(st *buildState, file string) bool {
	if within(file, p.root) {
		if _, ok := slices.BinarySearch(p.files, file); ok {
			return p.useServer[file]
		}
	}
	st.mu.Lock()
	pr, ok := st.prologues[file]
	st.mu.Unlock()
	if !ok {
		pr = readPrologue(file)
		st.mu.Lock()
		st.prologues[file] = pr
		st.mu.Unlock()
	}
	return pr.server
}

// loaderFor is the esbuild loader of a source file.
func loaderFor(path string) api.Loader {
	switch filepath.Ext(path) {
	case ".ts", ".mts", ".cts":
		return api.LoaderTS
	case ".tsx":
		return api.LoaderTSX
	}
	return api.LoaderJSX
}
