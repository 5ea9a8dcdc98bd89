package custom

import (
	"context"

	"example.com/dypai"
)

func run(ctx context.Context, uid string) {
	c := dypai.CreateClient("https://x.dypai.dev")
	c.API.Post(ctx, "anything", map[string]any{"account": uid}) // want `sends "account" in its payload`
	c.API.Post(ctx, "anything", map[string]any{"user_id": uid}) // not an identity field here
}
