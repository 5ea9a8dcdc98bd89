package bundlescan

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dypai/dypailint/internal/scantree"
)

// A source map, decoded from its JSON (version 3, with index-map sections)
// into segments that can be looked up in both directions: generated →
// original for what the bundle shows, original → generated for what the
// sourcesContent shows. Lines and columns are 0-based here, as in the
// format; columns count UTF-16 code units.

type segment struct {
	genLine, genCol int32
	src             int32 // -1 for a segment that maps to no source
	line, col       int32
}

type sourceMap struct {
	sources  []string  // as written, sourceRoot applied
	contents []*string // nil where the map has no sourcesContent
	segs     []segment // by generated position

	revOnce sync.Once
	rev     [][]segment // per source, by original position
}

type rawMap struct {
	Version        int       `json:"version"`
	SourceRoot     string    `json:"sourceRoot"`
	Sources        []string  `json:"sources"`
	SourcesContent []*string `json:"sourcesContent"`
	Mappings       string    `json:"mappings"`
	Sections       []struct {
		Offset struct{ Line, Column int32 } `json:"offset"`
		Map    *rawMap                      `json:"map"`
	} `json:"sections"`
}

func parseSourceMap(data []byte) (*sourceMap, error) {
	var raw rawMap
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	m := &sourceMap{}
	if err := m.add(&raw, 0, 0, 0); err != nil {
		return nil, err
	}
	slices.SortStableFunc(m.segs, func(a, b segment) int {
		if a.genLine != b.genLine {
			return int(a.genLine - b.genLine)
		}
		return int(a.genCol - b.genCol)
	})
	return m, nil
}

func (m *sourceMap) add(raw *rawMap, lineOff, colOff int32, depth int) error {
	if raw.Version != 3 && raw.Version != 0 {
		return fmt.Errorf("version %d is not supported (want 3)", raw.Version)
	}
	if depth > 3 {
		return errors.New("index map nested too deeply")
	}
	for _, s := range raw.Sections {
		if s.Map == nil {
			return errors.New("section without an embedded map")
		}
		if err := m.add(s.Map, lineOff+s.Offset.Line, s.Offset.Column, depth+1); err != nil {
			return err
		}
	}
	if len(raw.Sections) > 0 {
		return nil
	}
	base := int32(len(m.sources))
	for i, s := range raw.Sources {
		if raw.SourceRoot != "" && !strings.Contains(s, "://") && !path.IsAbs(s) {
			s = strings.TrimSuffix(raw.SourceRoot, "/") + "/" + s
		}
		m.sources = append(m.sources, s)
		var c *string
		if i < len(raw.SourcesContent) {
			c = raw.SourcesContent[i]
		}
		m.contents = append(m.contents, c)
	}
	return m.decode(raw.Mappings, base, int32(len(raw.Sources)), lineOff, colOff)
}

var b64val = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i, c := range "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" {
		t[c] = int8(i)
	}
	return
}()

// decode appends the segments of a "mappings" string.
func (m *sourceMap) decode(s string, base, nsrc, lineOff, colOff int32) error {
	var genLine, genCol, src, line, col int32
	var fields [5]int32
	i := 0
	for i < len(s) {
		switch s[i] {
		case ';':
			genLine++
			genCol = 0
			i++
			continue
		case ',':
			i++
			continue
		}
		n := 0
		for i < len(s) && s[i] != ',' && s[i] != ';' {
			var v, shift int32
			for {
				if i >= len(s) {
					return errors.New("truncated mappings")
				}
				d := b64val[s[i]]
				i++
				if d < 0 {
					return fmt.Errorf("invalid character in mappings at %d", i-1)
				}
				if shift > 28 {
					return errors.New("mapping value too large")
				}
				v |= int32(d&31) << shift
				shift += 5
				if d&32 == 0 {
					break
				}
			}
			if v&1 != 0 {
				v = -(v >> 1)
			} else {
				v >>= 1
			}
			if n < 5 {
				fields[n] = v
			}
			n++
		}
		genCol += fields[0]
		seg := segment{genLine: genLine + lineOff, genCol: genCol, src: -1}
		if genLine == 0 {
			seg.genCol += colOff
		}
		if n >= 4 {
			src += fields[1]
			line += fields[2]
			col += fields[3]
			if src < 0 || src >= nsrc || line < 0 || col < 0 {
				return fmt.Errorf("mapping points outside the map's sources")
			}
			seg.src, seg.line, seg.col = base+src, line, col
		}
		m.segs = append(m.segs, seg)
	}
	return nil
}

// original returns the original position of a generated one: the segment
// on the same generated line that starts at or before col.
func (m *sourceMap) original(line, col int32) (segment, bool) {
	i, _ := slices.BinarySearchFunc(m.segs, segment{genLine: line, genCol: col}, func(a, b segment) int {
		if a.genLine != b.genLine {
			return int(a.genLine - b.genLine)
		}
		if a.genCol != b.genCol {
			return int(a.genCol - b.genCol)
		}
		return 0
	})
	if i < len(m.segs) && m.segs[i].genLine == line && m.segs[i].genCol == col {
		return m.segs[i], m.segs[i].src >= 0
	}
	if i == 0 || m.segs[i-1].genLine != line {
		return segment{}, false
	}
	return m.segs[i-1], m.segs[i-1].src >= 0
}

// generated returns the generated position of an original one: the segment
// of source src on the same original line that starts at or before col
// (or the first one on the line after it).
func (m *sourceMap) generated(src, line, col int32) (segment, bool) {
	m.revOnce.Do(func() {
		m.rev = make([][]segment, len(m.sources))
		for _, s := range m.segs {
			if s.src >= 0 {
				m.rev[s.src] = append(m.rev[s.src], s)
			}
		}
		for _, r := range m.rev {
			slices.SortStableFunc(r, func(a, b segment) int {
				if a.line != b.line {
					return int(a.line - b.line)
				}
				return int(a.col - b.col)
			})
		}
	})
	if int(src) >= len(m.rev) {
		return segment{}, false
	}
	r := m.rev[src]
	i, _ := slices.BinarySearchFunc(r, segment{line: line, col: col + 1}, func(a, b segment) int {
		if a.line != b.line {
			return int(a.line - b.line)
		}
		return int(a.col - b.col)
	})
	// r[i-1] is the last segment at or before (line, col).
	if i > 0 && r[i-1].line == line {
		return r[i-1], true
	}
	if i < len(r) && r[i].line == line {
		return r[i], true
	}
	return segment{}, false
}

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
func loadMap(tree *scantree.Tree, bundle string, data []byte, u string) (m *sourceMap, mapFile string, outside bool, err error) {
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
	m, err = parseSourceMap(raw)
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

// utf16Col converts a byte offset within a line to UTF-16 code units.
func utf16Col(line []byte) int {
	n := 0
	for len(line) > 0 {
		c := line[0]
		if c < utf8.RuneSelf {
			n++
			line = line[1:]
			continue
		}
		r, size := utf8.DecodeRune(line)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		line = line[size:]
	}
	return n
}

// byteCol converts a UTF-16 column within a line to a byte offset.
func byteCol(line []byte, col16 int) int {
	n, i := 0, 0
	for i < len(line) && n < col16 {
		c := line[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRune(line[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return i
}
