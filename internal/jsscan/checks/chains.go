package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/textfile"
)

// chain describes how a file is reached from a client entry point:
// "app/dashboard/page.tsx ('use client') → lib/admin.ts".
func (a *Analysis) chain(target string) (string, *project.Entry) {
	chain, e, _ := a.chainFrom(target)
	return chain, e
}

// importSite is where client code imports target: the line and column of
// the specifier in the file before it on the chain from a client entry
// point, or target itself at 1:1 when that is not known.
func (a *Analysis) importSite(target string) (file string, line, col int) {
	if _, _, prev := a.chainFrom(target); prev != "" {
		if spec := a.b.Specs[prev+"\x00"+target]; spec != "" {
			if l, c, ok := a.specifierAt(prev, spec); ok {
				return prev, l, c
			}
		}
	}
	return target, 1, 1
}

// specifierAt is the line and column of the quoted specifier spec in file.
func (a *Analysis) specifierAt(file, spec string) (int, int, bool) {
	src, err := a.files.Read(file)
	if err != nil {
		return 0, 0, false
	}
	text := string(src)
	for _, q := range []string{"'", `"`, "`"} {
		if i := strings.Index(text, q+spec+q); i >= 0 {
			line, col := textfile.LineCol(text, i+1)
			return line, col, true
		}
	}
	return 0, 0, false
}

// chainFrom is chain, with the file that imports target on it ("" when
// target is an entry point or unreachable).
func (a *Analysis) chainFrom(target string) (string, *project.Entry, string) {
	type hop struct {
		prev string
		e    *project.Entry
	}
	seen := map[string]hop{}
	var queue []string
	for i := range a.p.Entries {
		e := &a.p.Entries[i]
		if _, ok := seen[e.File]; !ok {
			seen[e.File] = hop{e: e}
			queue = append(queue, e.File)
		}
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if cur == target {
			var path []string
			for f := cur; ; {
				h := seen[f]
				path = append(path, a.p.Rel(f))
				if h.e != nil {
					path[len(path)-1] += " (" + h.e.Kind.Label() + ")"
					slices.Reverse(path)
					return strings.Join(path, " → "), h.e, seen[target].prev
				}
				f = h.prev
			}
		}
		next := slices.Clone(a.b.Graph[cur])
		slices.Sort(next)
		for _, n := range next {
			if _, ok := seen[n]; !ok {
				seen[n] = hop{prev: cur}
				queue = append(queue, n)
			}
		}
	}
	return "", nil, ""
}

// reachedFrom is how a browser leak in file is reached, for its message:
// the chain from a client entry point ("a client entry point" when not
// known) and the entry point itself as the related location.
func (a *Analysis) reachedFrom(file string) (string, []finding.Related) {
	chain, entry := a.chain(file)
	if chain == "" {
		chain = "a client entry point"
	}
	if entry == nil {
		return chain, nil
	}
	return chain, []finding.Related{{
		Location: finding.Location{File: entry.File, Line: 1, Col: 1},
		Message:  fmt.Sprintf("client entry point (%s)", entry.Kind.Label()),
	}}
}
