package handlersfix

import (
	"net/http"

	"github.com/gorilla/mux"
)

func muxOrder(w http.ResponseWriter, r *http.Request) { // want `gorilla/mux handler muxOrder; routes: /orders/\{id\}`
	_ = mux.Vars(r)["id"]
}

func muxSub(w http.ResponseWriter, r *http.Request) {} // want `gorilla/mux handler muxSub; routes: \?$`

func routesMux() {
	r := mux.NewRouter()
	r.HandleFunc("/orders/{id}", muxOrder).Methods("GET")
	r.PathPrefix("/api").Subrouter().Methods("GET").HandlerFunc(muxSub)
}
