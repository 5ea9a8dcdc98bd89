package httpapi

import (
	"encoding/json"
	"net/http"
	"os"
)

// browserConfig is what the browser app loads at start-up.
type browserConfig struct {
	DypaiURL string `json:"dypaiUrl"`
	APIKey   string `json:"apiKey"`
}

// handleConfig serves GET /api/config.
func (s *Server) handleConfig(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(browserConfig{DypaiURL: s.dypaiURL, APIKey: os.Getenv("DYPAI_API_KEY")}) // DYP104: the API key is sent to every browser
}
