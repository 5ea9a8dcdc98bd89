package project

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"

	"github.com/dypai/dypailint/internal/scantree"
)

// Workspace maps the package names of a monorepo (npm, yarn and pnpm
// workspaces) to their directories, so that an app's import of a sibling
// package ("@acme/ui", "@acme/utils/server") is followed into that
// package's sources as Next.js, Vite and the package managers' symlinks
// do, instead of being left external like a package from the registry. A
// checkout has no node_modules, and a workspace package's package.json
// usually points at built output (dist/) that is not there either, so the
// sources are found from it: dist/x.mjs → src/x.ts.
type Workspace struct {
	root  string                // the directory declaring the workspace
	pkgs  map[string]*wsPackage // by name
	names []string              // longest first

	mu    sync.Mutex
	cache map[string]string // specifier -> file, "" when none
}

type wsPackage struct {
	dir     string
	exports any // package.json "exports", decoded
	fields  map[string]string
}

// FindWorkspace returns the workspace enclosing dir, or nil.
func FindWorkspace(dir string) *Workspace {
	ws := &workspaces{byRoot: map[string]*Workspace{}, byDir: map[string]*Workspace{}}
	return ws.find(dir)
}

// workspacePatterns reads the workspace globs of a directory: pnpm's
// pnpm-workspace.yaml, or package.json "workspaces" (a list, or yarn's
// {packages: [...]}).
func workspacePatterns(t *scantree.Tree, dir string) ([]string, bool) {
	if data, err := t.ReadFile(filepath.Join(dir, "pnpm-workspace.yaml")); err == nil {
		var y struct {
			Packages []string `yaml:"packages"`
		}
		if yaml.Unmarshal(data, &y) == nil {
			return y.Packages, true
		}
	}
	data, err := t.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, false
	}
	var pkg struct {
		Workspaces json.RawMessage `json:"workspaces"`
	}
	if json.Unmarshal(data, &pkg) != nil || len(pkg.Workspaces) == 0 {
		return nil, false
	}
	var list []string
	if json.Unmarshal(pkg.Workspaces, &list) == nil {
		return list, true
	}
	var obj struct {
		Packages []string `json:"packages"`
	}
	if json.Unmarshal(pkg.Workspaces, &obj) == nil {
		return obj.Packages, true
	}
	return nil, false
}

// Root is the directory declaring the workspace: its packages lie below it.
func (w *Workspace) Root() string { return w.root }

func loadWorkspace(t *scantree.Tree, root string, patterns []string) *Workspace {
	w := &Workspace{root: root, pkgs: map[string]*wsPackage{}, cache: map[string]string{}}
	var excluded []string
	for _, pat := range patterns {
		if rest, ok := strings.CutPrefix(pat, "!"); ok {
			excluded = append(excluded, strings.Trim(filepath.ToSlash(rest), "/"))
		}
	}
	for _, pat := range patterns {
		if strings.HasPrefix(pat, "!") {
			continue
		}
		pat = strings.Trim(strings.TrimPrefix(filepath.ToSlash(pat), "./"), "/")
		for _, dir := range expandDirs(root, strings.Split(pat, "/"), 0) {
			rel, _ := filepath.Rel(root, dir)
			if slices.ContainsFunc(excluded, func(g string) bool { return MatchGlob(g, filepath.ToSlash(rel)) }) {
				continue
			}
			if t.Contains(dir) { // a "../../*" glob stays in the tree
				w.add(t, dir)
			}
		}
	}
	for name := range w.pkgs {
		w.names = append(w.names, name)
	}
	slices.SortFunc(w.names, func(a, b string) int { return len(b) - len(a) })
	return w
}

// expandDirs returns the directories under dir matching a glob's
// segments ("*" and "**" as in matchGlob).
func expandDirs(dir string, segs []string, depth int) []string {
	if len(segs) == 0 || segs[0] == "" {
		return []string{dir}
	}
	if depth > 8 {
		return nil
	}
	seg := segs[0]
	if !strings.ContainsAny(seg, "*?[") {
		if fi, err := os.Stat(filepath.Join(dir, seg)); err == nil && fi.IsDir() {
			return expandDirs(filepath.Join(dir, seg), segs[1:], depth+1)
		}
		return nil
	}
	var out []string
	if seg == "**" {
		out = append(out, expandDirs(dir, segs[1:], depth+1)...)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return out
	}
	for _, e := range ents {
		name := e.Name()
		if !e.IsDir() || SourceSkip.Dir(name) || strings.HasPrefix(name, ".") {
			continue
		}
		sub := filepath.Join(dir, name)
		if seg == "**" {
			out = append(out, expandDirs(sub, segs, depth+1)...)
		} else if ok, _ := filepath.Match(seg, name); ok {
			out = append(out, expandDirs(sub, segs[1:], depth+1)...)
		}
	}
	return out
}

func (w *Workspace) add(t *scantree.Tree, dir string) {
	data, err := t.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return
	}
	var raw map[string]json.RawMessage
	if json.Unmarshal(data, &raw) != nil {
		return
	}
	var name string
	if json.Unmarshal(raw["name"], &name) != nil || name == "" || w.pkgs[name] != nil {
		return
	}
	p := &wsPackage{dir: dir, fields: map[string]string{}}
	if e, ok := raw["exports"]; ok {
		_ = json.Unmarshal(e, &p.exports)
	}
	for _, f := range []string{"source", "module", "main", "types", "typings"} {
		var s string
		if json.Unmarshal(raw[f], &s) == nil && s != "" {
			p.fields[f] = s
		}
	}
	w.pkgs[name] = p
}

