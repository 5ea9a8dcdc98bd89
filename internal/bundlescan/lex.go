package bundlescan

import (
	"bytes"
	"strings"

	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jslex"
)

// The JavaScript scanner: one left-to-right pass over the text, in time
// linear in its length, with no regular expressions and no backtracking. It
// is not a parser: it tokenises just well enough to know where string
// literals, comments and regular-expression literals begin and end, keeps
// the last few tokens and a stack of open brackets, and recognises the
// shapes that survive minification:
//
//	{"X-API-KEY":"v"}  {…,'x-api-key':`v`}  {["X-Api-Key"]:"v"}
//	h.set("X-API-KEY","v")  new Headers([["x-api-key","v"]])  h["X-API-KEY"]="v"
//	createClient(url,"v")  (0,m.createClient)(url,"v")  import{createClient as o}…; o(url,"v")
//
// The value may also be an identifier that the text assigns exactly once,
// to a string literal (var c="dyp_live_…";…a(url,c)): minifiers keep such
// constants as variables. A header name bound to a variable
// (const H="X-API-KEY"; h[H]=key) or a header whose value is not a literal
// (a parameter, a member expression, a call) is not a leak.

type tokKind uint8

const (
	tkNone     tokKind = iota
	tkString           // '…', "…" or `…` without substitutions; start/end exclude the quotes
	tkIdent            // identifier or keyword
	tkNumber           // numeric literal
	tkPunct            // one punctuator character
	tkRegex            // regular-expression literal
	tkTemplate         // a piece of a template literal with substitutions
)

type token struct {
	kind       tokKind
	ch         byte // tkPunct: the character
	esc        bool // tkString: the literal contains a backslash
	start, end int  // offsets in the scanned text
}

func (t token) is(ch byte) bool { return t.kind == tkPunct && t.ch == ch }

// frame is an open bracket; for the '(' of an SDK constructor call it
// tracks the arguments.
type frame struct {
	open byte   // '(', '[', '{', or '`' for a template substitution
	ctor string // the constructor called by this '(' (original name), or ""
	arg  int    // index of the current argument
	ntok int    // tokens of the current argument at this level
	str  token  // the current argument when it is one string literal or identifier
}

// comment is a comment that may hold a suppression directive.
type comment struct {
	start int    // offset of the comment in the scanned text
	text  string // without its markers
}

// ctxRules is what the context rules look for, from the SDK profile.
type ctxRules struct {
	headers  []string // lower-case header names that carry the key
	ctors    []string // SDK constructor names
	keyArg   int      // index of the key argument of a constructor call
	isModule func(string) bool
	// off disables the literal-context rules: for profiles where a key's
	// privilege depends on which key it is (supabase: the anon key is
	// public), only the value rules can tell a leak.
	off bool
	// prof supplies the key forms: public prefixes and secret JWT roles.
	prof *sdk.Profile
}

// jsScanner scans one JavaScript (or JSON) text.
type jsScanner struct {
	src    []byte
	rules  *ctxRules
	nested bool // scanning the decoded contents of a string literal

	ring  [4]token // the last tokens, ring[0] the most recent
	stack []frame  // open brackets, at most maxDepth deep

	noRegexUntil int // offset before which '/' is a division

	pendingCtor  string // constructor named by the last identifier(s)
	pendingState int    // 1: after its name, 2: after "(0,x.name)"
	// pend is a literal found in a key position, reported once the next
	// token shows that the value ends there ("k":"v", not "k":"v"+x).
	pend struct {
		ok      bool
		lit     token
		how     string
		closers string // punctuators that may follow; "\n": a line break may, too
		end     int    // end of the value token
	}
	aliases        map[string]string // local alias → constructor, from SDK imports
	pendingAliases [][2]string

	bindings map[string]binding // identifier → the string literal assigned to it

	keyLike map[string]bool // literalKey's answers

	hits     []hit
	comments []comment
}

func scanJS(src []byte, rules *ctxRules, nested bool) *jsScanner {
	s := &jsScanner{src: src, rules: rules, nested: nested}
	s.run()
	return s
}

