// Package simplesessions is a minimal stand-in for
// github.com/zerodha/simplesessions: a server-side session store. It is
// test data: no behaviour.
package simplesessions

import "context"

// Manager acquires sessions.
type Manager struct{}

// Session is one user's server-side session.
type Session struct{}

// Acquire loads the session of the request (r and w are the framework's
// request and response, as any).
func (m *Manager) Acquire(ctx context.Context, r, w any) (*Session, error) { return nil, nil }

// GetMulti returns session values.
func (s *Session) GetMulti(keys ...string) (map[string]any, error) { return nil, nil }

// Store converts stored values.
type Store struct{}

// Int converts a session value.
func (s *Store) Int(v any, err error) (int, error) { return 0, nil }
