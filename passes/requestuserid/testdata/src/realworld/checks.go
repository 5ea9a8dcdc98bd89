package realworld

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

// Claims parsed from the Authorization header in the handler are the
// verified identity: comparing with them is the check.
type appClaims struct {
	jwt.RegisteredClaims
	UserID string
}

func keyFunc(*jwt.Token) (any, error) { return []byte("k"), nil }

func jwtCompared(c *gin.Context) {
	tokenStr := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	claims := &appClaims{}
	if _, err := jwt.ParseWithClaims(tokenStr, claims, keyFunc); err != nil {
		return
	}
	uid := c.Param("user_id")
	if uid != claims.UserID {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	store.OrdersFor(c.Request.Context(), uid)
}

func jwtMapCompared(w http.ResponseWriter, r *http.Request) {
	tok, err := jwt.Parse(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), keyFunc)
	if err != nil || !tok.Valid {
		return
	}
	sub, _ := tok.Claims.GetSubject()
	uid := r.URL.Query().Get("user_id")
	if uid != sub {
		return
	}
	store.OrdersFor(r.Context(), uid)
}

// An access check of the package given the id and the signed-in user.
func canView(me *User, userID string) bool { return me.ID == userID }

func checkedByHelper(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id")
	if !canView(UserFromContext(r.Context()), uid) {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	store.OrdersFor(r.Context(), uid)
}

// An access check named for one, of a service.
type policy interface {
	CanAccessUser(r *http.Request, userID string) (bool, error)
}

var authz policy

func checkedByPolicy(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id")
	if ok, _ := authz.CanAccessUser(r, uid); !ok {
		return
	}
	store.OrdersFor(r.Context(), uid)
}

// Validation is not a check of who may act.
func isValidUserID(id string) bool { return len(id) == 36 }

func validatedOnly(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id") // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	if !isValidUserID(uid) {
		return
	}
	store.OrdersFor(r.Context(), uid)
}
