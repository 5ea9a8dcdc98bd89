// Package fiber is a minimal stand-in for github.com/gofiber/fiber/v2 with
// the signatures dypailint's fixtures use. It is test data: no behaviour.
package fiber

import "context"

// Map is a shortcut for map[string]interface{}.
type Map map[string]interface{}

// Handler handles a request.
type Handler = func(*Ctx) error

// Config configures an App.
type Config struct {
	AppName string
}

// Cookie is a response cookie.
type Cookie struct {
	Name     string
	Value    string
	HTTPOnly bool
}

// Ctx is the request context of a fiber handler.
type Ctx struct{}

func (c *Ctx) Next() error                                                   { return nil }
func (c *Ctx) Method(override ...string) string                              { return "" }
func (c *Ctx) Path(override ...string) string                                { return "" }
func (c *Ctx) Params(key string, defaultValue ...string) string              { return "" }
func (c *Ctx) ParamsInt(key string, defaultValue ...int) (int, error)        { return 0, nil }
func (c *Ctx) Query(key string, defaultValue ...string) string               { return "" }
func (c *Ctx) QueryInt(key string, defaultValue ...int) int                  { return 0 }
func (c *Ctx) FormValue(key string, defaultValue ...string) string           { return "" }
func (c *Ctx) Get(key string, defaultValue ...string) string                 { return "" }
func (c *Ctx) GetReqHeaders() map[string][]string                            { return nil }
func (c *Ctx) Cookies(key string, defaultValue ...string) string             { return "" }
func (c *Ctx) Body() []byte                                                  { return nil }
func (c *Ctx) BodyParser(out interface{}) error                              { return nil }
func (c *Ctx) QueryParser(out interface{}) error                             { return nil }
func (c *Ctx) ParamsParser(out interface{}) error                            { return nil }
func (c *Ctx) ReqHeaderParser(out interface{}) error                         { return nil }
func (c *Ctx) Locals(key interface{}, value ...interface{}) interface{}      { return nil }
func (c *Ctx) UserContext() context.Context                                  { return context.Background() }
func (c *Ctx) IP() string                                                    { return "" }
func (c *Ctx) Status(status int) *Ctx                                        { return c }
func (c *Ctx) Set(key string, val string)                                    {}
func (c *Ctx) Append(field string, values ...string)                         {}
func (c *Ctx) Cookie(cookie *Cookie)                                         {}
func (c *Ctx) JSON(data interface{}, ctype ...string) error                  { return nil }
func (c *Ctx) JSONP(data interface{}, callback ...string) error              { return nil }
func (c *Ctx) XML(data interface{}) error                                    { return nil }
func (c *Ctx) Send(body []byte) error                                        { return nil }
func (c *Ctx) SendString(body string) error                                  { return nil }
func (c *Ctx) SendStatus(status int) error                                   { return nil }
func (c *Ctx) Render(name string, bind interface{}, layouts ...string) error { return nil }
func (c *Ctx) Write(p []byte) (int, error)                                   { return 0, nil }
func (c *Ctx) WriteString(s string) (int, error)                             { return 0, nil }
func (c *Ctx) Redirect(location string, status ...int) error                 { return nil }

// Router registers routes.
type Router interface {
	Use(args ...interface{}) Router
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Patch(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	All(path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
}

// App is the fiber application.
type App struct{}

// New returns an App.
func New(config ...Config) *App { return &App{} }

func (app *App) Use(args ...interface{}) Router                  { return app }
func (app *App) Get(path string, handlers ...Handler) Router     { return app }
func (app *App) Post(path string, handlers ...Handler) Router    { return app }
func (app *App) Put(path string, handlers ...Handler) Router     { return app }
func (app *App) Patch(path string, handlers ...Handler) Router   { return app }
func (app *App) Delete(path string, handlers ...Handler) Router  { return app }
func (app *App) All(path string, handlers ...Handler) Router     { return app }
func (app *App) Group(prefix string, handlers ...Handler) Router { return app }
func (app *App) Listen(addr string) error                        { return nil }
