package handlersfix

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func chiOrder(w http.ResponseWriter, r *http.Request) { // want `chi handler chiOrder; routes: /orders/\{id\}; middleware: jwtVerifier\[auth\]$`
	_ = chi.URLParam(r, "id")
}

// chiUnregistered reads chi's path parameters: a chi handler.
func chiUnregistered(w http.ResponseWriter, r *http.Request) { // want `chi handler chiUnregistered$`
	_ = chi.URLParam(r, "id")
}

func chiAdmin(w http.ResponseWriter, r *http.Request) {} // want `chi handler chiAdmin; routes: /admin; middleware: requireRole\("admin"\), jwtVerifier\[auth\]`

func chiGrouped(w http.ResponseWriter, r *http.Request) {} // want `chi handler chiGrouped; routes: /grouped; middleware: jwtVerifier\[auth\]`

func requireRole(role string) func(http.Handler) http.Handler { return nil }

func jwtVerifier(next http.Handler) http.Handler { return next }

func routesChi() {
	r := chi.NewRouter()
	r.Use(jwtVerifier)
	r.Get("/orders/{id}", chiOrder)
	r.With(requireRole("admin")).Post("/admin", chiAdmin)
	r.Route("/v2", func(sub chi.Router) {
		sub.Use(jwtVerifier)
		sub.Get("/grouped", chiGrouped)
	})
}
