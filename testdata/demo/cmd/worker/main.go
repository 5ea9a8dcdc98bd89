// Command worker runs the shop's background jobs on a schedule. It is
// server-to-server code, so it uses the project's API key.
package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"time"

	"example.com/acme/sdk/dypai"
)

func main() {
	every := flag.Duration("every", 15*time.Minute, "time between runs")
	once := flag.Bool("once", false, "run the jobs once and exit")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	since := time.Now().Add(-*every)
	for {
		start := time.Now()
		runJobs(ctx, since)
		if *once {
			return
		}
		since = start
		select {
		case <-ctx.Done():
			return
		case <-time.After(*every):
		}
	}
}

// runJobs pulls new ERP orders, sends the daily digest and refreshes the
// search index.
func runJobs(ctx context.Context, since time.Time) {
	admin := dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))

	if _, err := admin.API.Post(ctx, "sync_erp_orders", map[string]any{"since": since.UTC().Format(time.RFC3339)}); err != nil {
		log.Printf("sync_erp_orders: %v", err)
	}
	if _, err := admin.API.Post(ctx, "send_digest", nil); err != nil {
		log.Printf("send_digest: %v", err)
	}
	//dypai:ignore DYP404 reindex_search belongs to the shared search project and is declared in its own dypai.yaml
	if _, err := admin.API.Post(ctx, "reindex_search", map[string]any{"index": "products"}); err != nil {
		log.Printf("reindex_search: %v", err)
	}
}
