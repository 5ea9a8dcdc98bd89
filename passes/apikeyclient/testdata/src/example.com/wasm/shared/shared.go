// Package shared has server code and files built only for js/wasm.
package shared

import (
	"os"

	"example.com/dypai"
)

// ServerAdmin constructs an API-key client in a file that is not browser
// code: not reported here.
func ServerAdmin() *dypai.Client {
	return dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))
}

// UserOnly constructs a user client.
func UserOnly() *dypai.Client { return dypai.CreateClient(os.Getenv("DYPAI_URL")) }
