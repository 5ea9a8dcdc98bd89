// Package httprouter is a minimal stand-in for
// github.com/julienschmidt/httprouter with the signatures dypailint's
// fixtures use. It is test data: no behaviour.
package httprouter

import "net/http"

// Param is a URL parameter.
type Param struct{ Key, Value string }

// Params are the URL parameters of a route.
type Params []Param

// ByName returns the value of the parameter named name.
func (ps Params) ByName(name string) string { return "" }

// Handle is a request handler with path parameters.
type Handle func(http.ResponseWriter, *http.Request, Params)

// Router is httprouter's router.
type Router struct{}

// New returns a router.
func New() *Router { return &Router{} }

func (r *Router) GET(path string, handle Handle)                     {}
func (r *Router) POST(path string, handle Handle)                    {}
func (r *Router) Handler(method, path string, handler http.Handler)  {}
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