// Resolve maps an import specifier naming a workspace package, or a
// subpath of one, to a source file of that package.
func (w *Workspace) Resolve(spec string) (string, bool) {
	if w == nil {
		return "", false
	}
	w.mu.Lock()
	f, ok := w.cache[spec]
	w.mu.Unlock()
	if ok {
		return f, f != ""
	}
	for _, name := range w.names {
		rest, ok := strings.CutPrefix(spec, name)
		if !ok || rest != "" && rest[0] != '/' {
			continue
		}
		f, _ = w.pkgs[name].resolve("." + rest)
		break
	}
	w.mu.Lock()
	w.cache[spec] = f
	w.mu.Unlock()
	return f, f != ""
}

// workspaces finds each directory's workspace once per scan.
type workspaces struct {
	tree   *scantree.Tree
	byRoot map[string]*Workspace // workspace root -> workspace
	byDir  map[string]*Workspace // project root -> workspace (or nil)
}

func (ws *workspaces) find(dir string) *Workspace {
	if w, ok := ws.byDir[dir]; ok {
		return w
	}
	var w *Workspace
	for d := dir; ; {
		if cached, ok := ws.byRoot[d]; ok {
			w = cached
			break
		}
		if patterns, ok := workspacePatterns(ws.tree, d); ok {
			w = loadWorkspace(ws.tree, d, patterns)
			ws.byRoot[d] = w
			break
		}
		parent := filepath.Dir(d)
		if parent == d || !ws.tree.Bounds(parent) {
			break
		}
		d = parent
	}
	ws.byDir[dir] = w
	return w
}

// resolve maps a subpath ("." or "./x") of the package to a source file.
func (p *wsPackage) resolve(sub string) (string, bool) {
	var targets []string
	if p.exports != nil {
		targets = exportTargets(p.exports, sub)
	}
	if sub == "." {
		for _, f := range []string{"source", "module", "main", "types", "typings"} {
			if t := p.fields[f]; t != "" {
				targets = append(targets, t)
			}
		}
		targets = append(targets, "./src/index", "./index")
	} else {
		targets = append(targets, sub, "./src/"+strings.TrimPrefix(sub, "./"))
	}
	for _, t := range targets {
		if f, ok := p.sourceFor(t); ok {
			return f, true
		}
	}
	return "", false
}

// exportTargets returns the files package.json "exports" maps sub to,
// most source-like condition first.
func exportTargets(exports any, sub string) []string {
	switch e := exports.(type) {
	case string:
		if sub == "." {
			return []string{e}
		}
		return nil
	case map[string]any:
		subpaths := false
		for k := range e {
			subpaths = strings.HasPrefix(k, ".")
			break
		}
		if !subpaths {
			if sub == "." {
				return conditionTargets(e)
			}
			return nil
		}
		if v, ok := e[sub]; ok {
			return conditionTargets(v)
		}
		// Patterns: "./*": "./src/*.ts".
		for k, v := range e {
			prefix, suffix, ok := strings.Cut(k, "*")
			if !ok || !strings.HasPrefix(sub, prefix) || !strings.HasSuffix(sub, suffix) || len(sub) < len(prefix)+len(suffix) {
				continue
			}
			star := sub[len(prefix) : len(sub)-len(suffix)]
			var out []string
			for _, t := range conditionTargets(v) {
				out = append(out, strings.ReplaceAll(t, "*", star))
			}
			return out
		}
	}
	return nil
}

// conditionOrder ranks export conditions: sources first, types last
// (a .d.ts path still leads to the source next to it).
var conditionOrder = []string{"source", "development", "browser", "import", "module", "default", "require", "node", "types"}

func conditionTargets(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, conditionTargets(x)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, c := range conditionOrder {
			if x, ok := v[c]; ok {
				out = append(out, conditionTargets(x)...)
			}
		}
		return out
	}
	return nil
}

// builtDirs are where packages put their build output; the sources are
// usually in src/ with the same layout.
var builtDirs = []string{"dist/", "build/", "lib/", "out/", "esm/", "cjs/", "es/"}

// sourceFor finds the source file behind a package-relative target:
// the file itself when it is a source file, else the source its build
// output comes from (dist/x.mjs → src/x.ts), else the file as built.
func (p *wsPackage) sourceFor(target string) (string, bool) {
	rel := strings.TrimPrefix(filepath.ToSlash(target), "./")
	if rel == "" || strings.HasPrefix(rel, "../") || filepath.IsAbs(rel) {
		return "", false
	}
	stem := rel
	for _, ext := range []string{".d.mts", ".d.cts", ".d.ts", ".mjs", ".cjs", ".js", ".jsx", ".mts", ".cts", ".ts", ".tsx"} {
		if s, ok := strings.CutSuffix(rel, ext); ok {
			stem = s
			break
		}
	}
	var stems []string
	for _, d := range builtDirs {
		if s, ok := strings.CutPrefix(stem, d); ok {
			stems = append(stems, "src/"+s, s)
		}
	}
	stems = append(stems, stem)
	for _, s := range stems {
		if f, ok := sourceFile(filepath.Join(p.dir, filepath.FromSlash(s))); ok {
			return f, true
		}
	}
	if f := filepath.Join(p.dir, filepath.FromSlash(rel)); IsSource(f) && IsFile(f) {
		return f, true
	}
	return "", false
}

// sourceFile finds stem.ts, stem.tsx… or stem/index.*.
func sourceFile(stem string) (string, bool) {
	for _, base := range []string{stem, filepath.Join(stem, "index")} {
		for _, ext := range []string{".ts", ".tsx", ".mts", ".js", ".jsx", ".mjs", ".cts", ".cjs"} {
			if f := base + ext; IsFile(f) {
				return f, true
			}
		}
	}
	return "", false
}

func IsFile(f string) bool {
	fi, err := os.Stat(f)
	return err == nil && fi.Mode().IsRegular()
}
