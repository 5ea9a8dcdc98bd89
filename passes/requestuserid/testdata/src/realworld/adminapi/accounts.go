// Package adminapi is mounted behind role middleware by the package that
// imports it (dhax/go-base's api/admin): its handlers act on other users.
package adminapi

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
)

type store interface{ Delete(id int) error }

type Resource struct{ Store store }

func (rs *Resource) delete(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(chi.URLParam(r, "userID"))
	rs.Store.Delete(id)
}

func (rs *Resource) Router() *chi.Mux {
	r := chi.NewRouter()
	r.Delete("/{userID}", rs.delete)
	return r
}
