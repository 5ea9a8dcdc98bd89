package httpapi

import (
	"net/http"
	"net/url"

	"example.com/acme/sdk/dypai"
)

// handleProfile serves GET /api/profile?user_id=….
func (s *Server) handleProfile(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearerToken(r)
	if !ok {
		unauthorized(w)
		return
	}
	c := dypai.NewClient(s.dypaiURL, dypai.WithAccessToken(tok))
	resp, err := c.API.Get(r.Context(), "get_profile", url.Values{"id": {r.URL.Query().Get("user_id")}}) // DYP203: whose profile comes from the query, not the session
	relay(w, resp, err)
}

// handleProfileName serves GET /api/profile/name for the header bar.
func (s *Server) handleProfileName(w http.ResponseWriter, r *http.Request) {
	tok, ok := bearerToken(r)
	if !ok {
		unauthorized(w)
		return
	}
	c := dypai.NewClient(s.dypaiURL, dypai.WithAccessToken(tok))
	resp, err := c.API.Get(r.Context(), "get_profil", nil) // DYP404: typo of get_profile
	relay(w, resp, err)
}
