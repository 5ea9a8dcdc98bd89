// Package redact masks secrets in every text that leaves the process. The
// scanned tree is untrusted and full of keys: esbuild quotes the token it
// did not expect, YAML errors quote the value they reject, go list quotes
// whatever broke. The CLI passes findings, notes, errors and -v lines
// through one Redactor, which shows at most the first four characters of
// anything secret-shaped: the values of secrets seen in the run (secret-named
// env vars of .env files, -secret-env), keys with a known secret prefix,
// JWTs, and long high-entropy tokens.
package redact

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/sdk"
)

// minValue is the shortest secret value masked wherever it appears: a
// shorter one matches ordinary words. A value shorter than minPlainValue
// must also mix character classes: a development password such as
// "documenso" in a .env.example is a word, and masking it everywhere
// would mangle every path that contains it.
const (
	minValue      = 8
	minPlainValue = 16
)

// minAfterPrefix is how many key characters must follow a known prefix:
// fewer is a name (sk-button, dyp_client).
const minAfterPrefix = 12

// minToken is the shortest token judged by its entropy alone; shorter ones
// (chunk hashes, pseudo-version hashes, identifiers) are left alone.
const minToken = 24

// knownPrefixes are the key prefixes that mark a secret whatever its
// context: the third-party SDK catalogue's (sdk.ServerKeyPrefixes) and
// those below.
var knownPrefixes = func() []string {
	secret, test := sdk.ServerKeyPrefixes()
	return slices.Concat(KnownPrefixes, secret, test)
}()

// KnownPrefixes are key prefixes of services outside the SDK catalogue that
// mark a secret whatever its context (gitleaks' rules are the model), as
// data.
var KnownPrefixes = []string{
	"dyp_live_", "dyp_test_", "dyp_",
	"sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_",
	"sk-proj-", "sk-ant-", "sk-",
	"ghp_", "gho_", "ghu_", "ghs_", "github_pat_", "glpat-",
	"xoxb-", "xoxp-", "xoxa-", "xapp-",
	"AKIA", "ASIA",
	"AIza",
	"SG.", "r8_", "pcsk_",
	"npm_", "pypi-",
}

// Redactor masks secrets. The zero value is ready to use and safe for
// concurrent use.
type Redactor struct {
	mu     sync.RWMutex
	values []string // longest first
}

// Add registers a secret value seen in the run: it is masked wherever it
// appears, whatever its shape.
func (r *Redactor) Add(value string) {
	value = strings.TrimSpace(value)
	if len(value) < minValue || len(value) < minPlainValue && classes(value) < 3 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !slices.Contains(r.values, value) {
		r.values = append(r.values, value)
		slices.SortFunc(r.values, func(a, b string) int { return len(b) - len(a) })
	}
}

// String returns s with every secret in it masked to its first four
// characters and "…".
func (r *Redactor) String(s string) string {
	if r != nil {
		r.mu.RLock()
		for _, v := range r.values {
			if strings.Contains(s, v) {
				s = strings.ReplaceAll(s, v, sdk.Redact(v))
			}
		}
		r.mu.RUnlock()
	}
	return maskTokens(s)
}

// Error returns err with its text redacted, keeping whether it is a notice
// (a gap in what was seen, which does not fail the run).
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	msg := r.String(err.Error())
	return &redacted{msg: msg, notice: finding.IsNotice(err), err: err}
}

type redacted struct {
	msg    string
	notice bool
	err    error
}

func (e *redacted) Error() string  { return e.msg }
func (e *redacted) IsNotice() bool { return e.notice }
func (e *redacted) Unwrap() error  { return e.err }

// tokenChar reports the bytes a key is made of: base64url, and the '.' of
// JWTs and SendGrid keys.
func tokenChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '+' || c == '/' || c == '='
}

