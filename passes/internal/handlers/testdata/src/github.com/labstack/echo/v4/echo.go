// Package echo is a minimal stand-in for github.com/labstack/echo/v4 with the
// signatures dypailint's fixtures use. It is test data: no behaviour.
package echo

import (
	"net/http"
	"net/url"
)

// Map is a shortcut for map[string]any.
type Map map[string]any

// HandlerFunc handles a request.
type HandlerFunc func(c Context) error

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Context is the request context of an echo handler.
type Context interface {
	Request() *http.Request
	SetRequest(r *http.Request)
	Response() *Response
	Path() string
	Param(name string) string
	ParamNames() []string
	ParamValues() []string
	QueryParam(name string) string
	QueryParams() url.Values
	QueryString() string
	FormValue(name string) string
	FormParams() (url.Values, error)
	Cookie(name string) (*http.Cookie, error)
	SetCookie(cookie *http.Cookie)
	Get(key string) any
	Set(key string, val any)
	Bind(i any) error
	Validate(i any) error
	Render(code int, name string, data any) error
	HTML(code int, html string) error
	HTMLBlob(code int, b []byte) error
	String(code int, s string) error
	JSON(code int, i any) error
	JSONPretty(code int, i any, indent string) error
	JSONBlob(code int, b []byte) error
	XML(code int, i any) error
	Blob(code int, contentType string, b []byte) error
	NoContent(code int) error
	Redirect(code int, url string) error
	Error(err error)
	RealIP() string
}

// Response wraps the http.ResponseWriter.
type Response struct {
	Writer    http.ResponseWriter
	Status    int
	Size      int64
	Committed bool
}

func (r *Response) Header() http.Header               { return nil }
func (r *Response) WriteHeader(code int)              {}
func (r *Response) Write(b []byte) (n int, err error) { return 0, nil }

// Route is a registered route.
type Route struct {
	Method string
	Path   string
	Name   string
}

// Echo is the echo router.
type Echo struct{}

func New() *Echo                                                              { return &Echo{} }
func (e *Echo) Use(middleware ...MiddlewareFunc)                              {}
func (e *Echo) Pre(middleware ...MiddlewareFunc)                              {}
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Any(path string, h HandlerFunc, m ...MiddlewareFunc) []*Route  { return nil }
func (e *Echo) Add(method, path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return nil
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) *Group  { return &Group{} }
func (e *Echo) Start(address string) error                       { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

// Group is a group of routes sharing a prefix and middleware.
type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                              {}
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (g *Group) Group(prefix string, m ...MiddlewareFunc) *Group               { return g }

// WrapHandler adapts a net/http handler.
func WrapHandler(h http.Handler) HandlerFunc { return nil }
