// Command server is server code: API-key clients are fine here.
package main

import (
	"os"

	"example.com/dypai"
	_ "example.com/shop/bootkey"
	"example.com/shop/shopapi"
)

func main() {
	admin := dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))
	_ = admin
	_ = shopapi.NewAdminClient()
	_ = shopapi.NewService().Admin()
}
