// Package routegroup is a minimal stand-in for github.com/go-pkgz/routegroup
// (a router the framework tables do not know) with the signatures
// dypailint's fixtures use. It is test data: no behaviour.
package routegroup

import "net/http"

// Bundle is a group of routes sharing middleware.
type Bundle struct{}

// New returns a bundle on a mux.
func New(mux *http.ServeMux) *Bundle { return &Bundle{} }

func (b *Bundle) Use(mw func(http.Handler) http.Handler, more ...func(http.Handler) http.Handler) {}
func (b *Bundle) With(mw func(http.Handler) http.Handler, more ...func(http.Handler) http.Handler) *Bundle {
	return b
}
func (b *Bundle) Group() *Bundle                                      { return b }
func (b *Bundle) Mount(basePath string) *Bundle                       { return b }
func (b *Bundle) Route(configureFn func(*Bundle))                     {}
func (b *Bundle) Handle(pattern string, handler http.Handler)         {}
func (b *Bundle) HandleFunc(pattern string, handler http.HandlerFunc) {}
func (b *Bundle) ServeHTTP(w http.ResponseWriter, r *http.Request)    {}
