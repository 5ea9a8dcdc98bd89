// Package ui is browser code (go-app).
package ui

import (
	"context"

	"example.com/dypai"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func load(ctx context.Context, c *dypai.Client) app.UI {
	c.API.Get(ctx, "sync_erp_orders", nil) // want `browser code \(package ui \(imports go-app\)\) calls api_key endpoint "sync_erp_orders": the browser must not hold the key; call it from a server, or make it jwt in dypai.yaml`
	c.API.Get(ctx, "create_order", nil)    // fine
	return app.Div()
}
