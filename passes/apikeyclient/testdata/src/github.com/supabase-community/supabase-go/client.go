// Package supabase is a stand-in for github.com/supabase-community/supabase-go
// with the shapes dypailint reads: NewClient(url, key, options) returning
// (*Client, error), the Auth field, From and Rpc.
package supabase

import "errors"

type Client struct {
	Auth    AuthClient
	Storage *StorageClient
	headers map[string]string
}

type ClientOptions struct {
	Headers map[string]string
	Schema  string
}

// NewClient creates a new Supabase client; key is the anon or the
// service-role key.
func NewClient(url, key string, options *ClientOptions) (*Client, error) {
	if url == "" || key == "" {
		return nil, errors.New("url and key are required")
	}
	return &Client{headers: map[string]string{"Authorization": "Bearer " + key, "apikey": key}}, nil
}

type AuthClient interface {
	Signup(req SignupRequest) (*SignupResponse, error)
}

type SignupRequest struct{ Email, Password string }
type SignupResponse struct{ ID string }

type StorageClient struct{}

func (s *StorageClient) ListBuckets() ([]string, error) { return nil, nil }

type QueryBuilder struct{}

func (c *Client) From(table string) *QueryBuilder { return &QueryBuilder{} }

func (c *Client) Rpc(name, count string, rpcBody interface{}) string { return "" }

func (q *QueryBuilder) Select(columns, count string, head bool) *QueryBuilder { return q }

func (q *QueryBuilder) Insert(value interface{}, upsert bool, onConflict, returning, count string) *QueryBuilder {
	return q
}

func (q *QueryBuilder) ExecuteTo(to interface{}) (int64, error) { return 0, nil }
