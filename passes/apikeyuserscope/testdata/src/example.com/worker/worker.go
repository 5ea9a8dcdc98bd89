// Package worker has no dypai.yaml: only the identity and handler cases apply.
package worker

import (
	"context"
	"os"

	"example.com/dypai"
)

var admin = dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))

func run(ctx context.Context, uid string) {
	admin.API.Post(ctx, "create_order", nil)                           // no manifest: fine
	admin.API.Post(ctx, "create_order", map[string]string{"uid": uid}) // want `user-scoped call of "create_order" with API-key client admin: it sends the user's identity \("uid"\)`
}
