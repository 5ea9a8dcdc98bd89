package bundlescan

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/scantree"
	"github.com/dypai/dypailint/internal/textfile"
)

// SourceFile is an original source that a bundle's source map ships in its
// sourcesContent.
type SourceFile struct {
	Path    string // absolute path the map's source resolves to (it need not exist on disk)
	Content []byte // the source text from sourcesContent
	Bundle  string // absolute path of the bundle
	Map     string // absolute path of the source map; "" when it is inline
}

// SourceRules runs the JS/TS source rules on the originals of one bundle and
// returns their findings at original positions. Every file it is given is
// client code (it is in a browser bundle). The scanner adds the bundle as a
// related location to each finding that has none, and drops its own
// literal-key finding on a line for which the hook reported DYP103. The hook
// owns the suppression directives of the files it is given: it honours them
// and reports the stale ones; the scanner then reports none in those files.
type SourceRules func(ctx context.Context, files []SourceFile) []finding.Finding

// Scanner scans build folders and .env files. The zero value is ready to
// use; Scan is a Scanner with no source-rules hook.
type Scanner struct {
	// SourceRules, when set, also runs on the sourcesContent of source
	// maps (the JS scanner's rules).
	SourceRules SourceRules
	// LookupEnv reads the process environment for -secret-env names;
	// nil means os.LookupEnv.
	LookupEnv func(string) (string, bool)
	// Logf, when set, is told what is scanned (the driver's -v).
	Logf func(format string, args ...any)
	// Secret, when set, is told each secret value the scan searches for
	// (from -secret-env and the secret-named variables of .env files), so
	// that the driver masks it wherever it would print it.
	Secret func(value string)
}

// Scan runs a Scanner without hooks: it scans the build folders and .env
// files beneath dirs.
func Scan(ctx context.Context, dirs []string, cfg *config.Config) ([]finding.Finding, []error) {
	return (&Scanner{}).Scan(ctx, dirs, cfg)
}

// maxFileSize bounds the files read: a bigger "bundle" is not one.
const maxFileSize = 512 << 20

// run is the state of one Scan.
type run struct {
	ctx      context.Context
	cfg      *config.Config
	hook     SourceRules
	cwd      string
	tree     *scantree.Tree // what may be read and reported
	needles  []needle
	mu       sync.Mutex
	pending  []pending
	dirFiles map[string]*dirFile
	errs     []error
}

// pending is a finding before suppression: keys are the places where a
// directive may suppress it (the reported position, and the bundle
// position when that differs).
type pending struct {
	f    finding.Finding
	keys []finding.Location
}

// dirFile is the directives of one file and who answers for them.
type dirFile struct {
	ds    []*directive.Directive
	owner ownership
}

type ownership int

const (
	owned   ownership = iota // bundles, pages, .env files: all DYP001 reported here
	content                  // sourcesContent: stale DYP103 directives reported
	shared                   // originals read from disk, or owned by the hook: honoured only
)

// Scan scans the build folders and .env files beneath dirs.
func (s *Scanner) Scan(ctx context.Context, dirs []string, cfg *config.Config) (fs []finding.Finding, errs []error) {
	if cfg == nil {
		cfg = &config.Config{}
	}
	defer func() {
		if r := recover(); r != nil {
			fs, errs = nil, []error{fmt.Errorf("internal error in the bundle scanner: %v\n%s (please report this bug)", r, debug.Stack())}
		}
	}()
	lookup := s.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	rn := &run{ctx: ctx, cfg: cfg, hook: s.SourceRules, dirFiles: map[string]*dirFile{}}
	rn.cwd, _ = os.Getwd()
	rn.tree = cfg.Tree
	if rn.tree == nil {
		rn.tree = scantree.New(rn.cwd, dirs)
	}

	w := newWalker(ctx, cfg, rn.tree)
	for _, d := range dirs {
		w.walkNamed(d)
	}
	rn.errs = append(rn.errs, w.errs...)

	envFiles, defs := rn.envFiles(w)
	if s.Logf != nil {
		for _, r := range sortedRoots(w.roots) {
			s.Logf("bundles: build folder %s", r.dir)
		}
		s.Logf("bundles: %d bundle files, %d .env files", len(w.bundles), len(envFiles))
	}
	secrets, notes := collectSecrets(cfg.SecretEnv, lookup, defs)
	if s.Secret != nil {
		for _, sec := range secrets {
			s.Secret(sec.value)
		}
	}
	rn.errs = append(rn.errs, notes...)
	rn.needles = needles(secrets)

	if cfg.RuleEnabled(rules.DYP103) {
		rn.bundles(w.bundles)
	}
	if err := ctx.Err(); err != nil {
		rn.errs = append(rn.errs, err)
	}
	return finding.Sort(rn.finish()), finding.UniqueErrors(rn.errs)
}

