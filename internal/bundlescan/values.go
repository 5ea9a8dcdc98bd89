package bundlescan

import (
	"bytes"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/sdk"
)

// hit is one leak found in a text: the bytes [start, end) of the text, the
// leaked value (never printed whole), what it is and how it appears.
type hit struct {
	start, end int
	secret     string
	what       string   // "the value of DYPAI_API_KEY", "a service_role JWT", "an API key"
	rank       int      // how specific what is: the most specific wins when hits overlap
	how        []string // " as a literal X-API-KEY header", ", base64-encoded", …
	// repeats counts the identical hits folded into this one (foldRepeats).
	repeats int
}

const (
	rankLiteral = 1 + iota // a literal in a key position (header value, key argument)
	rankKnown              // a value that is a secret by its form (service_role JWT, secret prefix)
	rankNamed              // the value of a secret the user named
)

// The key forms (secret prefixes, secret JWT roles, publishable prefixes)
// are the SDK profile's tables (sdk.Profile): data, not code.

// minSecretLen is the shortest secret value searched for: shorter values
// match by chance.
const minSecretLen = 8

// secret is a value that must never appear in a bundle.
type secret struct {
	value string
	names []string // env vars that hold it, in the order given
}

// needle is one spelling of a secret to search for.
type needle struct {
	b   []byte
	sec *secret
	how string // "", ", base64-encoded", ", URL-encoded"
}

// needles returns the spellings of the secrets: as is, base64 (standard
// and URL alphabets, at each of the three alignments it can have inside a
// longer encoded text) and URL-encoded.
func needles(secrets []*secret) []needle {
	var out []needle
	seen := map[string]bool{}
	add := func(s string, sec *secret, how string) {
		if len(s) < minSecretLen || seen[s] {
			return
		}
		seen[s] = true
		out = append(out, needle{b: []byte(s), sec: sec, how: how})
	}
	for _, sec := range secrets {
		add(sec.value, sec, "")
	}
	for _, sec := range secrets {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			for shift := range 3 {
				add(base64Core(enc, sec.value, shift), sec, ", base64-encoded")
			}
		}
		add(url.QueryEscape(sec.value), sec, ", URL-encoded")
		add(url.PathEscape(sec.value), sec, ", URL-encoded")
	}
	return out
}

// base64Core returns the characters of the base64 encoding of v, placed
// after shift other bytes, that depend on v's bytes alone.
func base64Core(enc *base64.Encoding, v string, shift int) string {
	e := enc.EncodeToString(append(make([]byte, shift), v...))
	from := (8*shift + 5) / 6
	to := 8 * (shift + len(v)) / 6
	if to <= from {
		return ""
	}
	return e[from:to]
}

func isKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// valueHits finds secret values, secret-prefixed keys and secret JWTs
// anywhere in data except in [skipFrom, skipTo). Each search is a
// bytes.Index loop that never looks at a byte twice.
func valueHits(data []byte, skipFrom, skipTo int, ns []needle, prefixes, jwtRoles []string) []hit {
	var hits []hit
	skip := func(p int) bool { return p >= skipFrom && p < skipTo }
	for _, n := range ns {
		for off := 0; off < len(data); {
			k := bytes.Index(data[off:], n.b)
			if k < 0 {
				break
			}
			p := off + k
			off = p + len(n.b)
			if skip(p) {
				continue
			}
			h := hit{start: p, end: off, secret: n.sec.value, what: "the value of " + nameList(n.sec.names), rank: rankNamed}
			if n.how != "" {
				h.how = []string{n.how}
			}
			hits = append(hits, h)
		}
	}
	for _, pre := range prefixes {
		for off := 0; off < len(data); {
			k := bytes.Index(data[off:], []byte(pre))
			if k < 0 {
				break
			}
			p := off + k
			end := p + len(pre)
			for end < len(data) && isKeyChar(data[end]) {
				end++
			}
			off = end
			if skip(p) || p > 0 && isKeyChar(data[p-1]) || end-p-len(pre) < minSecretLen {
				continue
			}
			what := "a secret key (" + pre + " prefix)"
			if srv := sdk.ServerSDKByKeyPrefix(pre); srv != nil {
				what = "a secret " + srv.Name + " key" // the vendor, not more of the key
			}
			hits = append(hits, hit{start: p, end: end, secret: string(data[p:end]), what: what, rank: rankKnown})
		}
	}
	roles := map[string]string{} // bundles repeat their JWTs
	for off := 0; off < len(data); {
		k := bytes.Index(data[off:], []byte("eyJ"))
		if k < 0 {
			break
		}
		p := off + k
		end, ok := jwtAt(data, p)
		off = max(end, p+3)
		if !ok || skip(p) || p > 0 && (isKeyChar(data[p-1]) || data[p-1] == '.') {
			continue
		}
		tok := string(data[p:end])
		role, seen := roles[tok]
		if !seen {
			role, _ = sdk.JWTRole(tok)
			roles[tok] = role
		}
		if role != "" && slices.Contains(jwtRoles, role) {
			hits = append(hits, hit{start: p, end: end, secret: tok, what: "a " + role + " JWT", rank: rankKnown})
		}
	}
	return hits
}

