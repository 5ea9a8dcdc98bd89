// Package api is the shop's HTTP API: every handler serves a signed-in user,
// whose access token it reads from the Authorization header.
package api

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"strings"

	"example.com/shop/internal/dypaiclient"
	"example.com/shop/sdk/dypai"
)

// Routes returns the API's handler.
func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/orders", listOrders)
	mux.HandleFunc("POST /api/orders", createOrder)
	mux.HandleFunc("POST /api/orders/reorder", reorder)
	mux.HandleFunc("GET /api/name", name)
	mux.HandleFunc("GET /api/config", config)
	return mux
}

func bearer(r *http.Request) (string, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return tok, ok && tok != ""
}

// whoAmI asks the engine who the caller is.
func whoAmI(ctx context.Context, c *dypai.Client) (string, error) {
	resp, err := c.API.Get(ctx, "get_profile", nil)
	if err != nil {
		return "", err
	}
	var p struct{ ID string }
	err = json.Unmarshal(resp.Body, &p)
	return p.ID, err
}

func relay(w http.ResponseWriter, resp *dypai.Response, err error) {
	if err != nil {
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	w.WriteHeader(resp.Status)
	w.Write(resp.Body)
}

// createOrder forwards the user's token: silent.
func createOrder(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearer(r)
	if !ok {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	c := dypaiclient.NewUserClient(tok)
	resp, err := c.API.Post(r.Context(), "create_order", map[string]any{"items": r.FormValue("items")})
	relay(w, resp, err)
}

// listOrders sends the caller's id by hand on a user call.
func listOrders(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearer(r)
	if !ok {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	c := dypaiclient.NewUserClient(tok)
	uid, err := whoAmI(r.Context(), c)
	if err != nil {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	resp, err := c.API.Get(r.Context(), "list_orders", map[string]any{"user_id": uid}) // want DYP201
	relay(w, resp, err)
}

// reorder uses the API key for the signed-in user's order.
func reorder(w http.ResponseWriter, r *http.Request) {
	if _, ok := bearer(r); !ok {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	admin := dypaiclient.NewAdminClient()
	resp, err := admin.API.Post(r.Context(), "create_order", map[string]any{"items": r.FormValue("items")}) // want DYP301
	relay(w, resp, err)
}

// name calls an endpoint dypai.yaml does not declare.
func name(w http.ResponseWriter, r *http.Request) {
	tok, _ := bearer(r)
	resp, err := dypaiclient.NewUserClient(tok).API.Get(r.Context(), "get_profil", nil) // want DYP404
	relay(w, resp, err)
}

// config sends the API key to the browser.
func config(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"url": os.Getenv("DYPAI_URL"), "key": os.Getenv("DYPAI_API_KEY")}) // want DYP104
}
