package app

import (
	"context"
	"os"

	"example.com/dypai"
)

const createOrder = "create_ordr"

func calls(ctx context.Context, c *dypai.Client, name string) {
	c.API.Get(ctx, "get_profil", nil)         // want `endpoint "get_profil" is not declared in dypai.yaml: call "get_profile" \(the closest declared name\) or declare it`
	c.API.Get(ctx, "get_profile", nil)        // declared
	c.API.Get(ctx, `get_profil?limit=1`, nil) // want `endpoint "get_profil" is not declared`
	c.API.Post(ctx, createOrder, nil)         // want `endpoint "create_ordr" is not declared in dypai.yaml: call "create_order" \(the closest declared name\)`
	c.API.Post(ctx, "sync_erp_orders", nil)   // declared
	c.API.Post(ctx, "launch_rockets", nil)    // want `endpoint "launch_rockets" is not declared in dypai.yaml: declare it there or call a declared endpoint`
	c.API.Post(ctx, name, nil)                // not a constant: not checked
	c.API.Post(ctx, os.Getenv("EP"), nil)     // not a constant: not checked
	k := dypai.CreateClient("u", "k")
	k.API.Delete(ctx, "sync_erp_order", nil) // want `call "sync_erp_orders" \(the closest declared name\)`
}
