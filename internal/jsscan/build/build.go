package build

import (
	"cmp"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/jsscan/transform"
	"github.com/dypai/dypailint/internal/sourcemap"
)

// outDir is where esbuild would write, relative to the project root.
// Nothing is written (Write is false); it only anchors output paths.
const outDir = ".dypailint-out"

// entryNS is the namespace of the virtual entry point of a build.
const entryNS = "dypai-entry"

// buildState is shared by the builds of one project: what was found broken
// and how the build works around it.
type State struct {
	mu   sync.Mutex
	Stub map[string]bool // files loaded as empty modules (syntax errors)
	// outside holds the imports that lead out of the scanned tree, never
	// read: by importer and specifier when seen at resolution, by path when
	// seen at load (a link).
	outside map[string]bool
	deep    map[string]bool // sources from outside the project, by whether they nest too deep
	// Deadline is the project's time bound, checked between rebuilds.
	Deadline time.Time
	// lower holds files compiled down to lowerTarget before bundling,
	// because the parser rejected esbuild's output for them.
	lower map[string]bool
	// Unparsed maps files whose esbuild output the parser rejects to the
	// stub they are loaded as: a require of each module they import, so
	// that what they import is still bundled and checked.
	Unparsed   map[string]string
	unresolved map[string]bool // importer + "\x00" + specifier made external
	// missing are the notes of unresolved imports by what they name (a
	// generated directory many files import): one note each, counting
	// the imports after the first.
	missing map[string]*missingNote
	// missingPaths are the specifiers that tsconfig paths map to files
	// that do not exist, reported once each (missingPath).
	missingPaths map[string]bool
	// NoTsconfig: esbuild could not read a tsconfig; builds run without.
	NoTsconfig bool
	ServerOnly map[string]bool // files importing server-only
	// KitPrivate maps the files importing a SvelteKit server-only module
	// ($env/static/private…) to the first such specifier.
	KitPrivate map[string]string
	// utf16 holds files encoded in UTF-16 with a byte order mark (as some
	// editors and generators write them; TypeScript reads them): loaded
	// converted to UTF-8.
	utf16     map[string]bool
	Errs      []*finding.Problem
	errSeen   map[string]bool
	prologues map[string]source.Prologue // files outside the project
	Bundler   bundler
}

// bundler runs the builds of one project in one esbuild context. esbuild
// keeps each module's parse between rebuilds of a context, keyed by the
// module's contents and the options, so the client build reuses the server
// build's parse of every module that loads the same in both (all but
// 'use server' modules, pages and route modules), and a retry after a
// broken file reuses the rest. The options are therefore the same for both
// builds, platform included (node: no process.env.NODE_ENV is defined, so
// both sides of a development/production branch stay visible); what
// differs is the mode the plugin reads.
type bundler struct {
	mu     sync.Mutex
	ctx    api.BuildContext
	client bool   // the build running is the client build
	entry  string // the virtual entry's code for it
	// noTsconfig: ctx was created with tsconfig files ignored.
	noTsconfig bool
}

func (b *bundler) mode() (client bool, entry string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.client, b.entry
}

// Dispose frees the context (and the parses it keeps).
func (b *bundler) Dispose() {
	if b.ctx != nil {
		b.ctx.Dispose()
		b.ctx = nil
	}
}

func NewState() *State {
	return &State{Stub: map[string]bool{}, outside: map[string]bool{}, deep: map[string]bool{}, Unparsed: map[string]string{}, lower: map[string]bool{}, unresolved: map[string]bool{}, missing: map[string]*missingNote{}, missingPaths: map[string]bool{}, ServerOnly: map[string]bool{}, KitPrivate: map[string]string{}, utf16: map[string]bool{},
		errSeen: map[string]bool{}, prologues: map[string]source.Prologue{}}
}

func (s *State) addErr(e *finding.Problem) bool {
	key := e.Error()
	if s.errSeen[key] {
		return false
	}
	s.errSeen[key] = true
	s.Errs = append(s.Errs, e)
	return true
}

// buildOut is what one build produced.
type Output struct {
	Client  bool
	Chunks  []*Chunk
	ByPath  map[string]*Chunk
	Graph   map[string][]string // input file -> files it imports (absolute)
	Shipped map[string]bool     // input files with bytes in the output
	Inputs  map[string]bool     // every input file of the build
	// Specs holds the specifier, as written, by which a file imports
	// another (importer + "\x00" + imported), to point at the import.
	Specs map[string]string
}

