// Package shopapi is server-side code: it may construct API-key clients,
// and is not browser code, so nothing here is reported.
package shopapi

import (
	"context"
	"os"

	"example.com/dypai"
)

func url() string { return os.Getenv("DYPAI_URL") }

// NewAdminClient constructs an API-key client.
func NewAdminClient() *dypai.Client {
	return dypai.CreateClient(url(), os.Getenv("DYPAI_API_KEY")) // the construction
}

// NewUserClient constructs a user client.
func NewUserClient(token string) *dypai.Client {
	return dypai.NewClient(url(), dypai.WithAccessToken(token))
}

// Service reaches the construction through NewAdminClient.
type Service struct{ admin *dypai.Client }

func NewService() *Service { return &Service{admin: NewAdminClient()} }

// Admin is a method that constructs.
func (s *Service) Admin() *dypai.Client {
	if s.admin == nil {
		s.admin = NewAdminClient()
	}
	return s.admin
}

// Orders does not construct anything.
func (s *Service) Orders(ctx context.Context, c *dypai.Client) error {
	_, err := c.API.Get(ctx, "get_orders", nil)
	return err
}

// Generic constructs inside a generic function.
func Generic[T any](v T) *dypai.Client {
	return dypai.NewClient(url(), dypai.WithAPIKey(os.Getenv("DYPAI_API_KEY")))
}
