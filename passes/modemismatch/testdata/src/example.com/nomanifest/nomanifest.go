package nomanifest

import (
	"context"

	"example.com/dypai"
)

func calls(ctx context.Context) {
	dypai.CreateClient("u").API.Get(ctx, "sync_erp_orders", nil) // no dypai.yaml: silent
}