func newBuildOut(client bool) *Output {
	return &Output{Client: client, ByPath: map[string]*Chunk{}, Graph: map[string][]string{},
		Shipped: map[string]bool{}, Inputs: map[string]bool{}, Specs: map[string]string{}}
}

// Chunk is one JS output file and its source map.
type Chunk struct {
	Path    string
	Code    string
	mapData []byte         // the source map as esbuild wrote it, until sourceMap decodes it
	smap    *sourcemap.Map // decoded by sourceMap
	mapErr  error          // why it did not decode (MapErr)
	Prog    *ast.Program
	perr    error
	Imports []string // chunks it imports (absolute output paths)
	lines   []int    // offsets of line starts, once computed
}

type metafile struct {
	Inputs map[string]struct {
		Imports []struct {
			Path     string `json:"path"`
			External bool   `json:"external"`
			Original string `json:"original"`
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
func (p *Builder) build(st *State, client bool, alias map[string]string) (*Output, error) {
	entry, n := p.entryCode(client)
	if n == 0 {
		return newBuildOut(client), nil
	}
	bnd := &st.Bundler
	bnd.mu.Lock()
	bnd.client, bnd.entry = client, entry
	bnd.mu.Unlock()
	if bnd.ctx == nil {
		ctx, err := api.Context(p.buildOptions(st, alias))
		if err != nil {
			return nil, fmt.Errorf("%s: esbuild: %v", p.Root, err)
		}
		st.mu.Lock()
		bnd.ctx, bnd.noTsconfig = ctx, st.NoTsconfig
		st.mu.Unlock()
	}
	for attempt := 0; ; attempt++ {
		if !st.Deadline.IsZero() && time.Now().After(st.Deadline) {
			return nil, TimeBound(p.Root, 0)
		}
		res := bnd.ctx.Rebuild()
		if len(res.Errors) == 0 {
			return p.collect(res, client)
		}
		progress, err := p.recordBuildErrors(st, res.Errors)
		if err != nil {
			return nil, err
		}
		if !progress || attempt > 50 {
			return nil, fmt.Errorf("%s: esbuild: %s", p.Root, res.Errors[0].Text)
		}
		st.mu.Lock()
		reconfigure := st.NoTsconfig && !bnd.noTsconfig
		st.mu.Unlock()
		if reconfigure {
			// The context's options change: start a new one.
			bnd.Dispose()
			ctx, err := api.Context(p.buildOptions(st, alias))
			if err != nil {
				return nil, fmt.Errorf("%s: esbuild: %v", p.Root, err)
			}
			bnd.ctx, bnd.noTsconfig = ctx, true
		}
	}
}

// entryCode is the build's virtual entry: it re-exports every entry
// point's module as a namespace, which keeps all of its exports alive as a
// real entry would, and esbuild bundles them into one output where each
// module appears once. (Code splitting over many entries makes esbuild
// write every transitive chunk import into every entry: quadratic output.)
// n is the number of entry points.
func (p *Builder) entryCode(client bool) (code string, n int) {
	var src strings.Builder
	if client {
		for _, e := range p.Entries {
			if e.Kind == project.EntryPage {
				// Only the page component ships; getServerSideProps and
				// its imports are stripped when the page is loaded.
				fmt.Fprintf(&src, "export { default as e%d } from %q;\n", n, e.File)
			} else {
				fmt.Fprintf(&src, "export * as e%d from %q;\n", n, e.File)
			}
			n++
		}
	} else {
		for _, f := range p.Files {
			fmt.Fprintf(&src, "export * as e%d from %q;\n", n, f)
			n++
		}
	}
	return src.String(), n
}

// recordBuildErrors turns a failed build's errors into input errors and
// the workarounds of the next attempt (stubs, externals, no tsconfig,
// UTF-16 conversion). progress says whether the next attempt can differ;
// err is a failure no retry can fix.
func (p *Builder) recordBuildErrors(st *State, errs []api.Message) (progress bool, err error) {
	// In position order, so that the import reported for a specifier
	// reported once (missingPaths) does not depend on the order esbuild's
	// goroutines found them in.
	slices.SortStableFunc(errs, func(a, b api.Message) int {
		if a.Location == nil || b.Location == nil {
			return 0
		}
		return cmp.Or(strings.Compare(a.Location.File, b.Location.File), cmp.Compare(a.Location.Line, b.Location.Line),
			cmp.Compare(a.Location.Column, b.Location.Column))
	})
	for _, m := range errs {
		if m.Location == nil || strings.HasPrefix(m.Location.File, entryNS+":") {
			return false, fmt.Errorf("%s: esbuild: %s", p.Root, m.Text)
		}
		file := m.Location.File
		if !filepath.IsAbs(file) {
			file = filepath.Join(p.Root, file)
		}
		ie := &finding.Problem{File: file, Line: m.Location.Line, Col: m.Location.Column + 1, Msg: lowerFirst(m.Text)}
		if base := filepath.Base(file); strings.HasSuffix(base, ".json") && (strings.HasPrefix(base, "tsconfig") || strings.HasPrefix(base, "jsconfig")) {
			// A tsconfig esbuild cannot read: scan on without any (its
			// path aliases then do not resolve, as notes say).
			st.mu.Lock()
			if !st.NoTsconfig {
				st.NoTsconfig = true
				ie.Msg += " (the project's tsconfig files are ignored: path aliases do not resolve)"
				st.addErr(ie)
				progress = true
			}
			st.mu.Unlock()
			continue
		}
		if filepath.Base(file) == "package.json" {
			st.mu.Lock()
			st.addErr(ie)
			st.mu.Unlock()
			return false, fmt.Errorf("%s: JS/TS project not scanned: esbuild cannot read %s", p.Root, file)
		}
		st.mu.Lock()
		if st.workAround(m, file, ie) {
			progress = true
		}
		st.mu.Unlock()
	}
	return progress, nil
}

// workAround records the input error ie that message m reports in file,
// and how the next attempt avoids it; it reports whether anything changed.
// st.mu is held.
func (st *State) workAround(m api.Message, file string, ie *finding.Problem) (progress bool) {
	switch sm := resolveErr.FindStringSubmatch(m.Text); {
	case m.PluginName == "dypailint" && m.Text == outsideImport:
		ie.Notice = true
		progress = true
	case sm != nil:
		ie.Notice = true
		if m.PluginName == "dypailint" {
			ie.Msg += " (perhaps generated by a build step: what it imports is not checked)"
		} else {
			ie.Msg += " (not found, perhaps generated by a build step: what it imports is not checked)"
		}
		key := file + "\x00" + sm[1]
		if !st.unresolved[key] {
			st.unresolved[key] = true
			progress = true
		}
		if m.PluginName == "dypailint" {
			// tsconfig paths to nowhere: once per specifier.
			if st.missingPaths[sm[1]] {
				return progress
			}
			st.missingPaths[sm[1]] = true
		} else if !st.firstImportOf(importTarget(file, sm[1]), ie) {
			return progress
		}
	case m.Location.Line == 1 && m.Location.Column == 0 && !st.utf16[file] && !st.Stub[file] && transform.HasUTF16BOM(file):
		// esbuild reads UTF-8 only: convert and retry.
		st.utf16[file] = true
		return true
	case !st.Stub[file]:
		st.Stub[file] = true
		progress = true
	}
	st.addErr(ie)
	return progress
}

// missingNote is the note of the first unresolved import of a module and
// the count of the others.
type missingNote struct {
	note *finding.Problem
	msg  string // the note's text before counting
	more int
}

// firstImportOf reports whether ie is the first note of an unresolved
// import of target; the later ones are counted in the first's text. st.mu
// is held.
func (st *State) firstImportOf(target string, ie *finding.Problem) bool {
	m := st.missing[target]
	if m == nil {
		st.missing[target] = &missingNote{note: ie, msg: ie.Msg}
		return true
	}
	m.more++
	m.note.Msg = strings.TrimSuffix(m.msg, ")") + fmt.Sprintf("; %d more %s it)", m.more, plural(m.more, "file imports", "files import"))
	return false
}

// importTarget is the module an import names: for a relative specifier,
// its path from the importing file's directory, whatever the directory
// depth it is written from ("../styled-system/css", "../../styled-system/css").
func importTarget(importer, spec string) string {
	if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") {
		return filepath.Join(filepath.Dir(importer), spec)
	}
	return spec
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// buildOptions are the esbuild options of both builds of the project (see
// bundler).
func (p *Builder) buildOptions(st *State, alias map[string]string) api.BuildOptions {
	tsconfigRaw := ""
	st.mu.Lock()
	if st.NoTsconfig {
		tsconfigRaw = "{}" // read no tsconfig file
	}
	st.mu.Unlock()
	pages := map[string]bool{}
	for _, e := range p.Entries {
		if e.Kind == project.EntryPage {
			pages[e.File] = true
		}
	}
	return api.BuildOptions{
		EntryPoints:      []string{entryNS + ":bundle"},
		AbsWorkingDir:    p.Root,
		Outdir:           filepath.Join(p.Root, outDir),
		Bundle:           true,
		Write:            false,
		Metafile:         true,
		Format:           api.FormatESModule,
		Platform:         api.PlatformNode,
		Target:           api.ESNext,
		Supported:        transform.Lowered,
		Sourcemap:        api.SourceMapExternal,
		SourcesContent:   api.SourcesContentExclude,
		Packages:         api.PackagesExternal,
		External:         slices.Clone(p.Config.Profile.JSModules),
		JSX:              api.JSXAutomatic,
		Charset:          api.CharsetUTF8,
		PreserveSymlinks: true,
		LogLevel:         api.LogLevelSilent,
		Loader:           map[string]api.Loader{".js": api.LoaderJSX},
		Plugins:          []api.Plugin{p.plugin(st, pages, alias)},
		TsconfigRaw:      tsconfigRaw,
	}
}

func lowerFirst(s string) string {
	if s == "" || s[0] < 'A' || s[0] > 'Z' || (len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func (p *Builder) abs(path string) string {
	if i := strings.Index(path, ":"); i > 1 {
		return "" // a virtual module
	}
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(p.Root, filepath.FromSlash(path))
}

// collect turns a build result into chunks, source maps and the module graph.
func (p *Builder) collect(res api.BuildResult, client bool) (*Output, error) {
	out := newBuildOut(client)
	var meta metafile
	if err := json.Unmarshal([]byte(res.Metafile), &meta); err != nil {
		return nil, fmt.Errorf("%s: esbuild metafile: %v", p.Root, err)
	}
	for in, m := range meta.Inputs {
		from := p.abs(in)
		if from == "" {
			continue
		}
		out.Inputs[from] = true
		for _, imp := range m.Imports {
			if imp.External {
				continue
			}
			if to := p.abs(imp.Path); to != "" {
				out.Graph[from] = append(out.Graph[from], to)
				if imp.Original != "" {
					out.Specs[from+"\x00"+to] = imp.Original
				}
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
		c := &Chunk{Path: f.Path, Code: string(f.Contents), mapData: maps[f.Path]}
		out.Chunks = append(out.Chunks, c)
		out.ByPath[c.Path] = c
	}
	for opath, o := range meta.Outputs {
		c := out.ByPath[p.abs(opath)]
		if c == nil {
			continue
		}
		for _, imp := range o.Imports {
			if !imp.External {
				c.Imports = append(c.Imports, p.abs(imp.Path))
			}
		}
		for in, b := range o.Inputs {
			if b.BytesInOutput > 0 {
				if a := p.abs(in); a != "" {
					out.Shipped[a] = true
				}
			}
		}
	}
	slices.SortFunc(out.Chunks, func(a, b *Chunk) int { return strings.Compare(a.Path, b.Path) })
	return out, nil
}

// importsOutside reports whether a relative or absolute import from dir
// names a path outside the tree. A root-relative path ("/src/main.tsx",
// as Vite writes) counts as inside when it lies inside from the project.
func (p *Builder) importsOutside(dir, spec string) bool {
	switch {
	case filepath.IsAbs(spec):
		return !p.Tree.Admits(spec) && !p.Tree.Admits(filepath.Join(p.Root, spec))
	case strings.HasPrefix(spec, "."):
		return dir != "" && !p.Tree.Admits(filepath.Join(dir, spec))
	}
	return false
}

// foreignTooDeep reports whether a source from outside the project (a
// workspace package) nests too deep to parse, noting it once. The
// project's own files were checked before the build.
func (p *Builder) foreignTooDeep(st *State, file string) bool {
	if _, own := slices.BinarySearch(p.Files, file); own {
		return false
	}
	st.mu.Lock()
	deep, seen := st.deep[file]
	st.mu.Unlock()
	if seen {
		return deep
	}
	data, err := p.Tree.ReadFile(file)
	deep = err == nil && source.TooDeep(data)
	st.mu.Lock()
	st.deep[file] = deep
	if deep {
		st.addErr(&finding.Problem{File: file, Line: 1, Col: 1, Notice: true,
			Msg: source.TooDeepNote})
	}
	st.mu.Unlock()
	return deep
}

func (p *Builder) IsUseServer(st *State, file string) bool {
	if project.Within(file, p.Root) {
		if _, ok := slices.BinarySearch(p.Files, file); ok {
			return p.UseServer[file]
		}
	}
	st.mu.Lock()
	pr, ok := st.prologues[file]
	st.mu.Unlock()
	if !ok {
		pr = source.ReadPrologue(file)
		st.mu.Lock()
		st.prologues[file] = pr
		st.mu.Unlock()
	}
	return pr.Server
}
