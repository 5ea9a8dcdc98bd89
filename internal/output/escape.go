package output

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape makes text safe for a terminal: control characters (C0 and C1,
// DEL), the Unicode line and paragraph separators, bidirectional
// overrides (the "Trojan Source" characters) and invalid UTF-8 are written
// as Go escapes (\x1b, \r, \u202e), so that a file name or a quoted token
// cannot clear the screen, move the cursor or forge an output line. Other
// text, quotes included, is unchanged.
func Escape(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unsafeRune(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\n' || r == '\r' || r == '\t' || unsafeRune(r) {
			return true
		}
		i += size
	}
	return false
}

// unsafeRune reports the runes a terminal acts on rather than shows.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}
