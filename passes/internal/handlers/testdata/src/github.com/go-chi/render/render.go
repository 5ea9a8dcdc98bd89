// Package render is a minimal stand-in for github.com/go-chi/render with
// the signatures dypailint's fixtures use. It is test data: no behaviour.
package render

import (
	"io"
	"net/http"
)

// Renderer prepares a response.
type Renderer interface {
	Render(w http.ResponseWriter, r *http.Request) error
}

// Binder prepares a decoded request.
type Binder interface {
	Bind(r *http.Request) error
}

func JSON(w http.ResponseWriter, r *http.Request, v interface{})            {}
func XML(w http.ResponseWriter, r *http.Request, v interface{})             {}
func HTML(w http.ResponseWriter, r *http.Request, v string)                 {}
func PlainText(w http.ResponseWriter, r *http.Request, v string)            {}
func Data(w http.ResponseWriter, r *http.Request, v []byte)                 {}
func Respond(w http.ResponseWriter, r *http.Request, v interface{})         {}
func Render(w http.ResponseWriter, r *http.Request, v Renderer) error       { return nil }
func RenderList(w http.ResponseWriter, r *http.Request, l []Renderer) error { return nil }
func Bind(r *http.Request, v Binder) error                                  { return nil }
func Decode(r *http.Request, v interface{}) error                           { return nil }
func DecodeJSON(r io.Reader, v interface{}) error                           { return nil }