func (s *jsScanner) run() {
	src, n := s.src, len(s.src)
	i := 0
	if n >= 2 && src[0] == '#' && src[1] == '!' { // hashbang
		i = jslex.LineEnd(src, 0)
	}
	for i < n {
		c := src[i]
		switch {
		case jslex.IsSpace(c):
			i++
		case c == '/' && i+1 < n && src[i+1] == '/':
			end := jslex.LineEnd(src, i)
			s.comment(i, src[i+2:end])
			i = end
		case c == '/' && i+1 < n && src[i+1] == '*':
			textEnd, end := jslex.BlockComment(src, i)
			s.comment(i, src[i+2:textEnd])
			i = end
		case c == '/' && i >= s.noRegexUntil && s.regexAllowed():
			if end, ok := jslex.Regex(src, i+1); ok {
				s.emit(token{kind: tkRegex, start: i, end: end})
				i = end
				break
			}
			// Not a regular expression after all (none closes on this
			// line): a division. Until the line ends, '/' is taken as a
			// division without looking, so that the scan stays linear.
			s.noRegexUntil = jslex.LineEnd(src, i)
			s.emit(token{kind: tkPunct, ch: c, start: i, end: i + 1})
			i++
		case c == '"' || c == '\'':
			j, esc := jslex.String(src, i+1, c)
			s.emit(token{kind: tkString, start: i + 1, end: j, esc: esc})
			i = min(j+1, n)
		case c == '`':
			i = s.template(i + 1)
		case c == '}' && len(s.stack) > 0 && s.stack[len(s.stack)-1].open == '`':
			s.stack = s.stack[:len(s.stack)-1]
			i = s.template(i + 1)
		case jslex.IsIdentStart(c):
			j := i + 1
			for j < n && jslex.IsIdentPart(src[j]) {
				j++
			}
			s.emit(token{kind: tkIdent, start: i, end: j})
			i = j
		case c >= '0' && c <= '9' || c == '.' && i+1 < n && src[i+1] >= '0' && src[i+1] <= '9':
			j := i + 1
			for j < n && (jslex.IsIdentPart(src[j]) || src[j] == '.') {
				j++
			}
			s.emit(token{kind: tkNumber, start: i, end: j})
			i = j
		default:
			s.emit(token{kind: tkPunct, ch: c, start: i, end: i + 1})
			i++
		}
	}
	if s.pend.ok { // the text ends with the value
		s.literal(s.pend.lit, s.pend.how)
	}
}

// template scans a template literal from j (after its opening backtick or a
// substitution's closing brace) and returns where scanning resumes.
func (s *jsScanner) template(j int) int {
	src := s.src
	start := j
	wasPart := start > 0 && src[start-1] == '}'
	end, stop := jslex.Template(src, j)
	switch stop {
	case jslex.TemplateClose:
		if wasPart {
			s.emit(token{kind: tkTemplate, start: start, end: end})
		} else {
			s.emit(token{kind: tkString, start: start, end: end, esc: bytes.IndexByte(src[start:end], '\\') >= 0})
		}
		return end + 1
	case jslex.TemplateSubst:
		s.emit(token{kind: tkTemplate, start: start, end: end})
		s.push(frame{open: '`'})
		return end + 2
	}
	s.emit(token{kind: tkTemplate, start: start, end: len(src)})
	return len(src)
}

// regexAllowed reports whether a '/' here starts a regular expression
// rather than a division, judging by the previous token.
func (s *jsScanner) regexAllowed() bool {
	p := s.ring[0]
	switch p.kind {
	case tkNone:
		return true
	case tkPunct:
		return p.ch != ')' && p.ch != ']'
	case tkIdent:
		return jslex.RegexAfter(string(s.src[p.start:p.end]))
	}
	return false
}

func (s *jsScanner) comment(start int, text []byte) {
	if bytes.Contains(text, []byte("dypai-ignore")) {
		s.comments = append(s.comments, comment{start: start, text: string(text)})
	}
}

func (s *jsScanner) bytesOf(t token) []byte { return s.src[t.start:t.end] }

// value returns a string literal's value.
func (s *jsScanner) value(t token) string {
	if t.esc {
		return decodeJS(s.bytesOf(t))
	}
	return string(s.bytesOf(t))
}

// header returns the header name t spells (as written), when t is a string
// literal or identifier naming one of the key headers.
func (s *jsScanner) header(t token) (string, bool) {
	if t.kind != tkString && t.kind != tkIdent {
		return "", false
	}
	b := s.bytesOf(t)
	for _, h := range s.rules.headers {
		if len(b) == len(h) && bytes.EqualFold(b, []byte(h)) {
			return string(b), true
		}
		if t.esc && strings.EqualFold(decodeJS(b), h) {
			return decodeJS(b), true
		}
	}
	return "", false
}

// headerRef returns the header name t stands for where it is an
// expression: a string literal, or a variable assigned one once
// (const H="X-API-KEY";h[H]="v").
func (s *jsScanner) headerRef(t token) (string, bool) {
	switch t.kind {
	case tkString:
		return s.header(t)
	case tkIdent:
		if lit, ok := s.literalOf(t); ok {
			return s.header(lit)
		}
	}
	return "", false
}

