// Package web is a project's own web framework (as in ardanlabs/service):
// handlers are not net/http handlers and routes take middleware after the
// handler.
package web

import (
	"context"
	"net/http"
)

// Encoder is a response.
type Encoder interface {
	Encode() ([]byte, string, error)
}

// HandlerFunc handles a request.
type HandlerFunc func(ctx context.Context, r *http.Request) Encoder

// MidFunc wraps a handler.
type MidFunc func(HandlerFunc) HandlerFunc

// App is the router.
type App struct{}

// HandlerFunc registers a handler for a route, behind mw.
func (a *App) HandlerFunc(method, group, path string, h HandlerFunc, mw ...MidFunc) {}
