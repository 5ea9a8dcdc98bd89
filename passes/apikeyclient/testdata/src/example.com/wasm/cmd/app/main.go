// Command app is a wasm main: it imports syscall/js.
package main

import (
	"net/http"
	"os"
	"syscall/js"

	"example.com/dypai"
	"example.com/shop/shopapi"
	"example.com/wasm/shared"
)

func main() {
	admin := shopapi.NewAdminClient() // want `shopapi.NewAdminClient constructs an API-key client and is called from browser code \(wasm main → shopapi.NewAdminClient → dypai.CreateClient\)`
	_ = admin
	_ = shared.ServerAdmin() // want `shared.ServerAdmin constructs an API-key client and is called from browser code \(wasm main → shared.ServerAdmin → dypai.CreateClient\)`
	_ = shared.UserOnly()    // fine

	go func() {
		_ = dypai.CreateClient("u", os.Getenv("DYPAI_API_KEY")) // want `dypai.CreateClient builds an API-key client in browser code \(wasm main\)`
	}()

	req, _ := http.NewRequest("POST", "https://x.dypai.dev/api/sync_data", nil)
	req.Header.Set("X-API-KEY", os.Getenv("DYPAI_API_KEY")) // want `an X-API-KEY header is set in browser code \(wasm main\): the key ships to every visitor; call API-key endpoints from a server and send the user's JWT here`
	req.Header.Set("Authorization", "Bearer t")             // fine
	req.Header["X-Api-Key"] = []string{"k"}                 // want `an X-API-KEY header is set in browser code`
	req2 := &http.Request{Header: http.Header{
		"x-api-key": {"k"}, // want `an X-API-KEY header is set in browser code`
		"Accept":    {"application/json"},
	}}
	_ = req2

	js.Global().Call("fetch", "/api/x", js.ValueOf(map[string]any{
		"headers": map[string]any{"X-API-KEY": "k"}, // want `an X-API-KEY header is set in browser code`
	}))
}
