// Package admin serves administrators: its package path inside the
// module says so.
package admin

import (
	"context"
	"net/http"
)

type ordersStore interface {
	OrdersFor(ctx context.Context, userID string) ([]string, error)
}

var store ordersStore

func orders(w http.ResponseWriter, r *http.Request) {
	store.OrdersFor(r.Context(), r.URL.Query().Get("user_id"))
}

func Routes(m *http.ServeMux) {
	m.HandleFunc("/orders", orders)
	m.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {
		store.OrdersFor(r.Context(), r.URL.Query().Get("user_id"))
	})
}
