package textfile

import (
	"strings"
	"testing"
)

func TestIsBinary(t *testing.T) {
	for name, c := range map[string]struct {
		data []byte
		want bool
	}{
		"source":               {[]byte("export const a = 'héllo'\n"), false},
		"empty":                {nil, false},
		"control bytes":        {[]byte("GET\x00\x01"), true},
		"a stray NUL":          {[]byte("# \x00\nDYPAI_API_KEY=dyp_live_0123456789abcdef\n"), false},
		"NULs in a long text":  {[]byte(strings.Repeat("const a = 1;\x00\n", 100)), false},
		"UTF-16 without BOM":   {[]byte(strings.Repeat("a\x00", 100)), true},
		"MPEG-TS packet":       {append([]byte{0x47, 0x40, 0x00, 0x10}, make([]byte, 184)...), true},
		"mostly invalid UTF-8": {[]byte(strings.Repeat("\xfd\xfc\xfb", 100)), true},
		"a little invalid":     {[]byte(strings.Repeat("abcdefghij", 20) + "\xff"), false},
		"UTF-16 LE with BOM":   {[]byte("\xff\xfee\x00x\x00p\x00"), false},
		"UTF-16 BE with BOM":   {[]byte("\xfe\xff\x00e\x00x"), false},
	} {
		if got := IsBinary(c.data); got != c.want {
			t.Errorf("%s: IsBinary = %v, want %v", name, got, c.want)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "é€": 2, "😀x": 3, "\xff": 1} {
		if got := UTF16Len(s); got != want {
			t.Errorf("UTF16Len(%q) = %d, want %d", s, got, want)
		}
		if got := UTF16Len([]byte(s)); got != want {
			t.Errorf("UTF16Len([]byte(%q)) = %d, want %d", s, got, want)
		}
	}
}

func TestByteCol(t *testing.T) {
	line := "é€𝄞x"
	for col16, want := range map[int]int{0: 0, 1: 2, 2: 5, 3: 9, 4: 9, 5: 10, 9: 10} {
		if got := ByteCol(line, col16); got != want {
			t.Errorf("ByteCol(%q, %d) = %d, want %d", line, col16, got, want)
		}
		if got := ByteCol([]byte(line), col16); got != want {
			t.Errorf("ByteCol([]byte, %d) = %d, want %d", col16, got, want)
		}
	}
}

func TestLineCol(t *testing.T) {
	s := "ab\ncd\n\nxé"
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {3, 2, 1}, {4, 2, 2}, {6, 3, 1}, {7, 4, 1}, {8, 4, 2},
	} {
		if l, c := LineCol(s, tc.off); l != tc.line || c != tc.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}
