//go:build !js

package shared

import "example.com/dypai"

// Excluded from js builds: never loaded in the wasm test.
func notBrowser() *dypai.Client { return dypai.CreateClient("u", "k") }
