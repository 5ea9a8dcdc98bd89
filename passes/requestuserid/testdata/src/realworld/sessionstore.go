package realworld

import (
	"context"
	"net/http"

	"github.com/gorilla/sessions"
	"github.com/labstack/echo/v4"
	"github.com/zerodha/simplesessions"
)

// A server-side session store given the request (listmonk's
// simplesessions, gorilla/sessions) returns the verified session, not
// request input: its "user_id" is the signed-in user's.
type auth struct {
	sess      *simplesessions.Manager
	sessStore *simplesessions.Store
}

func (o *auth) validateSession(c echo.Context) (User, error) {
	sess, err := o.sess.Acquire(context.TODO(), c, c)
	if err != nil {
		return User{}, err
	}
	vars, err := sess.GetMulti("user_id", "oidc_token")
	if err != nil {
		return User{}, err
	}
	userID, err := o.sessStore.Int(vars["user_id"], nil)
	if err != nil {
		return User{}, err
	}
	return store.GetUser(userID)
}

var cookies = &sessions.CookieStore{}

func gorillaSession(w http.ResponseWriter, r *http.Request) {
	s, _ := cookies.Get(r, "app")
	uid, _ := s.Values["user_id"].(string)
	store.OrdersFor(r.Context(), uid)
}