// envFiles reads the .env files: DYP102 for those beneath the named
// directories, and the definitions of those and of the projects of the
// build folders (for their secret values). It returns the files read.
func (rn *run) envFiles(w *walker) ([]string, []envDefs) {
	envFiles := slices.Clone(w.envs)
	named := len(envFiles)
	for _, r := range sortedRoots(w.roots) {
		entries, _ := os.ReadDir(r.project)
		for _, e := range entries {
			p := filepath.Join(r.project, e.Name())
			if !isEnvFile(e.Name()) || e.IsDir() || slices.Contains(envFiles, p) {
				continue
			}
			if err := rn.tree.Check(p, "symbolic link"); err != nil {
				rn.errs = append(rn.errs, err) // the walk's note, when it saw the link too
				continue
			}
			envFiles = append(envFiles, p)
		}
	}
	var defs []envDefs
	for i, f := range envFiles {
		data, err := rn.tree.ReadFile(f)
		if err != nil {
			rn.errs = append(rn.errs, err)
			continue
		}
		if textfile.IsBinary(data) {
			rn.errs = append(rn.errs, finding.Notef(f, "skipped: binary content"))
			continue
		}
		vars, ds := parseEnv(f, data)
		defs = append(defs, envDefs{file: f, vars: vars})
		if i < named {
			rn.dirFiles[f] = &dirFile{ds: ds, owner: owned}
			for _, fd := range envFindings(f, vars) {
				rn.pending = append(rn.pending, pending{f: fd, keys: []finding.Location{fd.Loc}})
			}
		}
	}
	return envFiles, defs
}

// bundles scans the bundles in parallel; each file is read once.
func (rn *run) bundles(bundles []bundleFile) {
	jobs := make(chan bundleFile)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(bundles))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				rn.bundle(b)
			}
		}()
	}
	for _, b := range bundles {
		if rn.ctx.Err() != nil {
			break
		}
		jobs <- b
	}
	close(jobs)
	wg.Wait()
}

func sortedRoots(m map[string]*buildRoot) []*buildRoot {
	var out []*buildRoot
	for _, r := range m {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *buildRoot) int { return strings.Compare(a.dir, b.dir) })
	return out
}

type envDefs struct {
	file string
	vars []envVar
}

// collectSecrets gathers the values that must never be in a bundle: those
// of the -secret-env names (from the environment, then the .env files),
// and those of secret-like names defined in .env files (DYPAI_API_KEY,
// CRON_SECRET, …), skipping placeholders and values too short to search
// for. A value held by several names is one secret.
func collectSecrets(names []string, lookup func(string) (string, bool), defs []envDefs) ([]*secret, []error) {
	var out []*secret
	var notes []error
	byValue := map[string]*secret{}
	add := func(name, value string) bool {
		if len(value) < minSecretLen || placeholder(value) {
			return false
		}
		s := byValue[value]
		if s == nil {
			s = &secret{value: value}
			byValue[value] = s
			out = append(out, s)
		}
		if !slices.Contains(s.names, name) {
			s.names = append(s.names, name)
		}
		return true
	}
	slices.SortFunc(defs, func(a, b envDefs) int { return strings.Compare(a.file, b.file) })
	for _, name := range names {
		found, short := false, false
		if v, ok := lookup(name); ok {
			found = add(name, v) || found
			short = short || v != "" && len(v) < minSecretLen
		}
		for _, d := range defs {
			for _, v := range d.vars {
				if v.name == name {
					found = add(name, v.value) || found
					short = short || v.value != "" && len(v.value) < minSecretLen
				}
			}
		}
		switch {
		case !found && short:
			notes = append(notes, finding.Notef("", "-secret-env %s: its value is shorter than %d characters, too short to search bundles for", name, minSecretLen))
		case !found:
			notes = append(notes, finding.Notef("", "-secret-env %s: not set in the environment or in a .env file, so bundles are not searched for its value", name))
		}
	}
	var auto []string
	for _, d := range defs {
		for _, v := range d.vars {
			if sdk.IsSecretEnv(v.name) && !slices.Contains(names, v.name) {
				auto = append(auto, v.name+"\x00"+v.value)
			}
		}
	}
	slices.Sort(auto)
	for _, nv := range auto {
		name, value, _ := strings.Cut(nv, "\x00")
		add(name, value)
	}
	return out, notes
}