// ctorName returns the constructor an identifier names, or "".
func (s *jsScanner) ctorName(t token) string {
	b := s.bytesOf(t)
	for _, c := range s.rules.ctors {
		if string(b) == c {
			return c
		}
	}
	if s.aliases != nil {
		return s.aliases[string(b)]
	}
	return ""
}

func (s *jsScanner) isIdent(t token, name string) bool {
	return t.kind == tkIdent && string(s.bytesOf(t)) == name
}

func (s *jsScanner) emit(t token) {
	r := &s.ring
	if v := &s.pend; v.ok {
		v.ok = false
		if t.kind == tkPunct && strings.IndexByte(v.closers, t.ch) >= 0 ||
			strings.IndexByte(v.closers, '\n') >= 0 && bytes.IndexByte(s.src[v.end:t.start], '\n') >= 0 {
			s.literal(v.lit, v.how)
		}
	}

	// Brackets and the arguments of constructor calls.
	var top *frame
	if len(s.stack) > 0 {
		top = &s.stack[len(s.stack)-1]
	}
	if t.kind == tkPunct && (t.ch == ')' || t.ch == ']' || t.ch == '}') {
		if top != nil && top.open == opening(t.ch) {
			if top.ctor != "" {
				s.endArg(top)
			}
			s.stack = s.stack[:len(s.stack)-1]
		}
	} else if top != nil && top.ctor != "" {
		if t.is(',') {
			s.endArg(top)
			top.arg++
			top.ntok, top.str = 0, token{}
		} else {
			top.ntok++
			if top.ntok == 1 && (t.kind == tkString || t.kind == tkIdent) {
				top.str = t
			} else {
				top.str = token{}
			}
		}
	}
	if t.kind == tkPunct && (t.ch == '(' || t.ch == '[' || t.ch == '{') {
		f := frame{open: t.ch}
		if t.ch == '(' && s.pendingState > 0 {
			f.ctor = s.pendingCtor
		}
		s.push(f)
	}
	switch {
	case t.kind == tkIdent && !s.rules.off:
		if name := s.ctorName(t); name != "" {
			s.pendingCtor, s.pendingState = name, 1
		} else {
			s.pendingState = 0
		}
	case t.is(')') && s.pendingState == 1:
		s.pendingState = 2 // (0,m.createClient)(…)
	default:
		s.pendingState = 0
	}

	// Renamed imports of the SDK's constructors.
	switch {
	case t.kind == tkIdent:
		if s.isIdent(r[0], "as") && r[1].kind == tkIdent && s.isCtor(r[1]) {
			s.pendingAliases = append(s.pendingAliases, [2]string{string(s.bytesOf(t)), string(s.bytesOf(r[1]))})
		}
	case t.kind == tkString && s.isIdent(r[0], "from"):
		if len(s.pendingAliases) > 0 && s.rules.isModule != nil && s.rules.isModule(s.value(t)) {
			if s.aliases == nil {
				s.aliases = map[string]string{}
			}
			for _, a := range s.pendingAliases {
				s.aliases[a[0]] = a[1]
			}
		}
		s.pendingAliases = nil
	case t.is(';'):
		s.pendingAliases = nil
	}

	if !s.rules.off {
		s.assignment(t)
		if t.kind == tkString || t.kind == tkIdent {
			s.valueRules(t)
		}
	}
	r[3], r[2], r[1], r[0] = r[2], r[1], r[0], t
}

// assignment records assignments of string literals to identifiers
// (x="…", not x=="…", o.x="…"), and counts later assignments of anything to
// those identifiers.
func (s *jsScanner) assignment(t token) {
	r := &s.ring
	if !r[0].is('=') || r[1].kind != tkIdent || r[2].is('.') || t.is('=') || t.is('>') {
		return
	}
	name := s.bytesOf(r[1])
	if t.kind != tkString {
		if b, ok := s.bindings[string(name)]; ok {
			b.count++
			s.bindings[string(name)] = b
		}
		return
	}
	if s.bindings == nil {
		s.bindings = map[string]binding{}
	}
	b := s.bindings[string(name)]
	b.count++
	b.lit = t
	s.bindings[string(name)] = b
}

// binding is what the text assigns to an identifier.
type binding struct {
	lit   token // the last string literal assigned
	count int   // assignments seen since the first of a string literal
}

// literalOf returns the string literal a value token stands for: itself, or
// the one literal its identifier is assigned.
func (s *jsScanner) literalOf(t token) (token, bool) {
	switch t.kind {
	case tkString:
		return t, true
	case tkIdent:
		if b, ok := s.bindings[string(s.bytesOf(t))]; ok && b.count == 1 {
			return b.lit, true
		}
	}
	return token{}, false
}

