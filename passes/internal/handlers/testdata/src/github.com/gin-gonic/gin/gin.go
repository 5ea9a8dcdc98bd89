// Package gin is a minimal stand-in for github.com/gin-gonic/gin with the
// signatures dypailint's fixtures use. It is test data: no behaviour.
package gin

import (
	"net/http"
	"net/url"
)

// H is a shortcut for map[string]any.
type H map[string]any

// HandlerFunc is a gin handler or middleware.
type HandlerFunc func(*Context)

// HandlersChain is a list of handlers.
type HandlersChain []HandlerFunc

// Param is a URL parameter.
type Param struct {
	Key   string
	Value string
}

// Params is the list of URL parameters.
type Params []Param

// Get returns the value of the first parameter with the given name.
func (ps Params) Get(name string) (string, bool) { return "", false }

// ByName returns the value of the first parameter with the given name.
func (ps Params) ByName(name string) string { return "" }

// ResponseWriter is gin's response writer.
type ResponseWriter interface {
	http.ResponseWriter
	Status() int
	Size() int
	WriteString(string) (int, error)
	Written() bool
	WriteHeaderNow()
}

// Context is the request context of a gin handler.
type Context struct {
	Request *http.Request
	Writer  ResponseWriter
	Params  Params
	Keys    map[string]any
}

func (c *Context) Next()                                     {}
func (c *Context) Abort()                                    {}
func (c *Context) AbortWithStatus(code int)                  {}
func (c *Context) AbortWithStatusJSON(code int, jsonObj any) {}
func (c *Context) Status(code int)                           {}
func (c *Context) Header(key, value string)                  {}

func (c *Context) Set(key string, value any)               {}
func (c *Context) Get(key string) (value any, exists bool) { return nil, false }
func (c *Context) MustGet(key string) any                  { return nil }
func (c *Context) GetString(key string) string             { return "" }
func (c *Context) GetInt64(key string) int64               { return 0 }

func (c *Context) Param(key string) string                         { return "" }
func (c *Context) Query(key string) string                         { return "" }
func (c *Context) DefaultQuery(key, defaultValue string) string    { return "" }
func (c *Context) GetQuery(key string) (string, bool)              { return "", false }
func (c *Context) QueryArray(key string) []string                  { return nil }
func (c *Context) QueryMap(key string) map[string]string           { return nil }
func (c *Context) PostForm(key string) string                      { return "" }
func (c *Context) DefaultPostForm(key, defaultValue string) string { return "" }
func (c *Context) GetPostForm(key string) (string, bool)           { return "", false }
func (c *Context) GetHeader(key string) string                     { return "" }
func (c *Context) Cookie(name string) (string, error)              { return "", nil }
func (c *Context) GetRawData() ([]byte, error)                     { return nil, nil }
func (c *Context) ClientIP() string                                { return "" }
func (c *Context) FullPath() string                                { return "" }

func (c *Context) Bind(obj any) error            { return nil }
func (c *Context) BindJSON(obj any) error        { return nil }
func (c *Context) BindQuery(obj any) error       { return nil }
func (c *Context) BindUri(obj any) error         { return nil }
func (c *Context) ShouldBind(obj any) error      { return nil }
func (c *Context) ShouldBindJSON(obj any) error  { return nil }
func (c *Context) ShouldBindQuery(obj any) error { return nil }
func (c *Context) ShouldBindUri(obj any) error   { return nil }

func (c *Context) JSON(code int, obj any)                         {}
func (c *Context) IndentedJSON(code int, obj any)                 {}
func (c *Context) PureJSON(code int, obj any)                     {}
func (c *Context) SecureJSON(code int, obj any)                   {}
func (c *Context) JSONP(code int, obj any)                        {}
func (c *Context) XML(code int, obj any)                          {}
func (c *Context) YAML(code int, obj any)                         {}
func (c *Context) HTML(code int, name string, obj any)            {}
func (c *Context) String(code int, format string, values ...any)  {}
func (c *Context) Data(code int, contentType string, data []byte) {}
func (c *Context) Redirect(code int, location string)             {}
func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
}

// Value implements context.Context.
func (c *Context) Value(key any) any { return nil }

// IRoutes is the route registration interface.
type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
}

// RouterGroup registers routes under a prefix.
type RouterGroup struct {
	Handlers HandlersChain
}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return group
}
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes   { return group }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes  { return group }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes    { return group }

// Engine is the gin router.
type Engine struct {
	RouterGroup
}

func New() *Engine                                                        { return &Engine{} }
func Default() *Engine                                                    { return &Engine{} }
func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes              { return engine }
func (engine *Engine) Run(addr ...string) error                           { return nil }
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

// WrapF adapts a net/http handler function.
func WrapF(f http.HandlerFunc) HandlerFunc { return nil }

// WrapH adapts a net/http handler.
func WrapH(h http.Handler) HandlerFunc { return nil }

var _ = url.Values{}
