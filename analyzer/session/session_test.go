package session

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestIsGetterName(t *testing.T) {
	for name, want := range map[string]bool{
		"UserFromContext":  true,
		"currentUser":      true,
		"MustGetClaims":    true,
		"JWTClaims":        true,
		"GetSession":       true,
		"getSession":       true,
		"Authenticate":     true,
		"me":               true,
		"auth":             true,
		"GetMessage":       false,
		"OrdersForUser":    false,
		"Get":              false,
		"ParseForm":        false,
		"getServerSession": false, // known by name to the callers that need it
	} {
		if got := IsGetterName(name); got != want {
			t.Errorf("IsGetterName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"X-User-Id": "xuserid",
		"user_id":   "userid",
		"userID":    "userid",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string][]string{
		"UserFromContext":    {"user", "from", "context"},
		"JWTClaims":          {"jwt", "claims"},
		"X-User-Id":          {"x", "user", "id"},
		"get_server_session": {"get", "server", "session"},
	} {
		if got := Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestContainsAny(t *testing.T) {
	if !ContainsAny("X-Auth-Token", HeaderMarkers) || ContainsAny("Content-Type", HeaderMarkers) {
		t.Error("header markers misjudge X-Auth-Token or Content-Type")
	}
}

// TestWordsASCIIMatchesUnicode: the ASCII fast path splits as the general
// one does, on names drawn from letters of both cases, digits and
// separators.
func TestWordsASCIIMatchesUnicode(t *testing.T) {
	const alphabet = "aAbBzZ09_-. /xXyY"
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if s := string(b); !slices.Equal(Words(s), unicodeWords(s)) {
			t.Fatalf("Words(%q) = %q, unicodeWords = %q", s, Words(s), unicodeWords(s))
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"UserFromContext", "JWTClaims", "X-User-Id", "user2Id", "__x", "getHTTPServer", "ÉtéUser"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Words(s), unicodeWords(s); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, unicodeWords = %q", s, got, want)
		}
	})
}
