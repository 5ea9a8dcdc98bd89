package bundlescan

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"unicode/utf8"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/sourcemap"
	"github.com/dypai/dypailint/internal/textfile"
)

// textRef is a scanned text and its line index.
type textRef struct {
	file  string
	data  []byte
	lines lineIndex
	// per line: nil when the line is ASCII (UTF-16 columns are byte
	// columns), else checkpoints for converting columns in long lines
	cols map[int]*lineCols
}

// lineCols holds, for a line that is not ASCII, the UTF-16 column at a rune
// start every colStep bytes, so that converting a column costs at most
// colStep steps however long the line (a one-line bundle).
type lineCols struct {
	text   []byte
	byteAt []int // rune-aligned byte offsets, increasing
	col16  []int // UTF-16 column at each
}

const colStep = 4096

func (t *textRef) loc(start, end int) finding.Location {
	l, c := t.lines.pos(start)
	el, ec := t.lines.pos(end)
	return finding.Location{File: t.file, Line: l, Col: c, EndLine: el, EndCol: ec}
}

func (t *textRef) lineCols(line int) *lineCols {
	if t.cols == nil {
		t.cols = map[int]*lineCols{}
	}
	lc, ok := t.cols[line]
	if ok {
		return lc
	}
	text := t.lines.line(t.data, line)
	ascii := true
	for _, c := range text {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		lc = &lineCols{text: text, byteAt: []int{0}, col16: []int{0}}
		n, next := 0, colStep
		for i := 0; i < len(text); {
			if i >= next {
				lc.byteAt, lc.col16 = append(lc.byteAt, i), append(lc.col16, n)
				next = i + colStep
			}
			r, size := utf8.DecodeRune(text[i:])
			n++
			if r >= 0x10000 {
				n++
			}
			i += size
		}
	}
	t.cols[line] = lc
	return lc
}

// col16 returns the 0-based UTF-16 column of a 1-based line and byte column.
func (t *textRef) col16(line, col int) int {
	lc := t.lineCols(line)
	if lc == nil {
		return col - 1
	}
	off := min(col-1, len(lc.text))
	k, _ := slices.BinarySearch(lc.byteAt, off+1)
	k-- // the last checkpoint at or before off
	return lc.col16[k] + textfile.UTF16Len(lc.text[lc.byteAt[k]:off])
}

// byteCol1 returns the 1-based byte column of a 1-based line and 0-based
// UTF-16 column.
func (t *textRef) byteCol1(line, col16 int) int {
	lc := t.lineCols(line)
	if lc == nil {
		return col16 + 1
	}
	k, _ := slices.BinarySearch(lc.col16, col16+1)
	k--
	return lc.byteAt[k] + textfile.ByteCol(lc.text[lc.byteAt[k]:], col16-lc.col16[k]) + 1
}

// mapped reports the hits of a bundle that has a source map: hits in its
// sourcesContent at their original positions, hits in the generated code
// at the original positions they map to, the bundle as related location.
func (rn *run) mapped(b bundleFile, gen *textRef, genHits []hit, m *sourcemap.Map, mapFile string, cr *ctxRules, prefixes []string) {
	mp := &mapping{rn: rn, b: b, gen: gen, m: m, mapFile: mapFile, bundleRel: rn.rel(b.path)}
	mp.resolveSources()
	files := mp.scanContents(cr, prefixes)
	hookLines := mp.runHook(files)
	for _, h := range genHits {
		mp.generatedHit(h)
	}
	mp.contentHits(hookLines)
}

// mapping is the state of reporting one bundle through its source map.
type mapping struct {
	rn        *run
	b         bundleFile
	gen       *textRef
	m         *sourcemap.Map
	mapFile   string
	bundleRel string
	paths     []string     // per source: the path it resolves to; "" outside the tree
	origs     []*textRef   // per source: its sourcesContent, when scanned
	origHits  [][]*origHit // per source: the hits in its sourcesContent
}

// origHit is a hit in a sourcesContent, with the generated position a hit
// of the bundle merged into it found.
type origHit struct {
	hit
	loc     finding.Location
	related *finding.Location
}

// where is the file a note on the map is about.
func (mp *mapping) where() string { return cmp.Or(mp.mapFile, mp.b.path) }

// resolveSources resolves the map's sources. A source outside the tree is
// treated as absent: its text is not scanned, no finding is placed in it,
// and what maps to it is reported in the bundle.
func (mp *mapping) resolveSources() {
	mapDir := filepath.Dir(mp.b.path)
	if mp.mapFile != "" {
		mapDir = filepath.Dir(mp.mapFile)
	}
	mp.paths = make([]string, len(mp.m.Sources))
	outside := 0
	for i, src := range mp.m.Sources {
		mp.paths[i] = resolveSource(src, mapDir, mp.b.root.project)
		if !mp.rn.tree.Admits(mp.paths[i]) {
			mp.paths[i] = ""
			outside++
			if outside == 1 {
				mp.rn.note(mp.where(), fmt.Sprintf("source map source %q lies outside the scanned tree; treated as absent", src))
			}
		}
	}
	if outside > 1 {
		mp.rn.note(mp.where(), fmt.Sprintf("%d more source map sources lie outside the scanned tree; treated as absent", outside-1))
	}
}

