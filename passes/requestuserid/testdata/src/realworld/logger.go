package realworld

import (
	"net/http"

	"realworld/respond"

	"github.com/go-chi/render"

	log "github.com/go-pkgz/lgr"
)

// A logger of another package (go-pkgz/lgr imported as log, as remark42
// does) does not act as the user: only the store call is a use.
func deleteUserLogged(w http.ResponseWriter, r *http.Request) {
	userID := r.PathValue("userid") // want `user id from path parameter "userid" is passed to store\.DeleteUser`
	log.Printf("[INFO] delete all user comments for %s", userID)
	store.DeleteUser("site", userID)
}

func onlyLogged(w http.ResponseWriter, r *http.Request) {
	userID := r.PathValue("userid")
	log.Printf("[INFO] asked for %s", userID)
}

type server struct{ logger log.L }

func (s *server) loggedByMethod(w http.ResponseWriter, r *http.Request) {
	s.logger.Logf("[DEBUG] user %s", r.URL.Query().Get("user_id"))
}

// Echoed back through go-chi/render or a response helper of the project:
// not a use.
func echoRendered(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("user_id")
	render.JSON(w, r, map[string]string{"user_id": uid})
	respond.Send(w, uid)
}
