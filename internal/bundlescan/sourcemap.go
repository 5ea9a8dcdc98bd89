package bundlescan

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/dypai/dypailint/internal/scantree"
	"github.com/dypai/dypailint/internal/sourcemap"
)

// sourceMappingURL finds the //# sourceMappingURL= comment of a bundle and
// returns its URL and the span of the comment.
func sourceMappingURL(data []byte) (u string, from, to int, ok bool) {
	const key = "sourceMappingURL="
	// The last occurrence, found with forward searches: bytes.LastIndex
	// is far slower on a large bundle.
	k := -1
	for off := 0; off < len(data); {
		i := bytes.Index(data[off:], []byte(key))
		if i < 0 {
			break
		}
		k = off + i
		off = k + len(key)
	}
	if k < 4 {
		return "", 0, 0, false
	}
	lead := string(data[k-4 : k])
	if lead != "//# " && lead != "//@ " && lead != "/*# " && lead != "/*@ " {
		return "", 0, 0, false
	}
	start := k + len(key)
	end := start
	for end < len(data) && data[end] > ' ' && !(data[end] == '*' && end+1 < len(data) && data[end+1] == '/') {
		end++
	}
	return string(data[start:end]), k - 4, end, end > start
}

// loadMap returns the source map of a bundle: an inline data: URL, the file
// its sourceMappingURL names, or <bundle>.map beside it. mapFile is ""
// when the map is inline.
func loadMap(tree *scantree.Tree, bundle string, data []byte, u string) (m *sourcemap.Map, mapFile string, outside bool, err error) {
	var raw []byte
	switch {
	case strings.HasPrefix(u, "data:"):
		meta, payload, found := strings.Cut(u[len("data:"):], ",")
		if !found {
			return nil, "", false, errors.New("malformed data: URL")
		}
		if strings.HasSuffix(meta, ";base64") {
			raw, err = base64.StdEncoding.DecodeString(payload)
			if err != nil {
				raw, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
			}
		} else {
			var s string
			s, err = url.PathUnescape(payload)
			raw = []byte(s)
		}
		if err != nil {
			return nil, "", false, fmt.Errorf("inline source map: %v", err)
		}
	default:
		if u != "" {
			if p, perr := url.PathUnescape(u); perr == nil && !strings.Contains(p, "://") {
				mapFile = filepath.Join(filepath.Dir(bundle), filepath.FromSlash(p))
			}
		}
		// A map outside the tree is treated as absent, with a note.
		if mapFile != "" && errors.Is(tree.Check(mapFile, "sourceMappingURL"), scantree.ErrOutside) {
			outside = true
			mapFile = ""
		}
		if mapFile == "" || !tree.IsFile(mapFile) {
			mapFile = bundle + ".map"
			if !tree.IsFile(mapFile) {
				return nil, "", outside, nil // no map: nothing to say
			}
		}
		raw, err = tree.ReadFile(mapFile)
		if err != nil {
			return nil, mapFile, false, err
		}
	}
	m, err = sourcemap.Parse(raw)
	if err != nil {
		return nil, mapFile, false, err
	}
	return m, mapFile, false, nil
}

// resolveSource turns a source map's source into a file path: relative to
// the map's directory, or, for webpack://<namespace>/… sources (Next.js,
// webpack), relative to the project directory.
func resolveSource(src, mapDir, projectDir string) string {
	switch {
	case strings.HasPrefix(src, "file://"):
		if u, err := url.Parse(src); err == nil {
			return filepath.FromSlash(u.Path)
		}
	case strings.Contains(src, "://") || strings.HasPrefix(src, "webpack-internal:"):
		rest := src[strings.Index(src, ":")+1:]
		rest = strings.TrimLeft(rest, "/")
		// webpack://_N_E/./app/page.tsx: drop the namespace
		if ns, after, ok := strings.Cut(rest, "/"); ok && !strings.HasPrefix(ns, ".") {
			rest = after
		}
		rest = strings.TrimPrefix(rest, "./")
		if i := strings.IndexAny(rest, "?#"); i >= 0 {
			rest = rest[:i]
		}
		return filepath.Join(projectDir, filepath.FromSlash(rest))
	case filepath.IsAbs(filepath.FromSlash(src)):
		return filepath.Clean(filepath.FromSlash(src))
	}
	return filepath.Join(mapDir, filepath.FromSlash(src))
}
