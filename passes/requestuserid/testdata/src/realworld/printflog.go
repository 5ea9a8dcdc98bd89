package realworld

import (
	"net/http"
	"sync"

	"realworld/mutils"
)

// A printf wrapper of the project (mutils.Verbose) only prints the id; the
// record the id selects from the store, written back to a signed-in
// caller, is the finding (genetic-algorithms/mendel-web-ui).

type dbUser struct {
	ID       string
	Username string
	IsAdmin  bool
}

type database struct {
	sync.RWMutex
	Users map[string]dbUser
}

var appDB = &database{}

func currentUser(r *http.Request) dbUser {
	c, err := r.Cookie("session")
	if err != nil {
		return dbUser{}
	}
	return appDB.Users[c.Value]
}

func apiGetUserHandler(w http.ResponseWriter, r *http.Request) {
	if currentUser(r).ID == "" {
		http.Error(w, "401 Unauthorized", http.StatusUnauthorized)
		return
	}
	userID := r.URL.Query().Get("userId") // want `user id from query parameter "userId" is passed to the lookup appDB\.Users\[userID\], whose result is written to the response: the record of any user can be read`
	mutils.Verbose("/api/get-user/ userId=%s", userID)
	appDB.RLock()
	u, ok := appDB.Users[userID]
	appDB.RUnlock()
	if !ok {
		http.Error(w, "404 Not Found", http.StatusNotFound)
		return
	}
	mutils.WriteJsonResponse(w, map[string]any{"id": u.ID, "username": u.Username, "is_admin": u.IsAdmin})
}

// Only logged: silent.
func apiPing(w http.ResponseWriter, r *http.Request) {
	mutils.Verbose("ping from %s", r.URL.Query().Get("userId"))
	w.WriteHeader(http.StatusNoContent)
}