// maskTokens masks the secret-shaped tokens of s.
func maskTokens(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !tokenChar(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && tokenChar(s[j]) {
			j++
		}
		for _, w := range secretSpans(s[i:j]) {
			b.WriteString(s[last : i+w[0]])
			b.WriteString(sdk.Redact(s[i+w[0] : i+w[1]]))
			last = i + w[1]
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// secretSpans returns the [start, end) spans of tok that are secrets. A
// JWT is one secret. Otherwise the token is split at '/', '.' and '=',
// which paths, file names and assignments are made of, and each piece is
// judged; a token with '/' or '+' but no plain word among its pieces
// (standard base64, an AWS secret key) is also judged whole.
func secretSpans(tok string) [][2]int {
	if isJWT(tok) {
		return [][2]int{{0, len(tok)}}
	}
	var pieces [][2]int
	word := false
	for start := 0; start < len(tok); {
		end := start
		for end < len(tok) && !strings.ContainsRune("/.=", rune(tok[end])) {
			end++
		}
		pieces = append(pieces, [2]int{start, end})
		word = word || plainWord(tok[start:end])
		start = end + 1
	}
	var out [][2]int
	for _, p := range pieces {
		piece := tok[p[0]:p[1]]
		if secretShaped(piece) {
			out = append(out, p)
		} else if k := prefixAt(piece); k >= 0 {
			out = append(out, [2]int{p[0] + k, p[1]})
		}
	}
	// A base64-like token (no plain word, '/' or '+', no '.') is one
	// secret when it or any piece of it is: masking only a piece would
	// leave a remnant judged whole the next time (masking is stable).
	if !word && strings.ContainsAny(tok, "/+") && !strings.Contains(tok, ".") {
		whole := strings.TrimRight(tok, "=")
		if len(out) > 0 || secretShaped(strings.NewReplacer("/", "", "+", "").Replace(whole)) {
			return [][2]int{{0, len(whole)}}
		}
	}
	return out
}

// plainWord reports whether a piece reads as a word of a path or a name:
// three or more letters, all lower case.
func plainWord(piece string) bool {
	if len(piece) < 3 {
		return false
	}
	for i := 0; i < len(piece); i++ {
		if c := piece[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// isJWT reports whether tok is three dot-separated parts whose first two
// are base64url JSON objects, each part long enough to hold one (a masked
// remnant such as "eyJ.eyJ.0000" is not a token).
func isJWT(tok string) bool {
	parts := strings.Split(strings.TrimRight(tok, "."), ".")
	return len(parts) == 3 && strings.HasPrefix(parts[0], "eyJ") && strings.HasPrefix(parts[1], "eyJ") &&
		len(parts[0]) >= 10 && len(parts[1]) >= 10 && len(parts[2]) >= 8
}

// prefixAt returns where a known secret prefix followed by at least
// minAfterPrefix key characters, letters and digits, starts in piece, or -1.
func prefixAt(piece string) int {
	for _, pre := range knownPrefixes {
		for off := 0; ; {
			k := strings.Index(piece[off:], pre)
			if k < 0 {
				break
			}
			k += off
			rest := piece[k+len(pre):]
			n := 0
			for n < len(rest) && keyChar(rest[n]) {
				n++
			}
			boundary := k == 0 || !isAlnum(piece[k-1])
			if boundary && n >= minAfterPrefix && hasDigitAndLetter(rest[:n]) {
				return k
			}
			off = k + 1
		}
	}
	return -1
}

// secretShaped reports whether a piece is a long random token: long
// enough, letters mixed with digits, dense in information, and switching
// between upper case, lower case and digits as random text does rather
// than as names do (TestPreCommitHook2336158401 switches 9 times in 27).
func secretShaped(piece string) bool {
	if len(piece) < minToken || !hasDigitAndLetter(piece) {
		return false
	}
	if isHex(piece) {
		return len(piece) >= 32 && entropy(piece) >= 3.0
	}
	return entropy(piece) >= 3.7 && classRuns(piece)*10 >= len(piece)*4
}

// classRuns counts the maximal runs of upper-case letters, lower-case
// letters and digits in s, separators ('_', '-', '+') left out: in
// j127+golang_rest_api_jwt the words run on (3 runs), in a random token
// the classes keep switching.
func classRuns(s string) int {
	n, prev := 0, 0
	for i := 0; i < len(s); i++ {
		c, class := s[i], 0
		switch {
		case c >= 'A' && c <= 'Z':
			class = 1
		case c >= 'a' && c <= 'z':
			class = 2
		case c >= '0' && c <= '9':
			class = 3
		default:
			continue
		}
		if class != prev {
			n, prev = n+1, class
		}
	}
	return n
}

// classes counts the character classes of s: upper case, lower case,
// digits, other.
func classes(s string) int {
	var seen [4]bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			seen[0] = true
		case c >= 'a' && c <= 'z':
			seen[1] = true
		case c >= '0' && c <= '9':
			seen[2] = true
		default:
			seen[3] = true
		}
	}
	n := 0
	for _, b := range seen {
		if b {
			n++
		}
	}
	return n
}

func keyChar(c byte) bool {
	return isAlnum(c) || c == '_' || c == '-'
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func hasDigitAndLetter(s string) bool {
	digit, letter := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		digit = digit || c >= '0' && c <= '9'
		letter = letter || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	return digit && letter
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// entropy is the Shannon entropy of s in bits per byte.
func entropy(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	h := 0.0
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h
}
