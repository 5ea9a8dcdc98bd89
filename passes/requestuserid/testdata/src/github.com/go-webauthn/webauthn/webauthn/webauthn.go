// Package webauthn is a minimal stand-in for
// github.com/go-webauthn/webauthn/webauthn. It is test data: no behaviour.
package webauthn

import "net/http"

// SessionData is the ceremony state the client sends back.
type SessionData struct {
	Challenge string `json:"challenge"`
	UserID    []byte `json:"user_id"`
}

// User is a WebAuthn user.
type User interface{ WebAuthnID() []byte }

// Credential is a verified credential.
type Credential struct{}

// WebAuthn verifies ceremonies.
type WebAuthn struct{}

// FinishLogin verifies a login ceremony against the user.
func (w *WebAuthn) FinishLogin(user User, session SessionData, r *http.Request) (*Credential, error) {
	return nil, nil
}
