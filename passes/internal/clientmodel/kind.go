package clientmodel

import "strings"

// Kind is the set of kinds of client a value may be. Values are tracked
// flow-insensitively, so a variable assigned both an API-key client and a
// user client has both bits; rules act only on a single definite kind
// (IsAPIKey, IsUser) or on the absence of one (PresumedUser).
type Kind uint8

const (
	// User is a user (jwt) client: constructed without a key, or with an
	// access-token option.
	User Kind = 1 << iota
	// APIKey is an API-key client.
	APIKey
	// Unknown is a value whose origin the model cannot see: a parameter of
	// an exported function, a field set by another package, a call of an
	// unknown function.
	Unknown
)

// IsAPIKey reports whether the value is certainly an API-key client.
func (k Kind) IsAPIKey() bool { return k == APIKey }

// IsUser reports whether the value is certainly a user (jwt) client.
func (k Kind) IsUser() bool { return k == User }

// MayBeAPIKey reports whether some origin of the value is an API-key client.
func (k Kind) MayBeAPIKey() bool { return k&APIKey != 0 }

// PresumedUser reports whether the value is a user client as far as the
// model can tell: no origin of it is an API-key client. API-key clients are
// the exception in application code and are constructed visibly.
func (k Kind) PresumedUser() bool { return k&APIKey == 0 }

func (k Kind) String() string {
	var parts []string
	if k&APIKey != 0 {
		parts = append(parts, "API-key")
	}
	if k&User != 0 {
		parts = append(parts, "user")
	}
	if k&Unknown != 0 {
		parts = append(parts, "unknown")
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " or ")
}

// describe renders the kind with an article for fact strings:
// "an API-key client", "a user client", "an API-key or user client".
func (k Kind) describe() string {
	s := k.String() + " client"
	if k&APIKey != 0 || (k&User == 0 && k&Unknown != 0) {
		return "an " + s
	}
	return "a " + s
}
