// Package ui is a go-app component: browser code.
package ui

import (
	"context"
	"os"

	sdk "example.com/dypai"
	_ "example.com/shop/bootkey" // want `importing bootkey constructs an API-key client at init in browser code \(package ui \(imports go-app\) → import bootkey → bootkey.init → dypai.CreateClient\): the key ships to every visitor; keep API-key clients out of packages the browser imports`
	"example.com/shop/shopapi"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

var url = os.Getenv("DYPAI_URL")

type Client = sdk.Client // an alias

// Page is a component.
type Page struct {
	app.Compo
	user  *Client
	admin *Client
}

func (p *Page) OnMount(ctx context.Context) {
	p.user = sdk.CreateClient(url)                                                 // a user client: fine
	p.user = sdk.NewClient(url, sdk.WithAccessToken("t"))                          // fine
	p.admin = sdk.CreateClient(url, os.Getenv("DYPAI_API_KEY"))                    // want `dypai.CreateClient builds an API-key client in browser code \(package ui \(imports go-app\)\): the key ships to every visitor; call API-key endpoints from a server and use a user \(jwt\) client here`
	p.admin = sdk.NewClient(url, sdk.WithTimeout(1), sdk.WithAPIKey("dyp_live_x")) // want `dypai.NewClient builds an API-key client in browser code`
	p.admin = sdk.CreateClient(url, "")                                            // an empty key: fine
}

func options() *Client {
	opts := []sdk.Option{sdk.WithTimeout(5)}
	opts = append(opts, sdk.WithAPIKey(os.Getenv("KEY")))
	return sdk.NewClient(url, opts...) // want `dypai.NewClient builds an API-key client in browser code`
}

func userOptions() *Client {
	opts := []sdk.Option{sdk.WithTimeout(5)}
	return sdk.NewClient(url, opts...) // fine
}

func calls() {
	_ = shopapi.NewAdminClient()   // want `shopapi.NewAdminClient constructs an API-key client and is called from browser code \(package ui \(imports go-app\) → shopapi.NewAdminClient → dypai.CreateClient\): the key ships to every visitor; move the call to a server`
	_ = shopapi.NewUserClient("t") // fine
	svc := shopapi.NewService()    // want `shopapi.NewService constructs an API-key client and is called from browser code \(package ui \(imports go-app\) → shopapi.NewService → shopapi.NewAdminClient → dypai.CreateClient\)`
	get := svc.Admin               // want `shopapi.Service.Admin constructs an API-key client and is called from browser code \(package ui \(imports go-app\) → shopapi.Service.Admin → shopapi.NewAdminClient → dypai.CreateClient\)`
	_ = get()
	_ = svc.Orders(context.Background(), nil)    // fine
	_ = shopapi.Generic[int](1)                  // want `shopapi.Generic constructs an API-key client`
	f := func() { _ = shopapi.NewAdminClient() } // want `shopapi.NewAdminClient constructs an API-key client`
	f()
}

func (p *Page) Render() app.UI { return app.Div() }
