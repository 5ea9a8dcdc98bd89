package app

import (
	"context"

	"example.com/gcl/sdk/dypai"
)

func Orders(ctx context.Context, token, member string) {
	c := dypai.NewClient("https://api.example.com", dypai.WithAccessToken(token))
	// member_id is an identity field only through the plugin's settings.
	c.API.Post(ctx, "create_order", map[string]any{"member_id": member, "items": 2}) // want DYP201
	c.API.Post(ctx, "create_order", map[string]any{"user_id": member, "items": 2})   // silent: not in the configured fields
	c.API.Get(ctx, "get_profil", nil)                                                // want DYP404
	c.API.Get(ctx, "get_profle", nil)                                                //nolint:dypailint // typo kept for the e2e test
}

//dypai:ignore DYP404
var _ = 0 // want DYP001 on the line above
