package httpapi

import (
	"net/http"
	"time"

	"example.com/acme/sdk/dypai"
)

// handleSyncNow serves POST /api/erp/sync, the "sync now" button of the
// ops page.
func (s *Server) handleSyncNow(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearerToken(r)
	if !ok {
		unauthorized(w)
		return
	}
	c := dypai.NewClient(s.dypaiURL, dypai.WithAccessToken(tok))
	since := time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
	// DYP001 (next line): a suppression without a reason is reported and suppresses nothing.
	//dypai:ignore DYP405
	resp, err := c.API.Post(r.Context(), "sync_erp_orders", map[string]any{"since": since}) // DYP405: user client calls an api_key endpoint
	relay(w, resp, err)
}
