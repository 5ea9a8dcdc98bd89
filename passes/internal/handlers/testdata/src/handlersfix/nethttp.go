package handlersfix

import (
	"context"
	"encoding/json"
	"net/http"
)

type ctxKey string

const userKey ctxKey = "user"

type User struct{ ID, Role string }

func plain(w http.ResponseWriter, r *http.Request) { // want `net/http handler plain$`
	w.Write([]byte("hello"))
}

func bearer(w http.ResponseWriter, r *http.Request) { // want `net/http handler bearer; session: the "Authorization" header; routes: /me`
	tok := r.Header.Get("Authorization")
	_ = tok
}

func cookie(w http.ResponseWriter, r *http.Request) { // want `net/http handler cookie; session: the "session_id" cookie`
	c, _ := r.Cookie("session_id")
	_ = c
}

func themeCookie(w http.ResponseWriter, r *http.Request) { // want `net/http handler themeCookie$`
	c, _ := r.Cookie("theme")
	_ = c
}

func ctxUser(w http.ResponseWriter, r *http.Request) { // want `net/http handler ctxUser; session: context value "user"`
	u, _ := r.Context().Value(userKey).(*User)
	json.NewEncoder(w).Encode(u)
}

// whoIsCalling is a helper of the package: handlers calling it with the
// request read the session through it.
func whoIsCalling(r *http.Request) *User {
	u, _ := r.Context().Value(userKey).(*User)
	return u
}

func helper(w http.ResponseWriter, r *http.Request) { // want `net/http handler helper; session: whoIsCalling \(context value "user"\)$`
	u := whoIsCalling(r)
	_ = u
}

func userFromCtx(ctx context.Context) *User { return nil }

func named(w http.ResponseWriter, r *http.Request) { // want `net/http handler named; session: handlersfix.userFromCtx`
	_ = userFromCtx(r.Context())
}

// ordersForUser has a session-like name but takes a caller-chosen id: not a
// session read.
func ordersForUser(ctx context.Context, id string) []string { return nil }

func notSession(w http.ResponseWriter, r *http.Request) { // want `net/http handler notSession$`
	_ = ordersForUser(r.Context(), r.URL.Query().Get("id"))
}

type Server struct{ mux *http.ServeMux }

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want `net/http handler \(\*Server\)\.ServeHTTP; session: the "authorization" header`
	_ = r.Header.Get("authorization")
}

func (s *Server) orders(w http.ResponseWriter, r *http.Request) {} // want `net/http handler \(\*Server\)\.orders; routes: /orders; middleware: requireAuth\[auth\]`

// requireAuth is authentication middleware.
func requireAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `net/http handler function literal; session: the "Authorization" header; passes on`
		if r.Header.Get("Authorization") == "" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests is middleware that does not authenticate.
func logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // want `net/http handler function literal; passes on`
		next.ServeHTTP(w, r)
	})
}

func ordersHandler(db string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {} // want `net/http handler function literal; routes: /factory; middleware: logRequests$`
}

func notAHandler(w http.ResponseWriter) {}

func routesNetHTTP(s *Server) {
	http.HandleFunc("/me", bearer)
	s.mux.Handle("/orders", requireAuth(http.HandlerFunc(s.orders)))
	http.Handle("/factory", logRequests(ordersHandler("db")))
	http.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {}) // want `net/http handler function literal; routes: /inline`
}

func currentUser(r *http.Request) *User { return nil }

func namedHelper(w http.ResponseWriter, r *http.Request) { // want `net/http handler namedHelper; session: handlersfix.currentUser$`
	_ = currentUser(r)
}
