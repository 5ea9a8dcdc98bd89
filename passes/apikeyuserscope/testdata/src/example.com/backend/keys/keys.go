// Package keys hands out clients to other packages.
package keys

import (
	"os"

	"example.com/dypai"
)

// Admin returns an API-key client.
func Admin() *dypai.Client {
	return dypai.NewClient(os.Getenv("DYPAI_URL"), dypai.WithAPIKey(os.Getenv("DYPAI_API_KEY")))
}

// User returns a user client.
func User(token string) *dypai.Client {
	return dypai.NewClient(os.Getenv("DYPAI_URL"), dypai.WithAccessToken(token))
}

// Service holds an API-key client in a field.
type Service struct{ Admin *dypai.Client }

func NewService() *Service { return &Service{Admin: Admin()} }
