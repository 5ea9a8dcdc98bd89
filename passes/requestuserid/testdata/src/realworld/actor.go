package realworld

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-webauthn/webauthn/webauthn"
)

// The signed-in user acts, the user in the request is the one acted on:
// following someone, viewing someone's public list.
func follow(w http.ResponseWriter, r *http.Request) {
	me := UserFromContext(r.Context())
	store.Follow(r.Context(), me.ID, r.URL.Query().Get("user_id"))
}

func favoriteList(c *gin.Context) {
	id, _ := c.Get("userId")
	current := id.(string)
	store.Follow(c.Request.Context(), current, c.Query("user_id"))
}

// The session user passed through a helper of the package.
func followVia(w http.ResponseWriter, r *http.Request) {
	me := UserFromContext(r.Context())
	doFollow(r, me, r.URL.Query().Get("uid"))
}

func doFollow(r *http.Request, me *User, target string) {
	store.Follow(r.Context(), me.ID, target)
}

// Signed in, but the session is not what acts: reported.
func ordersOfAnyone(w http.ResponseWriter, r *http.Request) {
	me := UserFromContext(r.Context())
	if me == nil {
		http.Error(w, "sign in", http.StatusUnauthorized)
		return
	}
	store.OrdersFor(r.Context(), r.URL.Query().Get("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
}

// A WebAuthn ceremony's state, bound from the request, goes to the
// library that verifies it: authentication, not acting as the user.
var wa = &webauthn.WebAuthn{}

func finishLogin(c *gin.Context, user webauthn.User) {
	var sd webauthn.SessionData
	if err := json.Unmarshal([]byte(c.GetHeader("Session")), &sd); err != nil {
		return
	}
	wa.FinishLogin(user, sd, c.Request)
}
