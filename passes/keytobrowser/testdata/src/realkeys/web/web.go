// Package web is a project's own request context (as shiori's
// model.WebContext).
package web

import "net/http"

// Context is the request context.
type Context interface {
	Request() *http.Request
	ResponseWriter() http.ResponseWriter
}
