// Package bcrypt is a minimal stand-in for golang.org/x/crypto/bcrypt. It
// is test data: no behaviour.
package bcrypt

// DefaultCost is the default cost.
const DefaultCost = 10

// GenerateFromPassword hashes a password.
func GenerateFromPassword(password []byte, cost int) ([]byte, error) { return nil, nil }

// CompareHashAndPassword compares a hash with a password.
func CompareHashAndPassword(hashedPassword, password []byte) error { return nil }
