// Package oauth2 is a stand-in for golang.org/x/oauth2: the signatures the
// fixtures use, no behaviour.
package oauth2

import (
	"context"
	"net/http"
)

// Endpoint is a provider's endpoints.
type Endpoint struct {
	AuthURL  string
	TokenURL string
}

// Config is an OAuth2 client's configuration.
type Config struct {
	ClientID     string
	ClientSecret string
	Endpoint     Endpoint
	RedirectURL  string
	Scopes       []string
}

// Token is an access token.
type Token struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
}

// TokenSource supplies tokens.
type TokenSource interface{ Token() (*Token, error) }

// AuthCodeURLOption is an option of AuthCodeURL.
type AuthCodeURLOption interface{}

func (c *Config) AuthCodeURL(state string, opts ...AuthCodeURLOption) string { return "" }
func (c *Config) Exchange(ctx context.Context, code string, opts ...AuthCodeURLOption) (*Token, error) {
	return nil, nil
}
func (c *Config) Client(ctx context.Context, t *Token) *http.Client     { return nil }
func (c *Config) TokenSource(ctx context.Context, t *Token) TokenSource { return nil }
