// Command wasi is a wasm module: it exports functions to its host.
package main

import "example.com/shop/shopapi"

//go:wasmexport sync
func sync() {
	_ = shopapi.NewAdminClient() // want `shopapi.NewAdminClient constructs an API-key client and is called from browser code \(wasm main → shopapi.NewAdminClient → dypai.CreateClient\)`
}

func main() {}