func (rn *run) note(file, msg string) {
	rn.mu.Lock()
	rn.errs = append(rn.errs, &finding.Problem{File: file, Msg: msg, Notice: true})
	rn.mu.Unlock()
}

func (rn *run) addDirectives(file string, ds []*directive.Directive, owner ownership) {
	rn.mu.Lock()
	defer rn.mu.Unlock()
	if df := rn.dirFiles[file]; df != nil {
		df.owner = min(df.owner, owner)
		return
	}
	rn.dirFiles[file] = &dirFile{ds: ds, owner: owner}
}

func (rn *run) add(ps ...pending) {
	rn.mu.Lock()
	rn.pending = append(rn.pending, ps...)
	rn.mu.Unlock()
}

// rel names a file for a message: relative to the working directory when
// it is beneath it, with forward slashes.
func (rn *run) rel(p string) string {
	if rn.cwd != "" {
		if r, err := filepath.Rel(rn.cwd, p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	return filepath.ToSlash(p)
}

func ctxRulesFor(p *sdk.Profile) *ctxRules {
	return &ctxRules{
		headers:  p.KeyHeaders,
		ctors:    p.JSConstructors,
		keyArg:   p.JSKeyArg,
		isModule: p.IsJSModule,
		off:      p.Gated(),
		prof:     p,
	}
}

// keyPrefixes are the literal secret-key prefixes looked for in a bundle:
// the profile's and those of the third-party SDK catalogue, test-mode ones
// included (noted, not reported).
func keyPrefixes(p *sdk.Profile) []string {
	secret, test := sdk.ServerKeyPrefixes()
	return slices.Concat(p.SecretKeyPrefixes, secret, test)
}

// testKeyNotes notes the test-mode keys a bundle ships: harmless to money,
// but where a test key is, the live one tends to follow.
func (rn *run) testKeyNotes(file string, hs []hit, lines lineIndex) {
	for _, h := range hs {
		line, col := lines.pos(h.start)
		rn.note(file, fmt.Sprintf("%d:%d: a test-mode secret key (%s) ships in this bundle: not a live secret, but keep secret keys, test ones included, out of client code", line, col, sdk.Redact(h.secret)))
	}
}

// bundle scans one bundle or page.
func (rn *run) bundle(b bundleFile) {
	defer func() {
		if r := recover(); r != nil {
			rn.mu.Lock()
			rn.errs = append(rn.errs, fmt.Errorf("%s: internal error in the bundle scanner: %v\n%s (please report this bug)", b.path, r, debug.Stack()))
			rn.mu.Unlock()
		}
	}()
	if rn.ctx.Err() != nil {
		return
	}
	if fi, err := rn.tree.Stat(b.path); err == nil && fi.Size() > maxFileSize {
		rn.note(b.path, fmt.Sprintf("skipped: %d MiB is larger than a bundle can be", fi.Size()>>20))
		return
	}
	data, err := rn.tree.ReadFile(b.path)
	if err != nil {
		rn.mu.Lock()
		rn.errs = append(rn.errs, err)
		rn.mu.Unlock()
		return
	}
	if textfile.IsBinary(data) {
		rn.note(b.path, "skipped: binary content (control bytes or invalid UTF-8), not a script")
		return
	}
	cr := ctxRulesFor(b.root.profile)
	prefixes := keyPrefixes(b.root.profile)
	lines := newLineIndex(data)
	gen := &textRef{file: b.path, data: data, lines: lines}

	if b.page {
		ts := scanText(b.path, data, htmlScripts(data), -1, -1, cr, rn.needles, prefixes, lines)
		rn.addDirectives(b.path, ts.directives, owned)
		rn.testKeyNotes(b.path, ts.testKeys, lines)
		for _, h := range ts.hits {
			loc := gen.loc(h.start, h.end)
			rn.add(pending{f: rn.leak(h, loc, nil, b.path, true, b.root.profile.Terms), keys: []finding.Location{loc}})
		}
		return
	}

	u, from, to, hasURL := sourceMappingURL(data)
	skipFrom, skipTo := -1, -1
	if hasURL {
		skipFrom, skipTo = from, to
	}
	ts := scanText(b.path, data, []jsSpan{{0, len(data)}}, skipFrom, skipTo, cr, rn.needles, prefixes, lines)
	rn.addDirectives(b.path, ts.directives, owned)
	rn.testKeyNotes(b.path, ts.testKeys, lines)

	m, mapFile, outside, err := loadMap(rn.tree, b.path, data, u)
	if outside {
		rn.note(b.path, "sourceMappingURL leads outside the scanned tree; treated as absent")
	}
	if err != nil {
		where := mapFile
		if where == "" {
			where = b.path
		}
		rn.note(where, fmt.Sprintf("source map not used: %v; findings are reported in the bundle", err))
	}
	if m == nil {
		for _, h := range ts.hits {
			loc := gen.loc(h.start, h.end)
			rn.add(pending{f: rn.leak(h, loc, nil, b.path, false, b.root.profile.Terms), keys: []finding.Location{loc}})
		}
		return
	}
	rn.mapped(b, gen, ts.hits, m, mapFile, cr, prefixes)
}

// leak builds the DYP103 finding for a hit.
func (rn *run) leak(h hit, loc finding.Location, related []finding.Related, bundle string, page bool, terms rules.Terms) finding.Finding {
	kind := "bundle"
	if page {
		kind = "built page"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s ships %s (%s)", kind, rn.rel(bundle), h.what, sdk.Redact(h.secret))
	b.WriteString(howText(h.how))
	if h.rank == rankNamed {
		b.WriteString(": keep the value out of client code and public env vars, " + terms.BundleFix + ", and rotate it")
	} else {
		b.WriteString(": remove it from client code, " + terms.BundleFix + ", and rotate the key")
	}
	msg := b.String()
	if h.repeats > 0 {
		msg = finding.Repeated(msg, h.repeats)
	}
	return finding.Finding{RuleID: rules.DYP103, Loc: loc, Message: msg, Related: related}
}

// finish applies the suppression directives and reports the malformed and
// stale ones (DYP001).
func (rn *run) finish() []finding.Finding {
	// Originals on disk that findings were moved to: honour their directives.
	for _, p := range rn.pending {
		for _, k := range p.keys {
			if _, ok := rn.dirFiles[k.File]; ok || !rn.tree.IsFile(k.File) {
				continue
			}
			rn.dirFiles[k.File] = &dirFile{ds: fileDirectives(rn.tree, k.File), owner: shared}
		}
	}
	var all []*directive.Directive
	files := make([]string, 0, len(rn.dirFiles))
	for f := range rn.dirFiles {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		all = append(all, rn.dirFiles[f].ds...)
	}
	cs := make([]directive.Candidate, len(rn.pending))
	for i, p := range rn.pending {
		cs[i] = directive.Candidate{Finding: p.f, Keys: p.keys}
	}
	return directive.Apply(cs, all, directive.Policy{Enabled: rn.cfg.RuleEnabled, Owns: rn.owns})
}

// owns reports whether the bundle scanner reports a directive, malformed
// or unused: those of the files it owns; of a sourcesContent, the unused
// ones for DYP103 alone (the source rules judge the rest).
func (rn *run) owns(d *directive.Directive, unused bool) bool {
	switch rn.dirFiles[d.File].owner {
	case owned:
		return true
	case content:
		return unused && !slices.ContainsFunc(d.Rules, func(id string) bool { return id != rules.DYP103 })
	}
	return false
}

// fileDirectives reads the dypai-ignore directives of a source file.
func fileDirectives(tree *scantree.Tree, path string) []*directive.Directive {
	data, err := tree.ReadFile(path)
	if err != nil || textfile.IsBinary(data) || len(data) > maxFileSize {
		return nil
	}
	lines := newLineIndex(data)
	s := scanJS(data, &ctxRules{off: true, prof: sdk.Dypai}, false)
	var ds []*directive.Directive
	for _, c := range s.comments {
		if d, ok := directive.Parse(c.text, directive.JSPrefix); ok {
			d.File = path
			d.Line, d.Col = lines.pos(c.start)
			ds = append(ds, &d)
		}
	}
	return ds
}
