// Package dypaiclient builds the shop's DYPAI clients. Its name starts with
// "dypai" like the SDK's, but it wraps the SDK: it is analysed as project code.
package dypaiclient

import (
	"os"

	"example.com/shop/sdk/dypai"
)

// NewAdminClient returns an API-key client, for server jobs.
func NewAdminClient() *dypai.Client {
	return dypai.NewClient(os.Getenv("DYPAI_URL"), dypai.WithAPIKey(os.Getenv("DYPAI_API_KEY")))
}

// NewUserClient returns a client acting for the user whose token it carries.
func NewUserClient(token string) *dypai.Client {
	return dypai.NewClient(os.Getenv("DYPAI_URL"), dypai.WithAccessToken(token))
}
