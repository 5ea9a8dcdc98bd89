package nomanifest

import (
	"context"

	"example.com/dypai"
)

func calls(ctx context.Context, c *dypai.Client) {
	c.API.Get(ctx, "get_profil", nil) // no dypai.yaml: silent
}
