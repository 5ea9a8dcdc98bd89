// Package jwtlite stands in for a JWT library: it signs with a key and
// returns a token, not the key.
package jwtlite

// Sign returns a token for claims signed with key.
func Sign(claims map[string]any, key []byte) (string, error) { return "", nil }
