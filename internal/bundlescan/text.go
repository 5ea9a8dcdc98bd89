package bundlescan

import (
	"bytes"
	"slices"

	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jslex"
)

// lineIndex maps byte offsets to 1-based lines and byte columns.
type lineIndex []int // offsets of line starts

func newLineIndex(data []byte) lineIndex {
	idx := lineIndex{0}
	for off := 0; ; {
		k := bytes.IndexByte(data[off:], '\n')
		if k < 0 {
			return idx
		}
		off += k + 1
		idx = append(idx, off)
	}
}

// pos returns the 1-based line and column of offset off.
func (l lineIndex) pos(off int) (line, col int) {
	i, found := slices.BinarySearch(l, off)
	if !found {
		i--
	}
	return i + 1, off - l[i] + 1
}

// line returns the bytes of 1-based line n, without its newline.
func (l lineIndex) line(data []byte, n int) []byte {
	if n < 1 || n > len(l) {
		return nil
	}
	end := len(data)
	if n < len(l) {
		end = l[n] - 1
	}
	start := min(l[n-1], end)
	return bytes.TrimSuffix(data[start:end], []byte("\r"))
}

// segment of a text to scan as JavaScript: the whole of a bundle, or an
// inline script of an HTML page.
type jsSpan struct{ from, to int }

// textScan is the outcome of scanning one text.
type textScan struct {
	hits       []hit // merged, by offset
	testKeys   []hit // test-mode keys (sdk.IsTestKey): noted, not reported
	directives []*directive.Directive
}

// scanText applies the literal-context rules to the JavaScript spans of
// data and the value rules to all of it except [skipFrom, skipTo) (an
// inline source map), and collects the directives of its comments, filed
// under file.
func scanText(file string, data []byte, spans []jsSpan, skipFrom, skipTo int, rules *ctxRules, ns []needle, prefixes []string, lines lineIndex) textScan {
	var hs []hit
	var ts textScan
	for _, sp := range spans {
		s := scanJS(data[sp.from:sp.to], rules, false)
		for _, h := range s.hits {
			h.start += sp.from
			h.end += sp.from
			hs = append(hs, h)
		}
		for _, c := range s.comments {
			if d, ok := directive.Parse(c.text, directive.JSPrefix); ok {
				d.File = file
				d.Line, d.Col = lines.pos(sp.from + c.start)
				ts.directives = append(ts.directives, &d)
			}
		}
	}
	hs = append(hs, valueHits(data, skipFrom, skipTo, ns, prefixes, rules.prof.SecretJWTRoles)...)
	for _, h := range foldRepeats(mergeHits(hs)) {
		if sdk.IsTestKey(h.secret) {
			ts.testKeys = append(ts.testKeys, h)
		} else {
			ts.hits = append(ts.hits, h)
		}
	}
	return ts
}

// htmlScripts returns the contents of the <script> elements of an HTML
// page, found in one pass.
func htmlScripts(data []byte) []jsSpan {
	lower := asciiLower(data)
	var spans []jsSpan
	for off := 0; off < len(lower); {
		k := bytes.Index(lower[off:], []byte("<script"))
		if k < 0 {
			break
		}
		p := off + k + len("<script")
		if p < len(lower) && jslex.IsIdentPart(lower[p]) { // <scripts>, <script-x>
			off = p
			continue
		}
		gt := bytes.IndexByte(lower[p:], '>')
		if gt < 0 {
			break
		}
		from := p + gt + 1
		end := bytes.Index(lower[from:], []byte("</script"))
		if end < 0 {
			spans = append(spans, jsSpan{from, len(data)})
			break
		}
		spans = append(spans, jsSpan{from, from + end})
		off = from + end
	}
	return spans
}

// asciiLower lower-cases ASCII letters only, so that offsets stay put.
func asciiLower(data []byte) []byte {
	out := make([]byte, len(data))
	for i, c := range data {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}
