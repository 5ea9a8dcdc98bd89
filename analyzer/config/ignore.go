package config

import (
	"path/filepath"
	"slices"
	"strings"
)

// Ignores reports whether the manifest's ignore globs exclude path. Globs
// are relative to the manifest's directory, slash-separated; ** matches
// any number of path elements and * and ? match within one.
func (m *Manifest) Ignores(path string) bool {
	if m == nil || len(m.Ignore) == 0 {
		return false
	}
	rel, err := filepath.Rel(filepath.Dir(m.Path), path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	return slices.ContainsFunc(m.Ignore, func(g string) bool { return MatchGlob(g, rel) })
}

// MatchGlob matches a slash-separated path against a pattern where **
// matches any number of path elements and * and ? match within one.
func MatchGlob(pattern, name string) bool {
	return matchParts(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchParts(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchParts(pat[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := filepath.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
}
