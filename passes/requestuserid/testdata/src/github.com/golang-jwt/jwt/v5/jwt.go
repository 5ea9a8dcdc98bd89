// Package jwt is a minimal stand-in for github.com/golang-jwt/jwt/v5. It is
// test data: no behaviour.
package jwt

// Claims are a token's claims.
type Claims interface{ GetSubject() (string, error) }

// MapClaims are claims in a map.
type MapClaims map[string]any

func (m MapClaims) GetSubject() (string, error) { return "", nil }

// RegisteredClaims are the standard claims.
type RegisteredClaims struct{ Subject string }

func (c RegisteredClaims) GetSubject() (string, error) { return c.Subject, nil }

// Token is a parsed token.
type Token struct {
	Claims Claims
	Valid  bool
}

// Keyfunc returns the verification key.
type Keyfunc func(*Token) (any, error)

// Parse parses and verifies a token.
func Parse(tokenString string, keyFunc Keyfunc) (*Token, error) { return nil, nil }

// ParseWithClaims parses a token into claims.
func ParseWithClaims(tokenString string, claims Claims, keyFunc Keyfunc) (*Token, error) {
	return nil, nil
}

// SigningMethod signs tokens.
type SigningMethod interface{ Alg() string }

// SigningMethodHS256 is HMAC-SHA256.
var SigningMethodHS256 SigningMethod

// NewWithClaims makes a token to sign.
func NewWithClaims(method SigningMethod, claims Claims) *Token { return &Token{Claims: claims} }

// SignedString signs the token.
func (t *Token) SignedString(key any) (string, error) { return "", nil }