// jwtAt returns the end of a JWT (three base64url parts joined by dots, the
// first two JSON objects) starting at p.
func jwtAt(data []byte, p int) (int, bool) {
	part := func(i int) int {
		for i < len(data) && isKeyChar(data[i]) {
			i++
		}
		return i
	}
	e1 := part(p)
	if e1 >= len(data) || data[e1] != '.' || !bytes.HasPrefix(data[e1+1:], []byte("eyJ")) {
		return e1, false
	}
	e2 := part(e1 + 1)
	if e2 >= len(data) || data[e2] != '.' {
		return e2, false
	}
	return part(e2 + 1), true
}

// literalKey reports whether a literal in a key position (a header's
// value, a constructor's key argument) can be a real key: not a
// placeholder, not whitespace, not a URL, and not a key made to be public
// (an anon JWT, a publishable key: prof.IsPublicLiteral).
func literalKey(prof *sdk.Profile, v string) bool {
	if len(v) < minSecretLen || placeholder(v) || strings.Contains(v, "://") || !utf8.ValidString(v) {
		return false
	}
	for _, r := range v {
		if r <= ' ' || r == 0x7f {
			return false
		}
	}
	return !prof.IsPublicLiteral(v) // not an anon or user JWT, not a publishable key
}

// placeholder reports whether an env or literal value is a stand-in for a
// real secret (as in .env.example): empty, a template, or a word such as
// "changeme" or "your-api-key".
func placeholder(v string) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return true
	}
	lv := strings.ToLower(v)
	switch lv {
	case "changeme", "change-me", "change_me", "placeholder", "example", "todo", "tbd", "secret",
		"password", "null", "none", "undefined", "dummy", "test", "redacted", "xxx", "fixme":
		return true
	}
	for _, p := range []string{"your", "<", "${", "{{", "[", "%"} {
		if strings.HasPrefix(lv, p) {
			return true
		}
	}
	for _, w := range []string{"your_", "your-", "here", "example", "placeholder", "replace", "change_me", "changeme", "xxxx", "...", "***", "…"} {
		if strings.Contains(lv, w) {
			return true
		}
	}
	return strings.Count(v, v[:1]) == len(v) || // "aaaaaaaa", "00000000"
		wordsOnly(v)
}

// wordsOnly reports whether v reads as words, in any language, rather than
// a key: three or more short lower-case words joined by '_', '-' or '.'
// ("sua_chave_gemini_aqui", "mets-ta-cle-ici"). Keys have digits, mixed
// case or long random runs (sk_live_51H…).
func wordsOnly(v string) bool {
	words := strings.FieldsFunc(v, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	if len(words) < 3 {
		return false
	}
	for _, w := range words {
		if len(w) > 10 {
			return false
		}
		for _, r := range w {
			if r < 'a' || r > 'z' {
				return false
			}
		}
	}
	return true
}

// nameList joins names: "A", "A and B", "A, B and C".
func nameList(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// mergeHits sorts hits and folds overlapping ones into one, keeping the
// most specific description and every distinct way the value appears.
func mergeHits(hs []hit) []hit {
	slices.SortFunc(hs, func(a, b hit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.rank != b.rank {
			return b.rank - a.rank
		}
		return (b.end - b.start) - (a.end - a.start) // the longer match describes it
	})
	var out []hit
	for _, h := range hs {
		if n := len(out); n > 0 && h.start < out[n-1].end {
			last := &out[n-1]
			if h.rank > last.rank {
				last.what, last.secret, last.rank = h.what, h.secret, h.rank
			}
			for _, w := range h.how {
				if !slices.Contains(last.how, w) {
					last.how = append(last.how, w)
				}
			}
			last.end = max(last.end, h.end)
			continue
		}
		h.how = slices.Clone(h.how)
		out = append(out, h)
	}
	for i := range out {
		slices.SortStableFunc(out[i].how, func(a, b string) int { return howOrder(a) - howOrder(b) })
	}
	return out
}

// foldRepeats keeps, of more than finding.FoldOver hits of one secret
// found the same way, only the first, counting the rest: a generated
// bundle repeating one header 800,000 times is one leak, and holding a
// finding for each cost gigabytes. Order is kept.
func foldRepeats(hs []hit) []hit {
	if len(hs) <= finding.FoldOver {
		return hs
	}
	type key struct{ secret, what, how string }
	keyOf := func(h hit) key { return key{h.secret, h.what, strings.Join(h.how, "\x00")} }
	n := map[key]int{}
	for _, h := range hs {
		n[keyOf(h)]++
	}
	out := hs[:0]
	first := map[key]bool{}
	for _, h := range hs {
		k := keyOf(h)
		if n[k] > finding.FoldOver {
			if first[k] {
				continue
			}
			first[k] = true
			h.repeats = n[k] - 1
		}
		out = append(out, h)
	}
	return out
}

// howOrder puts the context of a leak before its encoding.
func howOrder(how string) int {
	if strings.HasPrefix(how, ",") {
		return 1
	}
	return 0
}

// howText joins the ways a value appears: contexts with "and", then
// encodings.
func howText(hows []string) string {
	var b strings.Builder
	contexts := 0
	for _, how := range hows {
		if howOrder(how) == 0 {
			if contexts > 0 {
				b.WriteString(" and")
			}
			contexts++
		}
		b.WriteString(how)
	}
	return b.String()
}
