// Package keys constructs clients of both kinds.
package keys

import (
	"os"

	d "example.com/dypai" // a renamed import
)

var url = os.Getenv("DYPAI_URL")

// Client is an alias of the SDK's client type.
type Client = d.Client

func Admin() *Client { // want Admin:"constructs an API-key client: keys.Admin → dypai.CreateClient" Admin:"returns an API-key client"
	return d.CreateClient(url, os.Getenv("DYPAI_API_KEY"))
}

func User() *d.Client { // want User:"returns a user client"
	return d.CreateClient(url)
}

// Token makes a user client from an access token option.
func Token(tok string) *d.Client { // want Token:"returns a user client"
	return d.NewClient(url, d.WithAccessToken(tok), d.WithTimeout(3))
}

// viaOptions builds its options in a slice.
func viaOptions() (*d.Client, error) { // want viaOptions:"constructs an API-key client: keys.viaOptions → dypai.NewClient" viaOptions:"returns an API-key client"
	opts := []d.Option{d.WithTimeout(3)}
	opts = append(opts, d.WithAPIKey(os.Getenv("DYPAI_API_KEY")))
	return d.NewClient(url, opts...), nil
}

// Options are passed in: the kind is unknown, no fact.
func WithOptions(opts ...d.Option) *d.Client {
	return d.NewClient(url, opts...)
}

// Service holds one client of each kind.
type Service struct {
	Admin *d.Client // want Admin:"holds an API-key client"
	user  *d.Client // want user:"holds a user client"
	Other *d.Client
}

func NewService() *Service { // want NewService:"constructs an API-key client: keys.NewService → keys.viaOptions → dypai.NewClient"
	c, _ := viaOptions()
	_ = c
	return &Service{Admin: Admin(), user: User()}
}

// Client returns the service's admin client.
func (s *Service) Client() *d.Client { return s.Admin } // want Client:"returns an API-key client"

// Mixed returns either kind.
func (s *Service) Mixed(admin bool) *d.Client { // want Mixed:"returns an API-key or user client"
	if admin {
		return s.Admin
	}
	return s.user
}

// Shared is a package-level user client.
var Shared = User() // want Shared:"holds a user client"

// Pool is generic; its field is tracked on the generic type.
type Pool[T any] struct {
	c    *d.Client // want c:"holds an API-key client"
	item T
}

func NewPool[T any]() *Pool[T] { // want NewPool:"constructs an API-key client: keys.NewPool → dypai.CreateClient"
	return &Pool[T]{c: d.CreateClient(url, "dyp_test_key")}
}

// Lazy hands out a method value and a function value: calling them
// constructs, so taking them counts.
func Lazy() func() *d.Client { // want Lazy:"constructs an API-key client: keys.Lazy → keys.Admin → dypai.CreateClient"
	return Admin
}

// Closure constructs inside a function literal.
func Closure() func() *d.Client { // want Closure:"constructs an API-key client: keys.Closure → dypai.CreateClient"
	return func() *d.Client { return d.CreateClient(url, os.Getenv("K")) }
}

// FromEnvEmpty passes an empty key: a user client.
func FromEnvEmpty() *d.Client { // want FromEnvEmpty:"returns a user client"
	return d.CreateClient(url, "")
}
