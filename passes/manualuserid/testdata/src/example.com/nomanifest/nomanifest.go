// Package nomanifest has no dypai.yaml: DYP201 still applies, and no
// endpoint is exempt for its roles.
package nomanifest

import (
	"context"

	"example.com/dypai"
)

func run(ctx context.Context, uid string) {
	c := dypai.CreateClient("https://x.dypai.dev")
	c.API.Delete(ctx, "delete_user", struct {
		UserID string `json:"user_id"`
	}{uid}) // want +0 `user \(jwt\) call of "delete_user" sends "user_id"`
}
