package gatesfix

import (
	"context"
	"net/http"

	"gatesfix/web"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/go-pkgz/routegroup"
	"github.com/julienschmidt/httprouter"
)

type authClient struct{}

type rule string

const (
	ruleAdminOnly rule = "admin_only"
	ruleAny       rule = "any"
)

func Authenticate(c *authClient) web.MidFunc             { return nil }
func Authorize(c *authClient, r rule) web.MidFunc        { return nil }
func AdminOnly(next http.Handler) http.Handler           { return next }
func Auth(next http.Handler) http.Handler                { return next }
func rateLimit(n int) func(http.Handler) http.Handler    { return nil }
func requireAdmin(h httprouter.Handle) httprouter.Handle { return h }

type api struct{}

// A project's own router: middleware after the handler, through variables.
func (a *api) query(ctx context.Context, r *http.Request) web.Encoder { return nil } // want `gate: authen=Authenticate\(cl\), ruleAdmin=Authorize\(cl, ruleAdminOnly\); paths: GET, v1, /users`

func (a *api) create(ctx context.Context, r *http.Request) web.Encoder { return nil } // want `gate: authen=Authenticate\(cl\), ruleAny=Authorize\(cl, ruleAny\); paths: POST, v1, /homes`

func (a *api) unregistered(ctx context.Context, r *http.Request) web.Encoder { return nil }

func webRoutes(app *web.App, cl *authClient) {
	a := &api{}
	authen := Authenticate(cl)
	ruleAdmin := Authorize(cl, ruleAdminOnly)
	ruleAny := Authorize(cl, ruleAny)
	app.HandlerFunc(http.MethodGet, "v1", "/users", a.query, authen, ruleAdmin)
	app.HandlerFunc(http.MethodPost, "v1", "/homes", a.create, authen, ruleAny)
}

// go-pkgz/routegroup: Use on the bundle a closure is given, a mounted
// prefix, a derived group.
type admin struct{}

func (ad *admin) setBlock(w http.ResponseWriter, r *http.Request) {} // want `gate: rateLimit\(10\), Auth, AdminOnly; paths: PUT /user/\{userid\}, /admin`

func (ad *admin) export(w http.ResponseWriter, r *http.Request) {} // want `gate: rateLimit\(10\), Auth, AdminOnly; paths: GET /export, /admin`

func (ad *admin) public(w http.ResponseWriter, r *http.Request) {} // want `gate: Auth; paths: GET /public, /api`

func bundleRoutes(mux *http.ServeMux) {
	ad := &admin{}
	rapi := routegroup.New(mux)
	rapi.Mount("/admin").Route(func(radmin *routegroup.Bundle) {
		radmin.Use(rateLimit(10))
		radmin.Use(Auth, AdminOnly)
		radmin.Group().Route(func(r *routegroup.Bundle) {
			r.HandleFunc("PUT /user/{userid}", ad.setBlock)
		})
		radmin.HandleFunc("GET /export", ad.export)
	})
	pub := rapi.Mount("/api")
	pub.Use(Auth)
	pub.HandleFunc("GET /public", ad.public)
}

// httprouter: a wrapper around the handler.
func userByID(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {} // want `gate: requireAdmin; paths: /users/:user_id`

func routerRoutes() {
	r := httprouter.New()
	r.GET("/users/:user_id", requireAdmin(userByID))
}

// chi: the middleware of the router a Route closure is given.
func chiAdminUser(w http.ResponseWriter, r *http.Request) {} // want `gate: requireAdminMW, Auth; paths: /admin, /users/\{user_id\}`

func requireAdminMW(next http.Handler) http.Handler { return next }

func chiRoutes() {
	r := chi.NewRouter()
	r.Use(Auth)
	r.Route("/admin", func(ar chi.Router) {
		ar.Use(requireAdminMW)
		ar.Get("/users/{user_id}", chiAdminUser)
	})
}

// gin: a group's prefix.
func ginAdminUser(c *gin.Context) {} // want `gate: ; paths: /admin, /users/:user_id`

func ginRoutes() {
	r := gin.Default()
	g := r.Group("/admin")
	g.GET("/users/:user_id", ginAdminUser)
}
