// Command server is built for js/wasm in this test (as go vet with
// GOOS=js over ./... does), but nothing in it is browser code: silent.
package main

import (
	"net/http"
	"os"

	"example.com/dypai"
	"example.com/shop/shopapi"
)

func main() {
	_ = shopapi.NewAdminClient()
	_ = dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))
	req, _ := http.NewRequest("POST", "https://x.dypai.dev/api/sync_data", nil)
	req.Header.Set("X-API-KEY", os.Getenv("DYPAI_API_KEY"))
}
