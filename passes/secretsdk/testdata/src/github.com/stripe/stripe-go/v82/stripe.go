// Package stripe is a stand-in for github.com/stripe/stripe-go/v82: the
// global Key and NewClient(key, opts...).
package stripe

// Key is the secret key every call of the package-level API sends.
var Key string

type Client struct{ key string }

type ClientOption func(*Client)

func NewClient(key string, opts ...ClientOption) *Client { return &Client{key: key} }
