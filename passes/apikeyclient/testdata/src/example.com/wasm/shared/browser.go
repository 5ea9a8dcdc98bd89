//go:build js && wasm

package shared

import "example.com/dypai"

// Browser code by its build constraint.
func fromBrowser() *dypai.Client {
	return dypai.NewClient("u", dypai.WithAPIKey("k")) // want `dypai.NewClient builds an API-key client in browser code \(browser.go \(js/wasm build\)\)`
}
