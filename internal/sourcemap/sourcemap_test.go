package sourcemap

import "testing"

func TestNearest(t *testing.T) {
	// Two lines; the second segment of line 1 maps to source 0, line 2, col 4.
	m, err := Parse([]byte(`{"version":3,"sources":["a.ts"],"mappings":"AAAA,IACI;;AAAA"}`))
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := m.Nearest(0, 6); !ok || s.Line != 1 || s.Col != 4 {
		t.Errorf("Nearest(0,6) = %+v,%v; want line 1 col 4", s, ok)
	}
	if s, ok := m.Nearest(0, 2); !ok || s.Line != 0 || s.Col != 0 {
		t.Errorf("Nearest(0,2) = %+v,%v; want line 0 col 0", s, ok)
	}
	if _, ok := m.Nearest(1, 0); ok {
		t.Error("Nearest on an unmapped line succeeded")
	}
}

func TestNearestSkipsUnmapped(t *testing.T) {
	// Line 0: col 0 maps nothing, col 2 maps a.ts 0:0. Line 1: col 4 maps a.ts 1:0.
	m, err := Parse([]byte(`{"version":3,"sources":["a.ts"],"mappings":"A,EAAA;IACA"}`))
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := m.Nearest(0, 0); !ok || s.GenCol != 2 {
		t.Errorf("Nearest(0,0) = %+v,%v; want the segment at col 2", s, ok)
	}
	if _, ok := m.Original(0, 0); ok {
		t.Error("Original(0,0) maps a segment that names no source")
	}
	if s, ok := m.Nearest(1, 1); !ok || s.Line != 1 {
		t.Errorf("Nearest(1,1) = %+v,%v; want the line's first segment", s, ok)
	}
	if _, ok := m.Original(1, 1); ok {
		t.Error("Original(1,1) maps a column before the line's first segment")
	}
}

func TestSectionsAndReverse(t *testing.T) {
	m, err := Parse([]byte(`{"version":3,"sections":[
		{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["a.ts"],"sourcesContent":["x"],"mappings":"AAAA"}},
		{"offset":{"line":2,"column":5},"map":{"version":3,"sourceRoot":"src/","sources":["b.ts"],"mappings":"AAAA,EAAE"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sources) != 2 || m.Sources[1] != "src/b.ts" || m.Contents[0] == nil || *m.Contents[0] != "x" || m.Contents[1] != nil {
		t.Fatalf("sources %q contents %v", m.Sources, m.Contents)
	}
	if s, ok := m.Original(2, 6); !ok || s.Src != 1 || s.GenCol != 5 {
		t.Errorf("Original(2,6) = %+v,%v; want b.ts at col 5", s, ok)
	}
	if s, ok := m.Generated(1, 0, 3); !ok || s.GenLine != 2 || s.GenCol != 7 {
		t.Errorf("Generated(1,0,3) = %+v,%v; want 2:7", s, ok)
	}
	for _, bad := range []string{`{"version":2}`, `{"version":3,"sources":[],"mappings":"AACA"}`, `{"version":3,"sources":["a"],"mappings":"gggggggggggggA"}`, `{"version":3,"sources":["a"],"mappings":"A!"}`} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("Parse(%s) succeeded", bad)
		}
	}
}

// FuzzSourceMap: any source map decodes or fails cleanly, and every
// position it maps, either way, names one of its sources.
func FuzzSourceMap(f *testing.F) {
	for _, s := range []string{`{"version":3,"sources":["a.ts"],"sourcesContent":["x"],"mappings":"AAAA,CAAC;AACA"}`,
		`{"version":3,"sources":["a.ts","b.ts"],"mappings":"AAAA,CCAC,DAAD;;E"}`, `{"version":3,"sources":[],"mappings":"AAAA"}`,
		`{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":{"version":3,"sources":["a"],"mappings":"AAAA"}}]}`,
		`{"version":3,"sources":["a"],"mappings":"gggggggggggggA"}`, `{"version":3,"sources":["a"],"mappings":"+/+/+/"}`,
		`{"version":3,"sources":["a"],"mappings":";;;;,,,,"}`} {
		f.Add([]byte(s), int32(0), int32(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, line, col int32) {
		m, err := Parse(data)
		if err != nil {
			return
		}
		for _, pos := range [][2]int32{{line, col}, {0, 0}, {0, 5}, {1, 0}} {
			for _, lookup := range []func(int32, int32) (Segment, bool){m.Original, m.Nearest} {
				if seg, ok := lookup(pos[0], pos[1]); ok && (seg.Src < 0 || int(seg.Src) >= len(m.Sources)) {
					t.Fatalf("position %v maps to source %d of %d", pos, seg.Src, len(m.Sources))
				}
			}
			if seg, ok := m.Generated(0, pos[0], pos[1]); ok && seg.Src != 0 {
				t.Fatalf("original position %v of source 0 maps back from source %d", pos, seg.Src)
			}
		}
	})
}
