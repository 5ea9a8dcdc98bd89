package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// Orders serves a signed-in user: it reads the Authorization header.
func Orders(w http.ResponseWriter, r *http.Request) {
	token := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	_ = token
	admin.API.Post(r.Context(), "sync_erp_orders", nil)                           // want `user-scoped call of "sync_erp_orders" with API-key client admin: it runs in Orders, a handler serving a signed-in user \(it reads the "Authorization" header\); forward the signed-in user's JWT with a user client instead`
	user.API.Post(r.Context(), "create_order", nil)                               // fine
	admin.API.Post(r.Context(), "create_order", map[string]any{"user_id": token}) // want `user-scoped call of "create_order" with API-key client admin: dypai.yaml declares "create_order" jwt, it sends the user's identity \("user_id"\), and it runs in Orders`
}

// Webhook has no user: the API key is right here.
func Webhook(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Signature") == "" {
		return
	}
	admin.API.Post(r.Context(), "sync_erp_orders", nil)
}

// GinOrders reads the session cookie.
func GinOrders(c *gin.Context) {
	if _, err := c.Cookie("session"); err != nil {
		return
	}
	admin.API.Post(c.Request.Context(), "send_digest", nil) // want `it runs in GinOrders, a handler serving a signed-in user \(it reads the "session" cookie\)`
}

// GinHealth does not.
func GinHealth(c *gin.Context) {
	admin.API.Get(c.Request.Context(), "send_digest", nil)
}

// Digest reads nothing itself, but only signed-in users reach it.
func Digest(w http.ResponseWriter, r *http.Request) {
	admin.API.Post(r.Context(), "send_digest", nil) // want `it runs in Digest, a handler serving a signed-in user \(it is registered behind requireAuth\)`
}

func requireAuth(next http.Handler) http.Handler { return next }

func routes(mux *http.ServeMux) {
	mux.Handle("/digest", requireAuth(http.HandlerFunc(Digest)))
	mux.HandleFunc("/me", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			return
		}
		go func() {
			admin.API.Post(r.Context(), "send_digest", nil) // want `it runs in function literal, a handler serving a signed-in user \(it reads the "Authorization" header\)`
		}()
	})
}
