// Package envexpose says which environment variables a JS project's build
// tool inlines into browser code: Next.js only NEXT_PUBLIC_ ones, Vite only
// VITE_ ones (or its envPrefix), Create React App REACT_APP_, Vue CLI
// VUE_APP_, Expo EXPO_PUBLIC_, and so on. A REACT_APP_ variable in a Vite
// app is not shipped, so a secret-like name with that prefix is not a leak
// there (DYP102). Projects whose build tool is not recognised get every known
// prefix: an unknown bundler may expose any of them.
package envexpose

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// tool is one build tool: recognised by a dependency, exposing prefixes.
type tool struct {
	deps     []string
	prefixes []string
	vite     bool // built with Vite: its envPrefix adds to prefixes
}

// tools are the build tools recognised, from package.json dependencies.
// Frameworks built on Vite expose Vite's prefix as well as their own.
var tools = []tool{
	{deps: []string{"next"}, prefixes: []string{"NEXT_PUBLIC_"}},
	{deps: []string{"react-scripts", "@craco/craco", "react-app-rewired"}, prefixes: []string{"REACT_APP_"}},
	{deps: []string{"expo"}, prefixes: []string{"EXPO_PUBLIC_"}},
	{deps: []string{"@vue/cli-service"}, prefixes: []string{"VUE_APP_"}},
	{deps: []string{"gatsby"}, prefixes: []string{"GATSBY_"}},
	{deps: []string{"nuxt", "nuxt3"}, prefixes: []string{"NUXT_PUBLIC_"}, vite: true},
	{deps: []string{"@sveltejs/kit", "astro"}, prefixes: []string{"PUBLIC_"}, vite: true},
	{deps: []string{"vite", "@react-router/dev", "@tanstack/react-start", "@tanstack/start", "@tanstack/solid-start", "@tanstack/vue-start"}, vite: true},
}

// Prefixes returns the prefixes of the variables the build tool of the
// project containing dir exposes to the browser (the project: the nearest
// directory at or above dir with a package.json), or every known prefix
// when the tool is not recognised or there is no package.json.
func Prefixes(dir string) []string {
	root := projectRoot(dir)
	if root == "" {
		return sdk.PublicEnvPrefixes
	}
	if v, ok := cache.Load(root); ok {
		return v.([]string)
	}
	p := detect(root)
	cache.Store(root, p)
	return p
}

var cache sync.Map // project root -> []string

// Prefix returns the prefix among prefixes that name starts with, or "".
func Prefix(prefixes []string, name string) string {
	best := ""
	for _, p := range prefixes {
		if strings.HasPrefix(name, p) && len(p) > len(best) {
			best = p
		}
	}
	return best
}

func projectRoot(dir string) string {
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if fi, err := os.Stat(filepath.Join(d, "package.json")); err == nil && fi.Mode().IsRegular() {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func detect(root string) []string {
	var pkg struct {
		Dependencies, DevDependencies map[string]string
	}
	data, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil || json.Unmarshal(data, &pkg) != nil {
		return sdk.PublicEnvPrefixes
	}
	has := func(name string) bool {
		_, a := pkg.Dependencies[name]
		_, b := pkg.DevDependencies[name]
		return a || b
	}
	var out []string
	vite := viteConfig(root) != ""
	known := vite
	for _, t := range tools {
		if slices.ContainsFunc(t.deps, has) {
			known = true
			out = append(out, t.prefixes...)
			vite = vite || t.vite
		}
	}
	if !known {
		return sdk.PublicEnvPrefixes
	}
	if vite {
		out = append(out, vitePrefixes(root)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func viteConfig(root string) string {
	for _, name := range []string{"vite.config.ts", "vite.config.mts", "vite.config.js", "vite.config.mjs", "vite.config.cjs"} {
		if p := filepath.Join(root, name); fileExists(p) {
			return p
		}
	}
	return ""
}

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

var (
	envPrefixRE = regexp.MustCompile(`envPrefix\s*:\s*(\[[^\]]*\]|["'][^"']*["'])`)
	quotedRE    = regexp.MustCompile(`["']([^"']+)["']`)
)

// vitePrefixes reads envPrefix from the Vite config ("VITE_" when it sets
// none, or sets it in a way not written as a literal).
func vitePrefixes(root string) []string {
	cfg := viteConfig(root)
	if cfg == "" {
		return []string{"VITE_"}
	}
	data, err := os.ReadFile(cfg)
	if err != nil {
		return []string{"VITE_"}
	}
	m := envPrefixRE.FindSubmatch(data)
	if m == nil {
		return []string{"VITE_"}
	}
	var out []string
	for _, q := range quotedRE.FindAllSubmatch(m[1], -1) {
		out = append(out, string(q[1]))
	}
	if len(out) == 0 {
		return []string{"VITE_"}
	}
	return out
}
