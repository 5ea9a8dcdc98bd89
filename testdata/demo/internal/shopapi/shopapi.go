// Package shopapi holds DYPAI helpers shared by the shop's server programs.
package shopapi

import (
	"os"

	"example.com/acme/sdk/dypai"
)

// NewAdminClient returns an API-key client for the project named by
// DYPAI_URL, with the key from DYPAI_API_KEY. It is meant for server code:
// the worker, webhooks, back-office jobs.
func NewAdminClient() *dypai.Client {
	return dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))
}
