// Command worker runs the shop's background jobs with the API key.
package main

import (
	"context"
	"log"

	"example.com/shop/internal/dypaiclient"
)

func main() {
	ctx := context.Background()
	admin := dypaiclient.NewAdminClient()
	if _, err := admin.API.Post(ctx, "sync_erp_orders", map[string]any{"since": "yesterday"}); err != nil { // an api_key endpoint: silent
		log.Print(err)
	}
	if _, err := admin.API.Post(ctx, "recompute_totals", nil); err != nil { // want DYP301
		log.Print(err)
	}
}
