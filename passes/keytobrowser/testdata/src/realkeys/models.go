// Package realkeys holds the shapes of real Go services that DYP104 got
// wrong: keys that belong to the user, keys that are public by design.
package realkeys

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"time"
)

// A stored record with a key field (gorm tags): a key the user created
// and owns, shown back to them. Not the server's key.
type User struct {
	ID     int64  `json:"id" gorm:"primaryKey"`
	Email  string `json:"email"`
	APIKey string `json:"api_key" gorm:"column:api_key;uniqueIndex"`
}

// A record without persistence tags (sqlc generates json tags only): its
// ID and timestamps make it a record.
type ApiToken struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`
	ApiKey    string    `json:"api_key"`
	CreatedAt time.Time `json:"created_at"`
}

// A response type for the "create API key" endpoint.
type CreateKeyResponse struct {
	APIKey string `json:"api_key"`
}

func newKey() string {
	b := make([]byte, 32)
	rand.Read(b)
	return "sk_" + hex.EncodeToString(b)
}

func createAPIKey(w http.ResponseWriter, r *http.Request) {
	u := &User{ID: 1, Email: "a@b.c", APIKey: newKey()}
	json.NewEncoder(w).Encode(u)
	json.NewEncoder(w).Encode(CreateKeyResponse{APIKey: u.APIKey})
	w.Write([]byte(u.APIKey))
}

func listTokens(w http.ResponseWriter, r *http.Request, tokens []ApiToken) {
	for _, t := range tokens {
		w.Write([]byte(t.ApiKey))
	}
	json.NewEncoder(w).Encode(tokens)
}

// The server's configuration is still the server's key.
type Config struct {
	StripeSecretKey string `json:"stripe_secret_key"`
	PublicURL       string `json:"public_url"`
	// Never encoded: json:"-".
	OpenAIAPIKey string `json:"-"`
}

func settings(cfg *Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(cfg) // want `API key from config field Config\.StripeSecretKey is written to the HTTP response`
	}
}

// Only the OpenAI key is a secret here, and JSON never encodes it.
type AIConfig struct {
	Model        string `json:"model"`
	OpenAIAPIKey string `json:"-"`
	apiKey       string
}

func aiSettings(cfg AIConfig) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		json.NewEncoder(w).Encode(cfg)
		w.Write([]byte(cfg.apiKey)) // want `API key from config field AIConfig\.apiKey is written to the HTTP response`
	}
}

// Keys that are public by design, and names that describe a key.
func publicKeys(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{
		"stripe":   os.Getenv("STRIPE_PUBLISHABLE_KEY"),
		"public":   os.Getenv("STRIPE_PUBLIC_API_KEY"),
		"firebase": os.Getenv("NEXT_PUBLIC_FIREBASE_API_KEY"),
		"header":   os.Getenv("API_KEY_HEADER"),
		"keyID":    os.Getenv("DYPAI_API_KEY_ID"),
		"site":     os.Getenv("RECAPTCHA_SITE_KEY"),
	})
}

func secretKeys(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"k": os.Getenv("STRIPE_SECRET_KEY")}) // want `API key from os\.Getenv\("STRIPE_SECRET_KEY"\)`
}

// A key the user sends (testing their own provider key) is theirs: echoing
// it back is not the server's key leaking.
type ProviderSettings struct {
	Provider string `json:"provider"`
	APIKey   string `json:"api_key"`
}

func testProvider(w http.ResponseWriter, r *http.Request) {
	var s ProviderSettings
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil {
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"ok": true, "settings": s, "key": s.APIKey})
}
