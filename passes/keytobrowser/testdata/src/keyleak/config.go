package keyleak

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"

	"example.com/dypai"
)

// Config is named like a key: its APIKey field is the key wherever it is read.
type Config struct {
	URL    string
	APIKey string
	// APIKeyHeader names the header; it is not a key.
	APIKeyHeader string
}

type Server struct{ cfg Config }

func (s *Server) handleConfig(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(s.cfg) // want `API key from config field Config\.APIKey is written to the HTTP response by json\.Encoder\.Encode`
}

func (s *Server) handleURL(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(map[string]string{"url": s.cfg.URL, "header": s.cfg.APIKeyHeader})
}

// Settings.Token is not named like a key, but the key is stored in it.
type Settings struct {
	Token  string
	Region string
}

func loadSettings() *Settings {
	return &Settings{Token: os.Getenv("DYPAI_API_KEY"), Region: "eu"}
}

type App struct{ settings *Settings }

func (a *App) handle(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, a.settings.Region)
	fmt.Fprint(w, a.settings.Token) // want `API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by fmt\.Fprint`
}

// EnvConfig.Key is loaded from a key-like env var by its tag.
type EnvConfig struct {
	Key    string `env:"DYPAI_API_KEY"`
	Region string `env:"REGION"`
}

func envTag(cfg EnvConfig) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(cfg.Region))
		w.Write([]byte(cfg.Key)) // want `API key from config field EnvConfig\.Key`
	}
}

// A literal key given to an API-key client is the key wherever the same
// literal appears.
const demoKey = "dyp_live_8f2c41d9e0b7a6c3"

var adminClient = dypai.CreateClient("https://api.dypai.dev", demoKey)

func literal(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "key: "+demoKey) // want `API key from literal "dyp_…" is written to the HTTP response by io\.WriteString`
}

// Whatever is passed as the key is the key.
func keyFromArg(key string) http.HandlerFunc {
	client := dypai.NewClient("https://api.dypai.dev", dypai.WithAPIKey(key))
	_ = client
	return func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, key) // want `API key from the key passed to dypai\.WithAPIKey is written to the HTTP response by fmt\.Fprint`
	}
}

// A user's access token is not the API key.
func tokenClient(token string) http.HandlerFunc {
	client := dypai.NewClient("https://api.dypai.dev", dypai.WithAccessToken(token))
	_ = client
	return func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, token)
	}
}
