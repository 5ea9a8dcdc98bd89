package server

import (
	"context"
	"os"

	"example.com/dypai"
)

var (
	url   = os.Getenv("DYPAI_URL")
	admin = dypai.CreateClient(url, os.Getenv("DYPAI_API_KEY"))
)

func calls(ctx context.Context, token string, c *dypai.Client) {
	user := dypai.NewClient(url, dypai.WithAccessToken(token))
	user.API.Post(ctx, "sync_erp_orders", nil)                   // want `user client user calls api_key endpoint "sync_erp_orders": the engine accepts only the project key there; call it from server code with an API-key client, or make it jwt in dypai.yaml`
	user.API.Post(ctx, "create_order", nil)                      // a jwt endpoint: fine
	admin.API.Post(ctx, "sync_erp_orders", nil)                  // the API-key client: fine
	c.API.Post(ctx, "sync_erp_orders", nil)                      // unknown kind: fine
	dypai.CreateClient(url).API.Get(ctx, "sync_erp_orders", nil) // want `user client dypai.CreateClient\(url\) calls api_key endpoint "sync_erp_orders"`
}
