package realworld

import (
	"context"
	"net/http"
	"time"

	"realworld/web"

	"github.com/gin-gonic/gin"
	"github.com/go-pkgz/routegroup"
)

// Handlers of a type named for admins (remark42's admin, AdminHandler) act
// on other users.
type admin struct{ store DataStore }

func (a *admin) setBlockCtrl(w http.ResponseWriter, r *http.Request) {
	userID := r.PathValue("userid")
	a.store.SetBlock(r.URL.Query().Get("site"), userID, true, time.Hour)
}

// AdminHandler serves the back office.
type AdminHandler struct{}

func (h *AdminHandler) ListLogs(c *gin.Context) {
	db.Query("select * from logs where user_id = $1", c.Query("user_id"))
}

// Registered behind role middleware on a router the tables do not know
// (go-pkgz/routegroup), in the closure of a mounted group.
type commentsAPI struct{ store DataStore }

func (m *commentsAPI) deleteUser(w http.ResponseWriter, r *http.Request) {
	m.store.DeleteUser("site", r.PathValue("userid"))
}

// The same router with authentication only: reported.
func (m *commentsAPI) ownOrders(w http.ResponseWriter, r *http.Request) {
	store.OrdersFor(r.Context(), r.URL.Query().Get("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
}

func AdminOnly(next http.Handler) http.Handler { return next }
func Auth(next http.Handler) http.Handler      { return next }

func bundleRoutes(mux *http.ServeMux) {
	m := &commentsAPI{}
	rapi := routegroup.New(mux)
	rapi.Mount("/api").Route(func(g *routegroup.Bundle) {
		g.Use(Auth, AdminOnly)
		g.Group().Route(func(r *routegroup.Bundle) {
			r.HandleFunc("DELETE /user/{userid}", m.deleteUser)
		})
	})
	priv := rapi.Mount("/api/me")
	priv.Use(Auth)
	priv.HandleFunc("GET /orders", m.ownOrders)
}

// A project's own router (ardanlabs/service): middleware after the
// handler, an authorization rule by variable.
type authClient struct{}
type rule string

func Authenticate(c *authClient) web.MidFunc      { return nil }
func Authorize(c *authClient, r rule) web.MidFunc { return nil }

type userApp struct{ store DataStore }

type queryParams struct{ UserID string }

func parseQueryParams(r *http.Request) queryParams {
	return queryParams{UserID: r.URL.Query().Get("user_id")}
}

func (a *userApp) query(ctx context.Context, r *http.Request) web.Encoder {
	qp := parseQueryParams(r)
	a.store.OrdersFor(ctx, qp.UserID)
	return nil
}

func (a *userApp) mine(ctx context.Context, r *http.Request) web.Encoder {
	a.store.OrdersFor(ctx, r.URL.Query().Get("owner_id")) // want `user id from query parameter "owner_id" is passed to a\.store\.OrdersFor`
	return nil
}

func appRoutes(app *web.App, cl *authClient) {
	a := &userApp{}
	authen := Authenticate(cl)
	ruleAdmin := Authorize(cl, "admin_only")
	app.HandlerFunc(http.MethodGet, "v1", "/users", a.query, authen, ruleAdmin)
	app.HandlerFunc(http.MethodGet, "v1", "/mine", a.mine, authen)
}

// A gin group mounted under /admin.
func auditLogs(c *gin.Context) {
	db.Query("select * from audit where user_id = $1", c.Query("user_id"))
}

func ginRoutes() {
	r := gin.Default()
	g := r.Group("/admin")
	g.GET("/audit", auditLogs)
}
