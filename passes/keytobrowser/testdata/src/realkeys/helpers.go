package realkeys

import (
	"net/http"

	"realkeys/response"
	"realkeys/web"

	"github.com/go-chi/render"
)

// HTTPConfig is loaded from the environment (shiori's config.HttpConfig).
type HTTPConfig struct {
	Port      int    `env:"HTTP_PORT"`
	SecretKey []byte `env:"HTTP_SECRET_KEY"`
}

// Response helpers of another package of the project are sinks.
func systemInfo(cfg *HTTPConfig, c web.Context) {
	response.SendJSON(c, http.StatusOK, map[string]any{"port": cfg.Port})
	response.SendJSON(c, http.StatusOK, map[string]any{"secret": string(cfg.SecretKey)}) // want `API key from config field HTTPConfig\.SecretKey is written to the HTTP response by response\.SendJSON`
}

func writeInfo(cfg *HTTPConfig, w http.ResponseWriter) {
	response.WriteJSON(w, cfg) // want `by response\.WriteJSON`
	response.SetAuthCookie(w, cfg.SecretKey)
}

func renderKey(cfg *HTTPConfig, w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, map[string]string{"k": string(cfg.SecretKey)}) // want `by render\.JSON`
}
