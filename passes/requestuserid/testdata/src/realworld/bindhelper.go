package realworld

import (
	"context"
	"encoding/json"
	"net/http"

	"realworld/common"

	"github.com/gin-gonic/gin"
)

// A helper of another package binds the body: its fields are request
// input; the helper's call is not a use.
type profileUpdate struct {
	UserID int    `json:"user_id"`
	Bio    string `json:"bio"`
}

func updateProfile(c *gin.Context) {
	var req profileUpdate
	if err := common.Bind(c, &req); err != nil {
		return
	}
	u, _ := store.FindOneUser(req.UserID) // want `user id from JSON body field "user_id" is passed to u\.Save`
	u.Save()
}

// A helper of the package (readJSON, as in "Let's Go").
func readJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	return json.NewDecoder(r.Body).Decode(dst)
}

func createOrder(w http.ResponseWriter, r *http.Request) {
	var in struct {
		OwnerID string   `json:"owner_id"`
		Items   []string `json:"items"`
	}
	if err := readJSON(w, r, &in); err != nil {
		return
	}
	store.OrdersFor(r.Context(), in.OwnerID) // want `user id from JSON body field "owner_id" is passed to store\.OrdersFor`
}

// Without an identity field, nothing.
func createNote(c *gin.Context) {
	var req struct{ Text string }
	if err := common.Bind(c, &req); err != nil {
		return
	}
	store.OrdersFor(c.Request.Context(), req.Text)
}

// Not bind helpers: a store given the request's context, a helper reading
// the session.
type orderRow struct {
	UserID string
	Total  int
}

type rows interface {
	ReadOrder(ctx context.Context, out *orderRow) error
}

var orderRows rows

func readSession(r *http.Request, out *orderRow) error { return nil }

func ownOrder(w http.ResponseWriter, r *http.Request) {
	var o orderRow
	orderRows.ReadOrder(r.Context(), &o)
	store.OrdersFor(r.Context(), o.UserID)
	var s orderRow
	readSession(r, &s)
	store.OrdersFor(r.Context(), s.UserID)
}
