package realkeys

import (
	"encoding/json"
	"net/http"
	"net/url"

	"realkeys/config"
)

var apiKeyHeader = "X-API-Key"

// A package variable named like a secret, of another package, is the key.
func status(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]any{
		"turnstile_site_key": config.TurnstileSiteKey,
		"server_address":     config.ServerAddress,
		"header":             apiKeyHeader,
	})
}

func leakStatus(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(config.TurnstileSecretKey)) // want `API key from variable config\.TurnstileSecretKey is written to the HTTP response by http\.ResponseWriter\.Write`
}

// Sent to the verifying service, not to the browser.
func turnstileCheck(w http.ResponseWriter, r *http.Request) {
	http.PostForm("https://challenges.cloudflare.com/turnstile/v0/siteverify", url.Values{
		"secret":   {config.TurnstileSecretKey},
		"response": {r.FormValue("cf-turnstile-response")},
	})
	w.WriteHeader(http.StatusNoContent)
}
