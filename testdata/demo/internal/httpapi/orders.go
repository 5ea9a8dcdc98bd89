package httpapi

import (
	"encoding/json"
	"net/http"

	"example.com/acme/internal/shopapi"
	"example.com/acme/sdk/dypai"
)

type orderItem struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

type orderRequest struct {
	Items []orderItem `json:"items"`
	Note  string      `json:"note"`
}

// handleCreateOrder serves POST /api/orders. It forwards the user's token:
// create_order is a jwt endpoint, so the engine knows who is ordering.
func (s *Server) handleCreateOrder(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearerToken(r)
	if !ok {
		unauthorized(w)
		return
	}
	var req orderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad order", http.StatusBadRequest)
		return
	}
	c := dypai.NewClient(s.dypaiURL, dypai.WithAccessToken(tok))
	resp, err := c.API.Post(r.Context(), "create_order", req)
	relay(w, resp, err)
}

// handleReorder serves POST /api/orders/reorder ("buy these again").
func (s *Server) handleReorder(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearerToken(r)
	if !ok {
		unauthorized(w)
		return
	}
	var req orderRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad order", http.StatusBadRequest)
		return
	}
	uid, err := whoAmI(r.Context(), dypai.NewClient(s.dypaiURL, dypai.WithAccessToken(tok)))
	if err != nil {
		unauthorized(w)
		return
	}
	admin := shopapi.NewAdminClient()
	resp, err := admin.API.Post(r.Context(), "create_order", map[string]any{"user_id": uid, "items": req.Items, "note": req.Note}) // DYP301: API key used for the signed-in user's order
	relay(w, resp, err)
}

// handleListOrders serves GET /api/orders: the signed-in user's orders.
func (s *Server) handleListOrders(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearerToken(r)
	if !ok {
		unauthorized(w)
		return
	}
	c := dypai.NewClient(s.dypaiURL, dypai.WithAccessToken(tok))
	uid, err := whoAmI(r.Context(), c)
	if err != nil {
		unauthorized(w)
		return
	}
	resp, err := c.API.Get(r.Context(), "list_orders", map[string]any{"user_id": uid}) // DYP201: list_orders knows the caller already
	relay(w, resp, err)
}
