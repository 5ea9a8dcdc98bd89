package source

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/dypai/dypailint/analyzer/directive"
)

// Prologue holds the directives of a module's directive prologue.
type Prologue struct{ Client, Server bool }

func ReadPrologue(file string) Prologue {
	if IsComponent(file) {
		return Prologue{} // a component's script has no directive prologue
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return Prologue{}
	}
	return ParsePrologue(data)
}

// ParsePrologue reads the directive prologue: the string-literal statements
// at the start of a module, after an optional BOM, shebang and comments.
func ParsePrologue(src []byte) Prologue {
	var p Prologue
	s := string(bytes.TrimPrefix(src, []byte("\uFEFF")))
	if strings.HasPrefix(s, "#!") {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i:]
		} else {
			return p
		}
	}
	i := 0
	skip := func(newlines bool) bool { // skips blanks and comments; reports whether a newline was crossed
		crossed := false
		for i < len(s) {
			switch c := s[i]; {
			case c == '\n':
				if !newlines {
					return true
				}
				crossed = true
				i++
			case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				i++
			case strings.HasPrefix(s[i:], "//"):
				j := strings.IndexByte(s[i:], '\n')
				if j < 0 {
					i = len(s)
				} else {
					i += j
				}
			case strings.HasPrefix(s[i:], "/*"):
				j := strings.Index(s[i+2:], "*/")
				if j < 0 {
					i = len(s)
				} else {
					if strings.Contains(s[i:i+2+j], "\n") {
						crossed = true
					}
					i += j + 4
				}
			default:
				return crossed
			}
		}
		return crossed
	}
	for {
		skip(true)
		if i >= len(s) || (s[i] != '\'' && s[i] != '"') {
			return p
		}
		q := s[i]
		j := i + 1
		for j < len(s) && s[j] != q && s[j] != '\n' {
			if s[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(s) || s[j] != q {
			return p
		}
		val := s[i+1 : j]
		i = j + 1
		crossed := skip(false)
		switch {
		case i >= len(s), crossed, s[i] == ';', s[i] == '\n':
		default:
			return p // e.g. 'use client'.length: an expression, not a directive
		}
		if i < len(s) && s[i] == ';' {
			i++
		}
		switch val {
		case "use client":
			p.Client = true
		case "use server":
			p.Server = true
		}
	}
}

// Comment is one comment in a source file.
type Comment struct {
	Text      string // without // or /* */
	Line, Col int    // 1-based; col in bytes
}

// Directives returns the dypai-ignore directives in a JS/TS file, or in
// the script blocks of a Vue or Svelte component (read at their positions
// in the file, as the build loads them).
func Directives(file string, src []byte) []*directive.Directive {
	if !bytes.Contains(src, []byte(directive.JSPrefix)) {
		return nil
	}
	if IsComponent(file) {
		code, _ := ComponentScript(file, src)
		src = []byte(code)
	}
	var out []*directive.Directive
	for _, c := range Comments(src) {
		d, ok := directive.Parse(c.Text, directive.JSPrefix)
		if !ok {
			continue
		}
		d.File, d.Line, d.Col = file, c.Line, c.Col
		out = append(out, &d)
	}
	return out
}

// Comments lexes JS/TS source just enough to find its comments: it tracks
// strings, template literals and regular expression literals so that
// comment markers inside them are not taken for comments. An unterminated
// string ends at the end of its line (JSX text such as "don't" is not a
// string), which bounds the damage of a wrong guess to one line.
func Comments(src []byte) []Comment {
	out, _ := lexSource(src)
	return out
}

// maxNesting is the deepest nesting of brackets, braces, parentheses and
// template substitutions a source may have to be parsed: the parsers
// recurse once per level (100,000 nested brackets took a gigabyte of
// stack). Real code, generated code included, stays far below.
const maxNesting = 500

// TooDeepNote is the note on a source that nests too deep.
var TooDeepNote = fmt.Sprintf("skipped: brackets nest more than %d deep, more than the parsers are given", maxNesting)

// TooDeep reports whether a source nests deeper than maxNesting. Counting
// the opening brackets first keeps it free for almost every file.
func TooDeep(src []byte) bool {
	open := 0
	for _, c := range src {
		if c == '(' || c == '[' || c == '{' {
			open++
		}
	}
	return open > maxNesting && Nesting(src) > maxNesting
}

// Nesting returns how deep the brackets of a JS/TS source nest, outside
// strings, comments and regular expressions.
func Nesting(src []byte) int {
	_, depth := lexSource(src)
	return depth
}

// lexSource is the lexer of comments and nesting: the comments of src and
// the deepest nesting of (, [, { and ${.
func lexSource(src []byte) ([]Comment, int) {
	s := string(src)
	var out []Comment
	nest, maxNest := 0, 0
	line, lineStart := 1, 0
	var templ []int // brace depth at each open template's ${
	depth := 0
	prev := byte(0) // last significant code character
	prevWord := ""
	regexOK := func() bool {
		switch prev {
		case 0, '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '>', '~', '^':
			// Not after '<': "</" closes a JSX element (a < /re/ compares
			// with a regular expression, which no one writes).
			return true
		}
		switch prevWord {
		case "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "instanceof":
			return true
		}
		return false
	}
	newline := func(i int) { line++; lineStart = i + 1 }
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\n':
			newline(i)
			i++
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				j = len(s) - i
			}
			out = append(out, Comment{Text: s[i+2 : i+j], Line: line, Col: i - lineStart + 1})
			i += j
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			j := strings.Index(s[i+2:], "*/")
			end := len(s)
			if j >= 0 {
				end = i + 2 + j
			}
			out = append(out, Comment{Text: s[i+2 : end], Line: line, Col: i - lineStart + 1})
			for k := i; k < end; k++ {
				if s[k] == '\n' {
					newline(k)
				}
			}
			i = min(end+2, len(s))
		case c == '\'' || c == '"':
			i++
			for i < len(s) && s[i] != c && s[i] != '\n' {
				if s[i] == '\\' && i+1 < len(s) && s[i+1] != '\n' {
					i++
				}
				i++
			}
			if i < len(s) && s[i] == c {
				i++
			}
			prev, prevWord = 'a', ""
		case c == '`' || (c == '}' && len(templ) > 0 && templ[len(templ)-1] == depth):
			if c == '}' {
				templ = templ[:len(templ)-1]
				nest--
			}
			i++
			for i < len(s) {
				if s[i] == '\\' {
					i += 2
					continue
				}
				if s[i] == '\n' {
					newline(i)
				}
				if s[i] == '`' {
					i++
					break
				}
				if s[i] == '$' && i+1 < len(s) && s[i+1] == '{' {
					templ = append(templ, depth)
					nest++
					maxNest = max(maxNest, nest)
					i += 2
					break
				}
				i++
			}
			prev, prevWord = 'a', ""
		case c == '/' && regexOK():
			i++
			class := false
			for i < len(s) && s[i] != '\n' {
				if s[i] == '\\' {
					i += 2
					continue
				}
				if s[i] == '[' {
					class = true
				} else if s[i] == ']' {
					class = false
				} else if s[i] == '/' && !class {
					i++
					break
				}
				i++
			}
			prev, prevWord = 'a', ""
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case IsIdentByte(c):
			j := i
			for j < len(s) && IsIdentByte(s[j]) {
				j++
			}
			prev, prevWord = 'a', s[i:j]
			i = j
		default:
			switch c {
			case '{', '(', '[':
				if c == '{' {
					depth++
				}
				nest++
				maxNest = max(maxNest, nest)
			case '}', ')', ']':
				if c == '}' {
					depth--
				}
				nest = max(nest-1, 0)
			}
			prev, prevWord = c, ""
			i++
		}
	}
	return out, maxNest
}

func IsIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}
