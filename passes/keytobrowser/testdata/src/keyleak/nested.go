package keyleak

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"

	"example.com/jwtlite"
)

// DypaiConfig holds the key in a field tagged with its env var.
type DypaiConfig struct {
	URL string
	Key string `env:"DYPAI_API_KEY"`
}

// AppConfig nests it.
type AppConfig struct {
	Port  int
	Dypai DypaiConfig
}

type API struct{ conf AppConfig }

func loadConf() AppConfig {
	return AppConfig{Port: 8080, Dypai: DypaiConfig{URL: os.Getenv("DYPAI_URL"), Key: os.Getenv("DYPAI_API_KEY")}}
}

func NewAPI() *API { return &API{conf: loadConf()} }

func (a *API) handleInfo(w http.ResponseWriter, r *http.Request) {
	fmt.Fprint(w, a.conf.Dypai.URL, a.conf.Port)
	json.NewEncoder(w).Encode(a.conf.Dypai) // want `API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by json\.Encoder\.Encode`
	json.NewEncoder(w).Encode(a.conf)       // want `API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by json\.Encoder\.Encode`
}

// Signing with a secret does not send the secret.
func (a *API) handleLogin(w http.ResponseWriter, r *http.Request) {
	tok, _ := jwtlite.Sign(map[string]any{"sub": "u1"}, []byte(os.Getenv("JWT_SECRET")))
	json.NewEncoder(w).Encode(map[string]string{"token": tok})

	mac := hmac.New(sha256.New, []byte(os.Getenv("SESSION_SECRET")))
	mac.Write([]byte("u1"))
	fmt.Fprintf(w, "%x", mac.Sum(nil))
}

// Transformations keep the key.
func (a *API) handleUpper(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(strings.ToUpper(a.conf.Dypai.Key))) // want `API key from os\.Getenv\("DYPAI_API_KEY"\) is written to the HTTP response by http\.ResponseWriter\.Write`
}

// Without the env read in this package, the field's tag names the key.
type RemoteConfig struct {
	Endpoint string
	Secret   string `envconfig:"ERP_CLIENT_SECRET"`
}

func remote(rc *RemoteConfig) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rc.Endpoint)
		json.NewEncoder(w).Encode(rc) // want `API key from config field RemoteConfig\.Secret is written to the HTTP response by json\.Encoder\.Encode`
	}
}