// scanContents scans the original sources the map carries and returns
// them for the source-rules hook.
func (mp *mapping) scanContents(cr *ctxRules, prefixes []string) []SourceFile {
	rn := mp.rn
	mp.origs = make([]*textRef, len(mp.m.Sources))
	mp.origHits = make([][]*origHit, len(mp.m.Sources))
	var files []SourceFile
	for i, c := range mp.m.Contents {
		if c == nil || *c == "" || mp.paths[i] == "" {
			continue
		}
		data := []byte(*c)
		if textfile.IsBinary(data) {
			continue
		}
		lines := newLineIndex(data)
		mp.origs[i] = &textRef{file: mp.paths[i], data: data, lines: lines}
		ts := scanText(mp.paths[i], data, []jsSpan{{0, len(data)}}, -1, -1, cr, rn.needles, prefixes, lines)
		owner := content
		if rn.hook != nil {
			owner = shared
		}
		rn.addDirectives(mp.paths[i], ts.directives, owner)
		for _, h := range ts.hits {
			mp.origHits[i] = append(mp.origHits[i], &origHit{hit: h, loc: mp.origs[i].loc(h.start, h.end)})
		}
		files = append(files, SourceFile{Path: mp.paths[i], Content: data, Bundle: mp.b.path, Map: mp.mapFile})
	}
	return files
}

// runHook adds the findings of the source-rules hook on files and returns
// the lines ("file:line") it reported DYP103 on.
func (mp *mapping) runHook(files []SourceFile) map[string]bool {
	rn := mp.rn
	hookLines := map[string]bool{}
	if rn.hook == nil || len(files) == 0 {
		return hookLines
	}
	for _, f := range rn.hook(rn.ctx, files) {
		if len(f.Related) == 0 {
			f.Related = []finding.Related{{Location: finding.Location{File: mp.b.path, Line: 1, Col: 1}, Message: "shipped in bundle " + rn.rel(mp.b.path)}}
		}
		if f.RuleID == rules.DYP103 {
			hookLines[fmt.Sprintf("%s:%d", f.Loc.File, f.Loc.Line)] = true
		}
		rn.mu.Lock()
		rn.pending = append(rn.pending, pending{f: f}) // suppressed by the hook itself
		rn.mu.Unlock()
	}
	return hookLines
}

// generatedHit reports a hit of the generated code at the original
// position it maps to, or merges it into the same hit of the
// sourcesContent.
func (mp *mapping) generatedHit(h hit) {
	rn, b, gen := mp.rn, mp.b, mp.gen
	gloc := gen.loc(h.start, h.end)
	seg, ok := mp.m.Original(int32(gloc.Line-1), int32(gen.col16(gloc.Line, gloc.Col)))
	if !ok || mp.paths[int(seg.Src)] == "" {
		rn.add(pending{f: rn.leak(h, gloc, nil, b.path, false, b.root.profile.Terms), keys: []finding.Location{gloc}})
		return
	}
	src := int(seg.Src)
	line := int(seg.Line) + 1
	// The hit may start inside the token the segment maps (a string
	// literal's text after its quote): keep that offset.
	col16 := int(seg.Col) + gen.col16(gloc.Line, gloc.Col) - int(seg.GenCol)
	col := col16 + 1
	if o := mp.origs[src]; o != nil {
		col = o.byteCol1(line, col16)
		// The same leak seen in the sourcesContent: one finding.
		merged := false
		for _, oh := range mp.origHits[src] {
			if oh.loc.Line == line && oh.secret == h.secret {
				if oh.related == nil {
					g := gloc
					oh.related = &g
				}
				merged = true
			}
		}
		if merged {
			return
		}
	}
	oloc := finding.Location{File: mp.paths[src], Line: line, Col: col}
	if mp.origs[src] != nil || rn.tree.IsFile(mp.paths[src]) {
		rel := []finding.Related{{Location: gloc, Message: "shipped in bundle " + mp.bundleRel}}
		rn.add(pending{f: rn.leak(h, oloc, rel, b.path, false, b.root.profile.Terms), keys: []finding.Location{oloc, gloc}})
	} else {
		rel := []finding.Related{{Location: oloc, Message: "original position according to the source map (file not found)"}}
		rn.add(pending{f: rn.leak(h, gloc, rel, b.path, false, b.root.profile.Terms), keys: []finding.Location{gloc, oloc}})
	}
}

// contentHits reports the hits in the sourcesContent, with the bundle
// position they map to, except on the lines the hook reported.
func (mp *mapping) contentHits(hookLines map[string]bool) {
	for i, hs := range mp.origHits {
		for _, oh := range hs {
			if hookLines[fmt.Sprintf("%s:%d", oh.loc.File, oh.loc.Line)] {
				continue
			}
			rel := mp.shippedAt(i, oh)
			keys := []finding.Location{oh.loc, rel.Location}
			mp.rn.add(pending{f: mp.rn.leak(oh.hit, oh.loc, []finding.Related{rel}, mp.b.path, false, mp.b.root.profile.Terms), keys: keys})
		}
	}
}

// shippedAt is the related location of a hit in source i's
// sourcesContent: where it is in the bundle, else the source map.
func (mp *mapping) shippedAt(i int, oh *origHit) finding.Related {
	if oh.related != nil {
		return finding.Related{Location: *oh.related, Message: "shipped in bundle " + mp.bundleRel}
	}
	if seg, ok := mp.m.Generated(int32(i), int32(oh.loc.Line-1), int32(mp.origs[i].col16(oh.loc.Line, oh.loc.Col))); ok {
		gl := int(seg.GenLine) + 1
		if gl <= len(mp.gen.lines) {
			g := finding.Location{File: mp.b.path, Line: gl, Col: mp.gen.byteCol1(gl, int(seg.GenCol))}
			return finding.Related{Location: g, Message: "shipped in bundle " + mp.bundleRel}
		}
	}
	return finding.Related{Location: finding.Location{File: mp.where(), Line: 1, Col: 1}, Message: "in the sourcesContent of the source map of bundle " + mp.bundleRel}
}