// maxDepth bounds the bracket stack: no real code nests deeper, and
// garbage input must not cost memory in proportion to its length.
const maxDepth = 4096

func (s *jsScanner) push(f frame) {
	if len(s.stack) < maxDepth {
		s.stack = append(s.stack, f)
	}
}

func (s *jsScanner) isCtor(t token) bool {
	b := s.bytesOf(t)
	for _, c := range s.rules.ctors {
		if string(b) == c {
			return true
		}
	}
	return false
}

func opening(close byte) byte {
	switch close {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

func (s *jsScanner) endArg(f *frame) {
	if f.arg == s.rules.keyArg && f.ntok == 1 {
		if lit, ok := s.literalOf(f.str); ok {
			s.literal(lit, " as the key argument of "+f.ctor)
		}
	}
}

// valueRules applies the header rules to t, a string literal or
// identifier that may be a header's value, looking back at the tokens
// before it.
func (s *jsScanner) valueRules(t token) {
	r := &s.ring
	var header, closers string
	switch {
	case r[0].is(':'):
		// {"X-API-KEY":"v"} or {…,apikey:"v"} (not a?"X-API-KEY":"v")
		if r[2].is('{') || r[2].is(',') {
			if h, ok := s.header(r[1]); ok {
				header, closers = h, ",}"
			}
		} else if r[1].is(']') && r[3].is('[') {
			if h, ok := s.headerRef(r[2]); ok {
				header, closers = h, ",}" // {["X-API-KEY"]:"v"}, {[H]:"v"}
			}
		}
	case r[0].is(','):
		// h.set("X-API-KEY","v") and [["X-API-KEY","v"]]: confirmed by the next token
		if r[2].is('(') || r[2].is('[') {
			if h, ok := s.headerRef(r[1]); ok {
				header, closers = h, ")"
				if r[2].is('[') {
					closers = "]"
				}
			}
		}
	case r[0].is('='):
		if r[1].is(']') && r[3].is('[') {
			if h, ok := s.headerRef(r[2]); ok {
				header, closers = h, ",;)}\n" // h["X-API-KEY"]="v", h[H]="v"
			}
		} else if r[1].kind == tkIdent && r[2].is('.') {
			if h, ok := s.header(r[1]); ok {
				header, closers = h, ",;)}\n" // h.apikey="v"
			}
		}
	}
	if header != "" {
		if lit, ok := s.literalOf(t); ok {
			s.expect(t, lit, header, closers)
		}
	}
	if t.kind != tkString {
		return
	}
	// A string that holds JSON or code with escaped quotes (Next.js flight
	// data, __NEXT_DATA__ inside a string, serialised props): scan its
	// value once more, reporting at the literal.
	if !s.nested && t.esc && (bytes.Contains(s.bytesOf(t), []byte(`\"`)) || bytes.Contains(s.bytesOf(t), []byte(`\'`))) {
		v := s.value(t)
		if s.mentionsRule(v) {
			sub := scanJS([]byte(v), s.rules, true)
			for _, h := range sub.hits {
				h.start, h.end = t.start, t.end
				s.hits = append(s.hits, h)
			}
		}
	}
}

// expect holds lit, the literal value t stands for, until the next token
// shows whether the header's value ends at t.
func (s *jsScanner) expect(t, lit token, header, closers string) {
	s.pend.ok, s.pend.lit, s.pend.end = true, lit, t.end
	s.pend.how, s.pend.closers = " as a literal "+header+" header", closers
}

func (s *jsScanner) mentionsRule(v string) bool {
	lv := strings.ToLower(v)
	for _, h := range s.rules.headers {
		if strings.Contains(lv, h) {
			return true
		}
	}
	for _, c := range s.rules.ctors {
		if strings.Contains(v, c) {
			return true
		}
	}
	return false
}

// literal records a literal key found by a context rule, unless its value
// cannot be a key.
func (s *jsScanner) literal(t token, how string) {
	v := s.value(t)
	ok, seen := s.keyLike[v]
	if !seen {
		ok = literalKey(s.rules.prof, v)
		if s.keyLike == nil {
			s.keyLike = map[string]bool{}
		}
		s.keyLike[v] = ok // bundles repeat their literals (an anon key at each call)
	}
	if !ok {
		return
	}
	s.hits = append(s.hits, hit{start: t.start, end: t.end, secret: v, what: "an API key", rank: rankLiteral, how: []string{how}})
}

// decodeJS decodes the escapes of a JavaScript string literal's body.
func decodeJS(b []byte) string { return jslex.Decode(b) }
