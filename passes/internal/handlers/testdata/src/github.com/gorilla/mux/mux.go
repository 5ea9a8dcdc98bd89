// Package mux is a minimal stand-in for github.com/gorilla/mux with the
// signatures dypailint's fixtures use. It is test data: no behaviour.
package mux

import "net/http"

// MiddlewareFunc wraps a handler.
type MiddlewareFunc func(http.Handler) http.Handler

// Router is gorilla's router.
type Router struct{}

// NewRouter returns a new Router.
func NewRouter() *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (r *Router) Handle(path string, handler http.Handler) *Route    { return &Route{} }
func (r *Router) HandleFunc(path string, f func(http.ResponseWriter, *http.Request)) *Route {
	return &Route{}
}
func (r *Router) PathPrefix(tpl string) *Route     { return &Route{} }
func (r *Router) Methods(methods ...string) *Route { return &Route{} }
func (r *Router) Use(mwf ...MiddlewareFunc)        {}

// Route is a registered route.
type Route struct{}

func (r *Route) Methods(methods ...string) *Route    { return r }
func (r *Route) Subrouter() *Router                  { return &Router{} }
func (r *Route) Handler(handler http.Handler) *Route { return r }
func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route {
	return r
}

// Vars returns the route variables of the request.
func Vars(r *http.Request) map[string]string { return nil }
