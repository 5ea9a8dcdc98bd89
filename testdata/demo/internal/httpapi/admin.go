package httpapi

import (
	"net/http"

	"example.com/acme/sdk/dypai"
)

// handleDeleteUser serves DELETE /api/admin/users?user_id=…. Taking the
// target user from the query is right here: delete_user declares
// allowed_roles [admin], so the engine lets only admins call it, and they
// act on other users.
func (s *Server) handleDeleteUser(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearerToken(r)
	if !ok {
		unauthorized(w)
		return
	}
	c := dypai.NewClient(s.dypaiURL, dypai.WithAccessToken(tok))
	resp, err := c.API.Delete(r.Context(), "delete_user", map[string]any{"user_id": r.URL.Query().Get("user_id")})
	relay(w, resp, err)
}
