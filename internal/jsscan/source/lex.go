package source

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/internal/jslex"
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
				i = jslex.LineEnd(s, i)
			case strings.HasPrefix(s[i:], "/*"):
				textEnd, end := jslex.BlockComment(s, i)
				if textEnd < len(s) && strings.Contains(s[i:textEnd], "\n") {
					crossed = true
				}
				i = end
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
		j, _ := jslex.String(s, i+1, q)
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

// HasToken reports whether JS/TS source holds one of words, which are in
// lower case, as a whole token, ignoring case: the value of a string
// literal or of a template literal without substitutions, or an
// identifier. A word inside a longer text — a comment, a placeholder
// string, JSX text — is not one: {"X-API-KEY": "…"} in a template literal
// names no header.
func HasToken(src []byte, words []string) bool {
	l := &sourceLexer{s: string(src), line: 1, words: map[string]bool{}}
	for _, w := range words {
		l.words[w] = true
	}
	for l.i < len(l.s) && !l.found {
		l.step()
	}
	return l.found
}

// token notes a string value or identifier for HasToken.
func (l *sourceLexer) token(text string) {
	if l.words != nil && len(text) < 64 && l.words[strings.ToLower(text)] {
		l.found = true
	}
}

// lexSource is the lexer of comments and nesting: the comments of src and
// the deepest nesting of (, [, { and ${. jslex says where each literal and
// comment ends; lexSource keeps the line count, the brackets and what came
// before a '/'.
func lexSource(src []byte) ([]Comment, int) {
	s := string(src)
	l := &sourceLexer{s: s, line: 1}
	for l.i < len(s) {
		l.step()
	}
	return l.comments, l.maxNest
}

// sourceLexer is lexSource's state.
type sourceLexer struct {
	s               string
	i               int
	comments        []Comment
	nest, maxNest   int
	line, lineStart int
	templ           []int // brace depth at each open template's ${
	depth           int
	prev            byte // last significant code character
	prevWord        string
	// words, when set, are looked for as whole tokens (HasToken): found
	// says one was seen, and stops the lexer.
	words map[string]bool
	found bool
}

// lines counts the line breaks of s[from:to].
func (l *sourceLexer) lines(from, to int) {
	for k := from; k < to; k++ {
		if l.s[k] == '\n' {
			l.line++
			l.lineStart = k + 1
		}
	}
}

// regexOK reports whether a '/' here starts a regular expression.
func (l *sourceLexer) regexOK() bool {
	switch l.prev {
	case 0, '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '>', '~', '^':
		// Not after '<': "</" closes a JSX element (a < /re/ compares
		// with a regular expression, which no one writes).
		return true
	}
	return jslex.RegexAfter(l.prevWord)
}

func (l *sourceLexer) open() {
	l.nest++
	l.maxNest = max(l.maxNest, l.nest)
}

// step lexes what starts at l.i.
func (l *sourceLexer) step() {
	s, i := l.s, l.i
	c := s[i]
	switch {
	case c == '\n':
		l.lines(i, i+1)
		l.i++
	case c == '/' && i+1 < len(s) && s[i+1] == '/':
		end := jslex.LineEnd(s, i)
		l.comments = append(l.comments, Comment{Text: s[i+2 : end], Line: l.line, Col: i - l.lineStart + 1})
		l.i = end
	case c == '/' && i+1 < len(s) && s[i+1] == '*':
		textEnd, end := jslex.BlockComment(s, i)
		l.comments = append(l.comments, Comment{Text: s[i+2 : textEnd], Line: l.line, Col: i - l.lineStart + 1})
		l.lines(i, textEnd)
		l.i = end
	case c == '\'' || c == '"':
		end, esc := jslex.String(s, i+1, c)
		l.lines(i, end)
		if end < len(s) && s[end] == c {
			if l.words != nil {
				if esc {
					l.token(jslex.Decode(s[i+1 : end]))
				} else {
					l.token(s[i+1 : end])
				}
			}
			end++
		}
		l.i, l.prev, l.prevWord = end, 'a', ""
	case c == '`' || (c == '}' && len(l.templ) > 0 && l.templ[len(l.templ)-1] == l.depth):
		if c == '}' {
			l.templ = l.templ[:len(l.templ)-1]
			l.nest--
		}
		end, stop := jslex.Template(s, i+1)
		l.lines(i, end)
		switch stop {
		case jslex.TemplateClose:
			if c == '`' {
				l.token(s[i+1 : end]) // no substitution
			}
			end++
		case jslex.TemplateSubst:
			l.templ = append(l.templ, l.depth)
			l.open()
			end += 2
		}
		l.i, l.prev, l.prevWord = end, 'a', ""
	case c == '/' && l.regexOK():
		end, _ := jslex.Regex(s, i+1)
		l.i, l.prev, l.prevWord = end, 'a', ""
	case c == ' ' || c == '\t' || c == '\r':
		l.i++
	case jslex.IsIdentPart(c):
		j := i
		for j < len(s) && jslex.IsIdentPart(s[j]) {
			j++
		}
		l.token(s[i:j])
		l.i, l.prev, l.prevWord = j, 'a', s[i:j]
	default:
		switch c {
		case '{', '(', '[':
			if c == '{' {
				l.depth++
			}
			l.open()
		case '}', ')', ']':
			if c == '}' {
				l.depth--
			}
			l.nest = max(l.nest-1, 0)
		}
		l.i, l.prev, l.prevWord = i+1, c, ""
	}
}
