// Package textfile tells text from binary content, for the scanners that
// walk a project's files by name — a .ts file can be an MPEG transport
// stream (an HLS video segment), a .js file a compiled asset, a .env file
// an encrypted blob — and measures text in the UTF-16 units that source
// maps and SARIF count columns in.
package textfile

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// IsBinary reports whether data is not text, judged on its first 32 KiB:
// more than 10% of the bytes are control bytes (NUL included; not tab,
// newline, carriage return, form feed or escape), or more than 10% is
// invalid UTF-8. A stray NUL does not make a file binary: one NUL placed
// in a .env or .ts file must not hide the key on the next line. Text in
// UTF-16 with a byte order mark (which some editors write, and whose NULs
// are part of the encoding) is text.
func IsBinary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return false
	}
	sample := data[:min(len(data), 32<<10)]
	control, invalid := 0, 0
	for i := 0; i < len(sample); {
		c := sample[i]
		if c < 0x20 || c == 0x7f {
			switch c {
			case '\t', '\n', '\r', '\f', 0x1b:
			default:
				control++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 {
			if len(sample) < len(data) && len(sample)-i < utf8.UTFMax {
				break // a rune cut by the sample's end
			}
			invalid++
		}
		i += size
	}
	return control*10 > len(sample) || invalid*10 > len(sample)
}

// UTF16Len is the number of UTF-16 code units of s, the unit of source map
// and SARIF columns (an invalid byte counts as one, as U+FFFD).
func UTF16Len[T ~string | ~[]byte](s T) int {
	n := 0
	for i := 0; i < len(s); {
		w, size := utf16At(s, i)
		n += w
		i += size
	}
	return n
}

// ByteCol converts a column of col16 UTF-16 code units within line to a
// byte offset (len(line) when the line is shorter).
func ByteCol[T ~string | ~[]byte](line T, col16 int) int {
	n, i := 0, 0
	for i < len(line) && n < col16 {
		w, size := utf16At(line, i)
		n += w
		i += size
	}
	return i
}

// utf16At returns the UTF-16 length and the byte length of the character
// at s[i].
func utf16At[T ~string | ~[]byte](s T, i int) (units, size int) {
	if s[i] < utf8.RuneSelf {
		return 1, 1
	}
	var buf [utf8.UTFMax]byte
	r, size := utf8.DecodeRune(buf[:copy(buf[:], s[i:])])
	if r >= 0x10000 {
		return 2, size
	}
	return 1, size
}

// LineCol is the 1-based line and byte column of offset off in s.
func LineCol(s string, off int) (int, int) {
	line := strings.Count(s[:off], "\n") + 1
	return line, off - strings.LastIndexByte(s[:off], '\n')
}
