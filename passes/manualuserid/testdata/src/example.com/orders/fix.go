package orders

import (
	"context"

	"example.com/dypai"
)

// Map-literal entries come with a fix that deletes them.
func mapLiterals(ctx context.Context, c *dypai.Client, uid string) {
	c.API.Post(ctx, "create_order", map[string]any{
		"user_id": uid, // want `user \(jwt\) call of "create_order" sends "user_id" in its payload`
		"items":   []string{"a"},
	})
	c.API.Post(ctx, "create_order", map[string]any{
		"items":  []string{"a"},
		"userId": uid, // want `sends "userId" in its payload`
	})
	c.API.Post(ctx, "create_order", map[string]any{"userID": uid, "items": 1}) // want `sends "userID" in its payload`
	c.API.Post(ctx, "create_order", map[string]any{"uid": uid})                // want `sends "uid" in its payload`
	payload := map[string]string{"note": "n", "owner_id": uid}                 // want `sends "owner_id" in its payload`
	c.API.Post(ctx, "create_order", payload)
	c.API.Post(ctx, "create_order", map[string]any{"order": map[string]any{"user_id": uid}}) // want `sends "user_id" in its payload`
}
