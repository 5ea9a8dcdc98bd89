package shared

import "example.com/dypai"

// Browser code by its file name.
func startBrowser() {
	_ = ServerAdmin()                // want `shared.ServerAdmin constructs an API-key client and is called from browser code \(client_js.go \(js/wasm build\) → shared.ServerAdmin → dypai.CreateClient\)`
	_ = UserOnly()                   // fine
	_ = dypai.CreateClient("u", "k") // want `dypai.CreateClient builds an API-key client in browser code \(client_js.go \(js/wasm build\)\)`
}
