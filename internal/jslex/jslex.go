// Package jslex is the token-level machinery of the hand-written JavaScript
// text scanners (the bundle scanner's lexer, the JS scanner's comment and
// span lexers): where a string, template, regular-expression literal or
// comment that starts at an offset ends, which bytes make identifiers,
// where a line ends, what a string literal's escapes decode to. It is not a
// tokenizer: callers keep their own state (the previous token, brackets)
// and ask it to skip what they do not look inside. Every function runs in
// time linear in what it skips and works on strings and byte slices alike.
package jslex

import (
	"bytes"
	"strings"
)

// Text is JavaScript source, as a string or a byte slice.
type Text interface{ ~string | ~[]byte }

// IsIdentStart reports whether c may start an identifier. Every non-ASCII
// byte counts (the scanners do not decode UTF-8 to judge Unicode letters).
func IsIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c >= 0x80
}

// IsIdentPart reports whether c may continue an identifier.
func IsIdentPart(c byte) bool { return IsIdentStart(c) || c >= '0' && c <= '9' }

// IsSpace reports whether c is JavaScript white space or a line break
// (ASCII only).
func IsSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// LineEnd returns the offset of the first '\n' at or after i, or len(src).
func LineEnd[T Text](src T, i int) int {
	switch s := any(src).(type) { // the fast searches of bytes and strings
	case []byte:
		if k := bytes.IndexByte(s[i:], '\n'); k >= 0 {
			return i + k
		}
		return len(s)
	case string:
		if k := strings.IndexByte(s[i:], '\n'); k >= 0 {
			return i + k
		}
		return len(s)
	}
	for ; i < len(src); i++ {
		if src[i] == '\n' {
			return i
		}
	}
	return len(src)
}

// String scans the body of a '…' or "…" literal from j (after its opening
// quote q). It returns the offset of the closing quote, or, for an
// unterminated literal, of the end of the line or text, and whether the
// body holds a backslash. A backslash escapes the byte after it, a line
// break included (a line continuation).
func String[T Text](src T, j int, q byte) (end int, esc bool) {
	for j < len(src) {
		switch src[j] {
		case '\\':
			esc = true
			j += 2
			continue
		case q, '\n':
			return j, esc
		}
		j++
	}
	return len(src), esc
}

// BlockComment scans the comment that starts with "/*" at i. It returns
// the offset of its closing "*/" (the end of its text) and the offset after
// it; both are len(src) when the comment does not close.
func BlockComment[T Text](src T, i int) (textEnd, end int) {
	k := -1
	switch s := any(src).(type) {
	case []byte:
		k = bytes.Index(s[min(i+2, len(s)):], []byte("*/"))
	case string:
		k = strings.Index(s[min(i+2, len(s)):], "*/")
	default:
		return blockComment(src, i)
	}
	if k < 0 {
		return len(src), len(src)
	}
	return i + 2 + k, i + 2 + k + 2
}

func blockComment[T Text](src T, i int) (textEnd, end int) {
	for k := i + 2; k+1 < len(src); k++ {
		if src[k] == '*' && src[k+1] == '/' {
			return k, k + 2
		}
	}
	return len(src), len(src)
}

// Regex scans a regular-expression literal whose body starts at j (after
// its opening '/'), character classes and escapes included. It returns the
// offset after the literal and its flags, or, when no '/' closes it before
// the end of the line ('\n' or '\r'), the offset where it stopped and
// false: a '/' there was a division after all.
func Regex[T Text](src T, j int) (end int, ok bool) {
	inClass := false
	for {
		if j >= len(src) || src[j] == '\n' || src[j] == '\r' {
			return min(j, len(src)), false
		}
		c := src[j]
		if c == '\\' {
			j += 2
			continue
		}
		j++
		if inClass {
			inClass = c != ']'
		} else if c == '[' {
			inClass = true
		} else if c == '/' {
			break
		}
	}
	for j < len(src) && IsIdentPart(src[j]) {
		j++
	}
	return j, true
}

// RegexAfter reports whether a '/' after the keyword word starts a
// regular expression (return /x/) rather than a division.
func RegexAfter(word string) bool {
	switch word {
	case "return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
		"throw", "case", "do", "else", "yield", "await":
		return true
	}
	return false
}

// TemplateStop says how a piece of template text ends.
type TemplateStop uint8

const (
	TemplateClose TemplateStop = iota // at the closing backtick
	TemplateSubst                     // at the "${" of a substitution
	TemplateOpen                      // at the end of the text: unterminated
)

