// Package session holds the names by which code reads the signed-in user's
// session — request headers, cookies, context keys, getter functions. The
// Go passes and the JS/TS scanner share them, so that a handler serving a
// signed-in user (DYP301) means the same thing in both. Names are compared
// normalized: lower-case with '-', '_', '.' and spaces removed.
package session

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// HeaderMarkers: Authorization, X-Auth-Token, X-Session-Id….
	HeaderMarkers = []string{"authorization", "authtoken", "accesstoken", "idtoken", "sessiontoken", "sessionid", "xsession", "bearer"}
	// CookieMarkers: session, sid, token, jwt, auth….
	CookieMarkers = []string{"session", "sess", "sid", "token", "jwt", "auth", "access"}
	// KeyMarkers are context keys (or their types or variables) that
	// authentication middleware stores the user under.
	KeyMarkers = []string{"user", "claims", "session", "token", "auth", "principal", "identity", "subject", "account", "jwt", "viewer", "currentuser"}
	// KeyNames are whole context keys of the same kind that are too short
	// to look for inside longer names (c.Set("uid", claims.Uid); a "guid"
	// or "build" key is none).
	KeyNames = []string{"uid", "sub"}
	// FuncPrefixes are the verb prefixes stripped from a function's name
	// before its first word is compared with FuncWords.
	FuncPrefixes = []string{"must", "get", "current", "load", "read", "parse", "verify", "validate", "require", "extract", "lookup", "fetch", "authenticated", "authenticate", "signedin", "loggedin", "from"}
	// FuncWords are the first words (after FuncPrefixes) of functions that
	// return the signed-in user: UserFromContext, currentUser,
	// MustGetClaims.
	FuncWords = []string{"user", "claims", "claim", "session", "token", "principal", "identity", "subject", "viewer", "account", "jwt", "auth", "authenticate", "authenticated", "me", "whoami", "caller"}
	// PackageMarkers are package names whose functions, given the request
	// or its context, read the session: sessions.Get(r), auth.From(ctx),
	// jwtauth.FromContext(ctx).
	PackageMarkers = []string{"auth", "session", "jwt", "oidc", "oauth"}
)

// IsGetterName reports whether a function name reads like a session
// getter: after verb prefixes (Get, Must, Current…), its first word is one
// of FuncWords — UserFromContext, currentUser, MustGetClaims.
func IsGetterName(name string) bool {
	words := Words(name)
	for len(words) > 0 && slices.Contains(FuncPrefixes, words[0]) {
		words = words[1:]
	}
	if len(words) == 0 {
		return slices.Contains([]string{"authenticate", "authenticated", "signedin", "loggedin"}, strings.ToLower(name))
	}
	return slices.Contains(FuncWords, words[0])
}

// Normalize lower-cases s and drops '-', '_', '.' and spaces.
func Normalize(s string) string {
	s = strings.ToLower(s)
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '.', ' ':
			return -1
		}
		return r
	}, s)
}

// ContainsAny reports whether s, normalized, contains one of markers.
func ContainsAny(s string, markers []string) bool {
	n := Normalize(s)
	for _, m := range markers {
		if strings.Contains(n, m) {
			return true
		}
	}
	return false
}

// IsContextKey reports whether s names a context key that authentication
// middleware stores the user under: it contains a KeyMarkers word or is
// one of KeyNames.
func IsContextKey(s string) bool {
	return ContainsAny(s, KeyMarkers) || slices.Contains(KeyNames, Normalize(s))
}

// Words splits an identifier (or any name) into lower-case words:
// "UserFromContext" → user, from, context; "JWTClaims" → jwt, claims;
// "X-User-Id" → x, user, id.
func Words(s string) []string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return unicodeWords(s)
		}
	}
	// ASCII, most names: the same splits without runes or a slice per part
	// (Words was 3% of a JS/TS scan's CPU).
	var out []string
	start := -1 // of the word being read
	for i := 0; i <= len(s); i++ {
		switch {
		case i == len(s) || !isAlnum(s[i]):
			if start >= 0 {
				out = append(out, strings.ToLower(s[start:i]))
				start = -1
			}
		case start < 0:
			start = i
		case isUpper(s[i]) && (isLower(s[i-1]) || i+1 < len(s) && isLower(s[i+1])):
			out = append(out, strings.ToLower(s[start:i]))
			start = i
		}
	}
	return out
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isAlnum(c byte) bool { return isUpper(c) || isLower(c) || '0' <= c && c <= '9' }

// unicodeWords is Words for any name.
func unicodeWords(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		out = append(out, splitWords(part)...)
	}
	return out
}

// splitWords splits one identifier at case changes and underscores.
func splitWords(s string) []string {
	var words []string
	rs := []rune(s)
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '_' ||
			(unicode.IsUpper(rs[i]) && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1])))) {
			if w := strings.Trim(string(rs[start:i]), "_"); w != "" {
				words = append(words, strings.ToLower(w))
			}
			start = i
		}
	}
	return words
}
