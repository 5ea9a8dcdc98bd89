// Package sourcemap decodes source maps (version 3, index maps with
// sections included) into segments that can be looked up in both
// directions: generated → original, and original → generated. The JS/TS
// scanner reads esbuild's maps of its own chunks with it, the bundle
// scanner the maps shipped beside built bundles. Lines and columns are
// 0-based, as in the format; columns count UTF-16 code units
// (textfile.UTF16Len and textfile.ByteCol convert). Resolving a source to
// a file is the caller's: it must keep to the scanned tree.
package sourcemap

import (
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
)

// Segment maps a generated position to an original one.
type Segment struct {
	GenLine, GenCol int32
	Src             int32 // index in Map.Sources; -1 for a segment that maps to no source
	Line, Col       int32
}

// Map is a decoded source map.
type Map struct {
	Sources  []string  // as written, sourceRoot applied
	Contents []*string // by source; nil where the map has no sourcesContent
	segs     []Segment // by generated position

	revOnce sync.Once
	rev     [][]Segment // per source, by original position
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

// Parse decodes a source map. A mapping that names no source of the map,
// or a negative position, is an error.
func Parse(data []byte) (*Map, error) {
	var raw rawMap
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	m := &Map{}
	if err := m.add(&raw, 0, 0, 0); err != nil {
		return nil, err
	}
	slices.SortStableFunc(m.segs, byGenerated)
	return m, nil
}

func byGenerated(a, b Segment) int {
	if a.GenLine != b.GenLine {
		return int(a.GenLine - b.GenLine)
	}
	return int(a.GenCol - b.GenCol)
}

func byOriginal(a, b Segment) int {
	if a.Line != b.Line {
		return int(a.Line - b.Line)
	}
	return int(a.Col - b.Col)
}

func (m *Map) add(raw *rawMap, lineOff, colOff int32, depth int) error {
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
	base := int32(len(m.Sources))
	for i, s := range raw.Sources {
		if raw.SourceRoot != "" && !strings.Contains(s, "://") && !path.IsAbs(s) {
			s = strings.TrimSuffix(raw.SourceRoot, "/") + "/" + s
		}
		m.Sources = append(m.Sources, s)
		var c *string
		if i < len(raw.SourcesContent) {
			c = raw.SourcesContent[i]
		}
		m.Contents = append(m.Contents, c)
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
func (m *Map) decode(s string, base, nsrc, lineOff, colOff int32) error {
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
			v, next, err := vlq(s, i)
			if err != nil {
				return err
			}
			if n < 5 {
				fields[n] = v
			}
			n++
			i = next
		}
		genCol += fields[0]
		seg := Segment{GenLine: genLine + lineOff, GenCol: genCol, Src: -1}
		if genLine == 0 {
			seg.GenCol += colOff
		}
		if n >= 4 {
			src += fields[1]
			line += fields[2]
			col += fields[3]
			if src < 0 || src >= nsrc || line < 0 || col < 0 {
				return fmt.Errorf("mapping points outside the map's sources")
			}
			seg.Src, seg.Line, seg.Col = base+src, line, col
		}
		m.segs = append(m.segs, seg)
	}
	return nil
}

// vlq decodes the base64 VLQ number at s[i:] and returns it with the index
// after it.
func vlq(s string, i int) (int32, int, error) {
	var v, shift int32
	for {
		if i >= len(s) {
			return 0, i, errors.New("truncated mappings")
		}
		d := b64val[s[i]]
		i++
		if d < 0 {
			return 0, i, fmt.Errorf("invalid character in mappings at %d", i-1)
		}
		if shift > 28 {
			return 0, i, errors.New("mapping value too large")
		}
		v |= int32(d&31) << shift
		shift += 5
		if d&32 == 0 {
			break
		}
	}
	if v&1 != 0 {
		return -(v >> 1), i, nil
	}
	return v >> 1, i, nil
}

// Original returns the original position of a generated one: the segment
// on the same generated line that starts at or before col, when it maps to
// a source.
func (m *Map) Original(line, col int32) (Segment, bool) {
	i, found := slices.BinarySearchFunc(m.segs, Segment{GenLine: line, GenCol: col}, byGenerated)
	if found {
		return m.segs[i], m.segs[i].Src >= 0
	}
	if i == 0 || m.segs[i-1].GenLine != line {
		return Segment{}, false
	}
	return m.segs[i-1], m.segs[i-1].Src >= 0
}

// Nearest is Original made lenient for code the caller generated itself:
// before the line's first segment it takes that one, and from a segment
// that maps to no source it goes on to the next one on the line that does.
func (m *Map) Nearest(line, col int32) (Segment, bool) {
	lo, _ := slices.BinarySearchFunc(m.segs, Segment{GenLine: line}, byGenerated)
	i, found := slices.BinarySearchFunc(m.segs, Segment{GenLine: line, GenCol: col}, byGenerated)
	if found {
		// The last of the segments at col, as a search from the right finds.
		for i+1 < len(m.segs) && m.segs[i+1].GenLine == line && m.segs[i+1].GenCol == col {
			i++
		}
	} else if i > lo {
		i--
	}
	for ; i < len(m.segs) && m.segs[i].GenLine == line; i++ {
		if m.segs[i].Src >= 0 {
			return m.segs[i], true
		}
	}
	return Segment{}, false
}

// Generated returns the generated position of an original one: the segment
// of source src on the same original line that starts at or before col
// (or the first one on the line after it).
func (m *Map) Generated(src, line, col int32) (Segment, bool) {
	m.revOnce.Do(func() {
		m.rev = make([][]Segment, len(m.Sources))
		for _, s := range m.segs {
			if s.Src >= 0 {
				m.rev[s.Src] = append(m.rev[s.Src], s)
			}
		}
		for _, r := range m.rev {
			slices.SortStableFunc(r, byOriginal)
		}
	})
	if src < 0 || int(src) >= len(m.rev) {
		return Segment{}, false
	}
	r := m.rev[src]
	i, _ := slices.BinarySearchFunc(r, Segment{Line: line, Col: col + 1}, byOriginal)
	// r[i-1] is the last segment at or before (line, col).
	if i > 0 && r[i-1].Line == line {
		return r[i-1], true
	}
	if i < len(r) && r[i].Line == line {
		return r[i], true
	}
	return Segment{}, false
}
