package jsscan

import (
	"encoding/json"
	"errors"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"
)

// srcMap is a decoded source map (version 3, no sections: esbuild's).
type srcMap struct {
	sources []string
	lines   [][]segment // by generated line (0-based)
}

type segment struct {
	genCol  int32 // UTF-16 code units
	src     int32 // -1 when the segment maps to nothing
	line    int32 // 0-based
	col     int32 // 0-based, UTF-16 code units
	hasName bool
}

func parseSourceMap(data []byte) (*srcMap, error) {
	var raw struct {
		Version  int      `json:"version"`
		Sources  []string `json:"sources"`
		Mappings string   `json:"mappings"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	if raw.Version != 3 {
		return nil, errors.New("unsupported source map version")
	}
	m := &srcMap{sources: raw.Sources}
	for i, src := range m.sources {
		// Sources are URLs: esbuild escapes %, ( and ) in paths (Next.js
		// route groups, Expo Router's (tabs)).
		if strings.Contains(src, "%") {
			if dec, err := url.PathUnescape(src); err == nil {
				m.sources[i] = dec
			}
		}
	}
	var line []segment
	var genCol, src, sline, scol, name int32
	s := raw.Mappings
	for i := 0; i < len(s); {
		switch s[i] {
		case ';':
			m.lines = append(m.lines, line)
			line = nil
			genCol = 0
			i++
			continue
		case ',':
			i++
			continue
		}
		var fields [5]int32
		n := 0
		for i < len(s) && s[i] != ',' && s[i] != ';' {
			v, next, err := vlq(s, i)
			if err != nil {
				return nil, err
			}
			if n < 5 {
				fields[n] = v
			}
			n++
			i = next
		}
		genCol += fields[0]
		seg := segment{genCol: genCol, src: -1}
		if n >= 4 {
			src += fields[1]
			sline += fields[2]
			scol += fields[3]
			seg.src, seg.line, seg.col = src, sline, scol
			if src < 0 || int(src) >= len(m.sources) {
				seg.src = -1 // names no source of the map: maps nothing
			}
		}
		if n >= 5 {
			name += fields[4]
			seg.hasName = true
		}
		line = append(line, seg)
	}
	m.lines = append(m.lines, line)
	return m, nil
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

var b64val = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b64); i++ {
		t[b64[i]] = int8(i)
	}
	return t
}()

func vlq(s string, i int) (int32, int, error) {
	var result, shift int32
	for {
		if i >= len(s) {
			return 0, i, errors.New("truncated source map mapping")
		}
		d := b64val[s[i]]
		if d < 0 {
			return 0, i, errors.New("bad character in source map mapping")
		}
		i++
		result += int32(d&31) << shift
		if d&32 == 0 {
			break
		}
		shift += 5
		if shift > 30 {
			return 0, i, errors.New("source map number too large")
		}
	}
	if result&1 != 0 {
		return -(result >> 1), i, nil
	}
	return result >> 1, i, nil
}

// lookup maps a generated position (0-based line, UTF-16 column) to the
// original source index, 0-based line and UTF-16 column: the last segment
// on that line at or before the column, else the first one on the line.
func (m *srcMap) lookup(line, col int) (src, oline, ocol int, ok bool) {
	if line < 0 || line >= len(m.lines) {
		return 0, 0, 0, false
	}
	segs := m.lines[line]
	i := sort.Search(len(segs), func(i int) bool { return int(segs[i].genCol) > col }) - 1
	if i < 0 {
		i = 0
	}
	for ; i < len(segs); i++ {
		if segs[i].src >= 0 {
			s := segs[i]
			return int(s.src), int(s.line), int(s.col), true
		}
	}
	return 0, 0, 0, false
}

// byteCol converts a UTF-16 column within line to a byte offset.
func byteCol(line string, col16 int) int {
	n := 0
	for i := 0; i < len(line); {
		if n >= col16 {
			return i
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return len(line)
}
