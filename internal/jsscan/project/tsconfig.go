package project

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/internal/scantree"
)

// tsPaths are the compilerOptions.paths of a tsconfig.json or
// jsconfig.json, with extends followed (to files; a package's config is in
// node_modules, which the scanner does not read).
//
// esbuild applies them itself. What it cannot do is tell a mapping to code
// not generated yet (paths: {"@gen/*": ["./generated/*"]} before the
// generator ran) from a package: it falls back to the package, which the
// build leaves external, and what the import brings in is silently not
// checked. missingPath reports those imports instead.
type tsPaths struct {
	config string // the file declaring paths
	rules  []pathRule
}

type pathRule struct {
	key            string // as written: "@gen/*"
	prefix, suffix string // key around its '*'
	wildcard       bool
	targets        []string // absolute, with at most one '*'
}

// tsPathsFor returns the paths applying to files in dir: those of the
// nearest tsconfig.json or jsconfig.json, as esbuild finds it.
func (p *Project) tsPathsFor(dir string) *tsPaths {
	f := p.TsconfigFor(dir)
	if f == "" {
		return nil
	}
	if v, ok := p.tsconfigs.Load(f); ok {
		return v.(*tsPaths)
	}
	tp, _ := readTSPaths(p.Tree, f)
	p.tsconfigs.Store(f, tp)
	return tp
}

// TsconfigFor returns the tsconfig.json or jsconfig.json that applies to
// files in dir, as esbuild finds it (the nearest in dir or above), or "".
func (p *Project) TsconfigFor(dir string) string {
	if v, ok := p.tsconfigDirs.Load(dir); ok {
		return v.(string)
	}
	found := ""
	for _, name := range []string{"tsconfig.json", "jsconfig.json"} {
		if f := filepath.Join(dir, name); IsFile(f) {
			found = f
			break
		}
	}
	if found == "" {
		if parent := filepath.Dir(dir); parent != dir {
			found = p.TsconfigFor(parent)
		}
	}
	p.tsconfigDirs.Store(dir, found)
	return found
}

// readTSPaths reads a config's paths, following extends to files. The
// error is the first file of the chain that leads outside the tree (not
// read).
func readTSPaths(t *scantree.Tree, file string) (*tsPaths, error) {
	var escape error
	var baseURL, pathsFrom string
	var paths map[string][]string
	seen := map[string]bool{}
	var read func(f, from string)
	read = func(f, from string) {
		if seen[f] || len(seen) > 16 {
			return
		}
		seen[f] = true
		data, err := t.ReadFile(f)
		if err != nil {
			if escape == nil && errors.Is(err, scantree.ErrOutside) {
				escape = err
				if from != "" { // name the config that points out, not the file outside
					escape = &scantree.OutsideError{Path: from, Target: f, Via: "extends"}
				}
			}
			return
		}
		var c struct {
			Extends         json.RawMessage `json:"extends"`
			CompilerOptions struct {
				BaseURL *string             `json:"baseUrl"`
				Paths   map[string][]string `json:"paths"`
			} `json:"compilerOptions"`
		}
		if json.Unmarshal(StripJSONC(data), &c) != nil {
			return
		}
		// The base first: this file's settings override it.
		var parents []string
		if json.Unmarshal(c.Extends, &parents) != nil {
			var one string
			if json.Unmarshal(c.Extends, &one) == nil && one != "" {
				parents = []string{one}
			}
		}
		for _, e := range parents {
			if !strings.HasPrefix(e, ".") && !filepath.IsAbs(e) {
				continue // a package's config
			}
			pf := filepath.Join(filepath.Dir(f), filepath.FromSlash(e))
			if !strings.HasSuffix(pf, ".json") && !IsFile(pf) {
				pf += ".json"
			}
			read(pf, f)
		}
		if c.CompilerOptions.BaseURL != nil {
			baseURL = filepath.Join(filepath.Dir(f), filepath.FromSlash(*c.CompilerOptions.BaseURL))
		}
		if c.CompilerOptions.Paths != nil {
			paths = c.CompilerOptions.Paths
			pathsFrom = f
		}
	}
	read(file, "")
	if len(paths) == 0 {
		return nil, escape
	}
	base := baseURL
	if base == "" {
		base = filepath.Dir(pathsFrom)
	}
	tp := &tsPaths{config: pathsFrom}
	// In key order, not the map's: which rule a note names (the first
	// that leads outside) and which of two alike matches wins must not
	// change from run to run.
	for _, key := range slices.Sorted(maps.Keys(paths)) {
		targets := paths[key]
		if key == "*" || strings.Count(key, "*") > 1 {
			continue // a catch-all falls back to packages by design
		}
		r := pathRule{key: key}
		r.prefix, r.suffix, r.wildcard = strings.Cut(key, "*")
		for _, t := range targets {
			if strings.Contains(t, "node_modules") {
				r.targets = nil
				break // not ours to check
			}
			r.targets = append(r.targets, filepath.Join(base, filepath.FromSlash(t)))
		}
		if len(r.targets) > 0 {
			tp.rules = append(tp.rules, r)
		}
	}
	return tp, escape
}

