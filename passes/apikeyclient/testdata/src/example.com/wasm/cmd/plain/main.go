// Command plain reaches syscall/js through the project's own dom package:
// a wasm main.
package main

import (
	"example.com/shop/shopapi"
	"example.com/wasm/dom"
)

func main() {
	_ = shopapi.NewAdminClient() // want `shopapi.NewAdminClient constructs an API-key client and is called from browser code \(wasm main → shopapi.NewAdminClient → dypai.CreateClient\)`
	dom.Alert("hi")
}
