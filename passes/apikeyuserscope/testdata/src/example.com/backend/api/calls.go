package api

import (
	"context"
	"os"

	"example.com/backend/keys"
	d "example.com/dypai"
)

var (
	url   = os.Getenv("DYPAI_URL")
	admin = d.CreateClient(url, os.Getenv("DYPAI_API_KEY"))
	user  = d.CreateClient(url)
)

func jwtEndpoint(ctx context.Context) {
	admin.API.Post(ctx, "create_order", map[string]any{"items": 1})    // want `user-scoped call of "create_order" with API-key client admin: dypai.yaml declares "create_order" jwt; forward the signed-in user's JWT with a user client instead`
	admin.API.Post(ctx, "sync_erp_orders", map[string]any{"since": 1}) // an api_key endpoint: fine
	admin.API.Post(ctx, "rebuild_index", nil)                          // undeclared (DYP404's): fine
	user.API.Post(ctx, "create_order", nil)                            // a user client: fine
}

func identity(ctx context.Context, uid string) {
	admin.API.Post(ctx, "sync_erp_orders", map[string]any{"user_id": uid}) // want `user-scoped call of "sync_erp_orders" with API-key client admin: it sends the user's identity \("user_id"\); forward`
	admin.API.Get(ctx, "get_orders?owner_id="+uid, nil)                    // want `dypai.yaml declares "get_orders" jwt and it sends the user's identity \("owner_id"\)`
}

// Values flow through locals, closures and containers.
func flows(ctx context.Context) {
	k := admin
	k.API.Delete(ctx, "create_order", nil) // want `user-scoped call of "create_order" with API-key client k`
	api := k.API
	api.Put(ctx, "get_orders", nil) // want `user-scoped call of "get_orders" with API-key client api`
	clients := map[string]*d.Client{"admin": admin}
	clients["admin"].API.Get(ctx, "get_orders", nil) // want `with API-key client clients\["admin"\]`
	get := func() *d.Client { return admin }
	get().API.Get(ctx, "get_orders", nil) // want `with API-key client get\(\)`

	var mixed *d.Client
	if os.Getenv("ADMIN") != "" {
		mixed = admin
	} else {
		mixed = user
	}
	mixed.API.Post(ctx, "create_order", nil) // either kind: not reported
}

// Across packages, through facts on function results and struct fields.
func crossPackage(ctx context.Context) {
	keys.Admin().API.Post(ctx, "create_order", nil) // want `user-scoped call of "create_order" with API-key client keys.Admin\(\)`
	svc := keys.NewService()
	svc.Admin.API.Get(ctx, "get_orders", nil)      // want `with API-key client svc.Admin`
	keys.User("t").API.Get(ctx, "get_orders", nil) // fine
	keys.Admin().API.Post(ctx, "send_digest", nil) // fine
}

// Parameters of unexported functions get the values their callers pass.
func post(ctx context.Context, c *d.Client, endpoint string) {
	c.API.Post(ctx, "get_orders", nil) // want `with API-key client c`
}

func callPost(ctx context.Context) { post(ctx, admin, "x") }

// An exported function's parameter may be any client: not reported.
func Post(ctx context.Context, c *d.Client) {
	c.API.Post(ctx, "get_orders", nil)
}

// Repo is generic; its field is tracked on the generic type.
type Repo[T any] struct{ c *d.Client }

func NewRepo[T any]() *Repo[T] { return &Repo[T]{c: admin} }

func (r *Repo[T]) Load(ctx context.Context) {
	r.c.API.Get(ctx, "get_orders", nil) // want `with API-key client r.c`
}

// App embeds the API-key client.
type App struct {
	*d.Client
	name string
}

func embedded(ctx context.Context) {
	app := &App{Client: admin, name: "x"}
	app.API.Get(ctx, "get_orders", nil) // want `with API-key client app`
	// Fields are tracked per field, not per value: every App's Client is
	// the one assigned anywhere in the package.
	other := App{name: "y"}
	other.API.Get(ctx, "get_orders", nil) // want `with API-key client other`
}