// Template scans template-literal text from j (after the opening backtick,
// or after the '}' closing a substitution). It returns the offset of the
// closing backtick, of the '$' of a substitution's "${", or len(src), and
// which of these it is.
func Template[T Text](src T, j int) (end int, stop TemplateStop) {
	for j < len(src) {
		switch src[j] {
		case '\\':
			j += 2
			continue
		case '`':
			return j, TemplateClose
		case '$':
			if j+1 < len(src) && src[j+1] == '{' {
				return j, TemplateSubst
			}
		}
		j++
	}
	return len(src), TemplateOpen
}

// maxTemplateNesting bounds how deep SkipLiteral follows templates inside
// substitutions, so that garbage input cannot exhaust the stack.
const maxTemplateNesting = 256

// SkipLiteral skips the string or template literal whose opening quote
// (single, double or backtick) is at i. It returns the offset after its
// closing quote and true, or, for an unterminated literal, where it stopped
// and false. A string ends unterminated at a line break; a template's
// substitutions are skipped as code, with the literals and comments in
// them, to the brace that closes them.
func SkipLiteral[T Text](src T, i int) (end int, ok bool) {
	return skipLiteral(src, i, 0)
}

func skipLiteral[T Text](src T, i, nesting int) (int, bool) {
	q := src[i]
	if q != '`' {
		end, _ := String(src, i+1, q)
		if end < len(src) && src[end] == q {
			return end + 1, true
		}
		return end, false
	}
	if nesting > maxTemplateNesting {
		return i, false
	}
	j := i + 1
	for {
		end, stop := Template(src, j)
		switch stop {
		case TemplateClose:
			return end + 1, true
		case TemplateOpen:
			return end, false
		}
		close, ok := skipCode(src, end+2, nesting)
		if !ok {
			return close, false
		}
		j = close + 1
	}
}

// skipCode skips the code of a substitution from j and returns the offset
// of the '}' that closes it.
func skipCode[T Text](src T, j, nesting int) (int, bool) {
	depth := 0
	for j < len(src) {
		switch c := src[j]; {
		case c == '{':
			depth++
		case c == '}':
			if depth == 0 {
				return j, true
			}
			depth--
		case c == '\'' || c == '"' || c == '`':
			end, ok := skipLiteral(src, j, nesting+1)
			if !ok {
				return end, false
			}
			j = end
			continue
		case c == '/' && j+1 < len(src) && src[j+1] == '/':
			j = LineEnd(src, j)
			continue
		case c == '/' && j+1 < len(src) && src[j+1] == '*':
			_, j = BlockComment(src, j)
			continue
		}
		j++
	}
	return len(src), false
}

// Decode returns the value of a string literal's body b (without its
// quotes): its escapes decoded, a line continuation removed. An escape
// that does not decode stands for its letter.
func Decode[T Text](b T) string {
	s := string(b)
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var out strings.Builder
	out.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			out.WriteByte(c)
			continue
		}
		i++
		switch c = s[i]; c {
		case 'n':
			out.WriteByte('\n')
		case 't':
			out.WriteByte('\t')
		case 'r':
			out.WriteByte('\r')
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'v':
			out.WriteByte('\v')
		case '0':
			out.WriteByte(0)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\n':
			// line continuation
		case 'x':
			if v, ok := hexVal(s, i+1, i+3); ok {
				out.WriteRune(rune(v))
				i += 2
			} else {
				out.WriteByte('x')
			}
		case 'u':
			i = decodeU(&out, s, i)
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

// decodeU decodes the \u escape whose 'u' is at s[i] into out and returns
// the offset of its last byte.
func decodeU(out *strings.Builder, s string, i int) int {
	if i+1 < len(s) && s[i+1] == '{' {
		k := strings.IndexByte(s[i+1:], '}')
		if k > 1 {
			if v, ok := hexVal(s, i+2, i+1+k); ok {
				out.WriteRune(rune(v))
				return i + 1 + k
			}
		}
		out.WriteByte('u')
		return i
	}
	v, ok := hexVal(s, i+1, i+5)
	if !ok {
		out.WriteByte('u')
		return i
	}
	i += 4
	// a surrogate pair spelt as two escapes
	if v >= 0xD800 && v < 0xDC00 && i+6 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
		if lo, ok := hexVal(s, i+3, i+7); ok && lo >= 0xDC00 && lo < 0xE000 {
			v = 0x10000 + (v-0xD800)<<10 + (lo - 0xDC00)
			i += 6
		}
	}
	out.WriteRune(rune(v))
	return i
}

func hexVal(s string, from, to int) (int, bool) {
	if from >= to || to > len(s) || to-from > 6 {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[from:to]) {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | int(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | int(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}
