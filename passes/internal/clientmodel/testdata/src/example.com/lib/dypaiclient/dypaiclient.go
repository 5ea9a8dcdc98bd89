// Package dypaiclient is named like the SDK (its last path element starts
// with "dypai") but only wraps it: it declares no client type of its own, so
// its functions are modelled like any other package's, NewClient included.
package dypaiclient

import (
	"os"

	"example.com/dypai"
)

func NewClient() *dypai.Client { // want NewClient:"constructs an API-key client: dypaiclient.NewClient → dypai.NewClient" NewClient:"returns an API-key client"
	return dypai.NewClient(os.Getenv("DYPAI_URL"), dypai.WithAPIKey(os.Getenv("DYPAI_API_KEY")))
}

func ForUser(token string) *dypai.Client { // want ForUser:"returns a user client"
	return dypai.NewClient(os.Getenv("DYPAI_URL"), dypai.WithAccessToken(token))
}
