// Package httpapi is the shop's HTTP API. The browser app talks to it with
// the signed-in user's access token; it talks to DYPAI.
package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"example.com/acme/sdk/dypai"
)

// Server serves the shop's HTTP API.
type Server struct {
	dypaiURL string
}

// New returns a Server for the DYPAI project at dypaiURL.
func New(dypaiURL string) *Server {
	return &Server{dypaiURL: dypaiURL}
}

// Routes returns the server's handler.
func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/config", s.handleConfig)
	mux.HandleFunc("GET /api/profile", s.handleProfile)
	mux.HandleFunc("GET /api/profile/name", s.handleProfileName)
	mux.HandleFunc("GET /api/orders", s.handleListOrders)
	mux.HandleFunc("POST /api/orders", s.handleCreateOrder)
	mux.HandleFunc("POST /api/orders/reorder", s.handleReorder)
	mux.HandleFunc("POST /api/erp/sync", s.handleSyncNow)
	mux.HandleFunc("DELETE /api/admin/users", s.handleDeleteUser)
	return mux
}

// bearerToken returns the access token of the request's Authorization header.
func bearerToken(r *http.Request) (string, bool) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return tok, ok && tok != ""
}

// whoAmI returns the signed-in user's id as the engine sees it: get_profile
// runs with the caller's verified session.
func whoAmI(ctx context.Context, c *dypai.Client) (string, error) {
	resp, err := c.API.Get(ctx, "get_profile", nil)
	if err != nil {
		return "", err
	}
	var p struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(resp.Body, &p); err != nil {
		return "", err
	}
	return p.ID, nil
}

// relay writes an endpoint's response, or its error, to w.
func relay(w http.ResponseWriter, resp *dypai.Response, err error) {
	if err != nil {
		http.Error(w, "upstream error", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.Status)
	_, _ = w.Write(resp.Body)
}

func unauthorized(w http.ResponseWriter) {
	http.Error(w, "sign in first", http.StatusUnauthorized)
}
