// Package api is in a module whose name mentions administrators
// (flipped-aurora/gin-vue-admin): its handlers are not admin handlers for
// it.
package api

import (
	"context"
	"net/http"
)

type ordersStore interface {
	OrdersFor(ctx context.Context, userID string) ([]string, error)
}

var store ordersStore

func orders(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id") // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	store.OrdersFor(r.Context(), uid)
}

func Routes(m *http.ServeMux) {
	m.HandleFunc("/orders", orders)
	m.HandleFunc("/orders/inline", func(w http.ResponseWriter, r *http.Request) {
		store.OrdersFor(r.Context(), r.URL.Query().Get("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	})
}
