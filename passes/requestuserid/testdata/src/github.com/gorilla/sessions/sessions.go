// Package sessions is a minimal stand-in for github.com/gorilla/sessions.
// It is test data: no behaviour.
package sessions

import "net/http"

// Session holds a user's session values.
type Session struct{ Values map[any]any }

// CookieStore stores sessions in cookies.
type CookieStore struct{}

// Get returns the named session of the request.
func (s *CookieStore) Get(r *http.Request, name string) (*Session, error) { return nil, nil }
