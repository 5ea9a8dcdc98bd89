// Package fiber is a minimal stand-in for github.com/gofiber/fiber/v3 with
// the signatures dypailint's fixtures use: v3's handler context is an
// interface, bodies bind through c.Bind(), and generic functions read
// typed inputs. It is test data: no behaviour.
package fiber

import "context"

// Map is a shortcut for map[string]any.
type Map map[string]any

// Handler handles a request.
type Handler = func(Ctx) error

// GenericType are the types the generic readers convert to.
type GenericType interface {
	~int | ~int64 | ~uint | ~string | ~bool | ~float64
}

// Ctx is the request context of a fiber v3 handler.
type Ctx interface {
	Context() context.Context
	Next() error
	Get(key string, defaultValue ...string) string
	GetReqHeaders() map[string][]string
	Bind() *Bind
	Body() []byte
	Cookies(key string, defaultValue ...string) string
	FormValue(key string, defaultValue ...string) string
	Locals(key any, value ...any) any
	Params(key string, defaultValue ...string) string
	Query(key string, defaultValue ...string) string
	JSON(data any, ctype ...string) error
	SendString(body string) error
	Send(body []byte) error
	Render(name string, bind any, layouts ...string) error
	Status(status int) Ctx
	SendStatus(status int) error
}

// Bind binds request data into values.
type Bind struct{}

func (b *Bind) Body(out any) error   { return nil }
func (b *Bind) JSON(out any) error   { return nil }
func (b *Bind) Query(out any) error  { return nil }
func (b *Bind) URI(out any) error    { return nil }
func (b *Bind) Header(out any) error { return nil }
func (b *Bind) Form(out any) error   { return nil }
func (b *Bind) All(out any) error    { return nil }

// Params returns a path parameter converted to V.
func Params[V GenericType](c Ctx, key string, defaultValue ...V) V {
	var v V
	return v
}

// Query returns a query parameter converted to V.
func Query[V GenericType](c Ctx, key string, defaultValue ...V) V {
	var v V
	return v
}

// GetReqHeader returns a request header converted to V.
func GetReqHeader[V GenericType](c Ctx, key string, defaultValue ...V) V {
	var v V
	return v
}

// Locals returns a value middleware stored for the request.
func Locals[V any](c Ctx, key any, value ...V) V {
	var v V
	return v
}

// Router registers routes.
type Router interface {
	Use(args ...any) Router
	Get(path string, handler any, handlers ...any) Router
	Post(path string, handler any, handlers ...any) Router
	Group(prefix string, handlers ...any) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

// App is a fiber application.
type App struct{}

// New returns an App.
func New() *App { return &App{} }

func (app *App) Use(args ...any) Router                                { return nil }
func (app *App) Get(path string, handler any, handlers ...any) Router  { return nil }
func (app *App) Post(path string, handler any, handlers ...any) Router { return nil }
func (app *App) Group(prefix string, handlers ...any) Router           { return nil }
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router {
	return nil
}
