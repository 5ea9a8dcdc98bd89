// Package gin is a minimal fake of github.com/gin-gonic/gin for fixtures.
package gin

import "net/http"

// Context is a request's context.
type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

func (c *Context) GetHeader(key string) string              { return c.Request.Header.Get(key) }
func (c *Context) Cookie(name string) (string, error)       { return "", nil }
func (c *Context) Query(key string) string                  { return "" }
func (c *Context) JSON(code int, obj any)                   {}
func (c *Context) Get(key string) (value any, ok bool)      { return nil, false }
func (c *Context) Param(key string) string                  { return "" }
func (c *Context) BindJSON(obj any) error                   { return nil }
func (c *Context) String(code int, format string, a ...any) {}

// HandlerFunc handles a request.
type HandlerFunc func(*Context)

// Engine routes requests.
type Engine struct{}

func Default() *Engine                               { return &Engine{} }
func (e *Engine) GET(path string, h ...HandlerFunc)  {}
func (e *Engine) POST(path string, h ...HandlerFunc) {}
func (e *Engine) Run(addr ...string) error           { return nil }