// TsconfigEscape returns an *scantree.OutsideError when a tsconfig.json or
// jsconfig.json that esbuild would read for the project's files, a file
// its extends names, or a target of its paths leads outside the tree: the
// builds then read no tsconfig at all, since esbuild follows them itself.
func (p *Project) TsconfigEscape() error {
	seen := map[string]bool{}
	for _, f := range p.Files {
		for d := filepath.Dir(f); !seen[d] && p.Tree.Bounds(d); d = filepath.Dir(d) {
			seen[d] = true
			for _, name := range []string{"tsconfig.json", "jsconfig.json"} {
				cf := filepath.Join(d, name)
				if _, err := os.Lstat(cf); err != nil {
					continue
				}
				if err := p.Tree.Check(cf, "symbolic link"); err != nil {
					return err
				}
				tp, err := readTSPaths(p.Tree, cf)
				if err != nil {
					return err
				}
				if tp == nil {
					continue
				}
				for _, r := range tp.rules {
					for _, target := range r.targets {
						if dir, _, _ := strings.Cut(target, "*"); !p.Tree.Admits(dir) {
							return &scantree.OutsideError{Path: tp.config, Target: target, Via: fmt.Sprintf("paths %q", r.key)}
						}
					}
				}
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return nil
}

// match returns the rule TypeScript applies to spec (an exact key, else
// the wildcard key with the longest prefix) and the targets it maps to.
func (tp *tsPaths) match(spec string) (*pathRule, []string) {
	var best *pathRule
	var star string
	for i := range tp.rules {
		r := &tp.rules[i]
		if !r.wildcard {
			if spec == r.key {
				return r, r.targets
			}
			continue
		}
		if len(spec) >= len(r.prefix)+len(r.suffix) && strings.HasPrefix(spec, r.prefix) && strings.HasSuffix(spec, r.suffix) &&
			(best == nil || len(r.prefix) > len(best.prefix)) {
			best = r
			star = spec[len(r.prefix) : len(spec)-len(r.suffix)]
		}
	}
	if best == nil {
		return nil, nil
	}
	var out []string
	for _, t := range best.targets {
		out = append(out, strings.Replace(t, "*", filepath.FromSlash(star), 1))
	}
	return best, out
}

// MissingPath reports, for an import of spec from a file in dir, the tsconfig
// paths mapping it to files none of which exist: the text of an esbuild
// "Could not resolve" error naming the mapping, or "".
func (p *Project) MissingPath(dir, spec string) string {
	if strings.HasPrefix(spec, ".") || filepath.IsAbs(spec) || strings.Contains(spec, ":") {
		return ""
	}
	tp := p.tsPathsFor(dir)
	if tp == nil {
		return ""
	}
	// Every file importing spec asks again, and the answer takes up to a
	// dozen stats: it depends on the tsconfig and spec alone.
	key := tp.config + "\x00" + spec
	if v, ok := p.missingPaths.Load(key); ok {
		return v.(string)
	}
	msg := ""
	if r, targets := tp.match(spec); r != nil && !slices.ContainsFunc(targets, pathExists) {
		msg = fmt.Sprintf("Could not resolve %q through %s paths %q: %s does not exist",
			spec, p.Rel(tp.config), r.key, p.Rel(targets[0]))
	}
	p.missingPaths.Store(key, msg)
	return msg
}

// pathExists reports whether an import mapped to t finds something there:
// the file or directory itself, t with a source extension, or the
// TypeScript source of a .js import.
func pathExists(t string) bool {
	if _, err := os.Stat(t); err == nil {
		return true
	}
	stems := []string{t}
	switch filepath.Ext(t) {
	case ".js", ".jsx", ".mjs", ".cjs":
		stems = append(stems, strings.TrimSuffix(t, filepath.Ext(t)))
	}
	for _, s := range stems {
		for ext := range SourceExts {
			if IsFile(s + ext) {
				return true
			}
		}
		if IsFile(s + ".json") {
			return true
		}
	}
	return false
}

// StripJSONC turns a tsconfig's JSON with comments and trailing commas into
// JSON.
func StripJSONC(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(data) && data[j] != '"' {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(data) {
				j = len(data) - 1
			}
			out = append(out, data[i:j+1]...)
			i = j
		case c == '/' && i+1 < len(data) && data[i+1] == '/':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			i--
		case c == '/' && i+1 < len(data) && data[i+1] == '*':
			end := strings.Index(string(data[i+2:]), "*/")
			if end < 0 {
				return out
			}
			i += end + 3
		case c == ']' || c == '}':
			// Drop a trailing comma before the closing bracket.
			k := len(out) - 1
			for k >= 0 && (out[k] == ' ' || out[k] == '\t' || out[k] == '\n' || out[k] == '\r') {
				k--
			}
			if k >= 0 && out[k] == ',' {
				out = append(out[:k], out[k+1:]...)
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}
