// Package dypai is a stand-in for the DYPAI Go SDK with the surface that
// dypailint recognises (docs/go-sdk-model.md in the dypailint repository).
// It makes no network calls: every endpoint and auth call returns
// ErrNotImplemented. It lets the demo build without external modules.
package dypai

import (
	"context"
	"errors"
	"fmt"
)

// ErrNotImplemented is returned by every call of this stand-in SDK.
var ErrNotImplemented = errors.New("dypai: not implemented in the demo SDK")

// Option configures a Client made by NewClient.
type Option func(*options)

type options struct {
	apiKey      string
	accessToken string
}

// WithAPIKey makes the client an API-key client: its requests carry the
// project's API key in the X-API-KEY header. Server code only.
func WithAPIKey(key string) Option {
	return func(o *options) { o.apiKey = key }
}

// WithAccessToken makes the client a user (jwt) client that acts for the
// signed-in user whose access token it carries.
func WithAccessToken(token string) Option {
	return func(o *options) { o.accessToken = token }
}

// Client calls the endpoints of one DYPAI project.
type Client struct {
	API  *API
	Auth *Auth
}

// CreateClient returns a client for the project at url. Without a second
// argument it is a user client; a second argument is the API key and makes
// it an API-key client.
func CreateClient(url string, apiKey ...string) *Client {
	var o options
	if len(apiKey) > 0 {
		o.apiKey = apiKey[0]
	}
	return newClient(url, o)
}

// NewClient returns a client for the project at url, configured by opts.
func NewClient(url string, opts ...Option) *Client {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	return newClient(url, o)
}

func newClient(url string, o options) *Client {
	t := &transport{url: url, options: o}
	return &Client{API: &API{t: t}, Auth: &Auth{t: t}}
}

// transport is where a real SDK would send requests.
type transport struct {
	url string
	options
}

func (t *transport) do(ctx context.Context, method, endpoint string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return fmt.Errorf("%s %s/api/%s: %w", method, t.url, endpoint, ErrNotImplemented)
}

// API calls the project's named endpoints.
type API struct{ t *transport }

// Get calls endpoint with params as its query.
func (a *API) Get(ctx context.Context, endpoint string, params any) (*Response, error) {
	return nil, a.t.do(ctx, "GET", endpoint)
}

// Post calls endpoint with body as its JSON body.
func (a *API) Post(ctx context.Context, endpoint string, body any) (*Response, error) {
	return nil, a.t.do(ctx, "POST", endpoint)
}

// Put calls endpoint with body as its JSON body.
func (a *API) Put(ctx context.Context, endpoint string, body any) (*Response, error) {
	return nil, a.t.do(ctx, "PUT", endpoint)
}

// Patch calls endpoint with body as its JSON body.
func (a *API) Patch(ctx context.Context, endpoint string, body any) (*Response, error) {
	return nil, a.t.do(ctx, "PATCH", endpoint)
}

// Delete calls endpoint with body as its JSON body.
func (a *API) Delete(ctx context.Context, endpoint string, body any) (*Response, error) {
	return nil, a.t.do(ctx, "DELETE", endpoint)
}

// Auth signs users up and in.
type Auth struct{ t *transport }

// SignUpParams are the fields of a self sign-up.
type SignUpParams struct{ Email, Password, FullName string }

// SignUp creates an account (apps with self sign-up only).
func (a *Auth) SignUp(ctx context.Context, p SignUpParams) error {
	return a.t.do(ctx, "POST", "auth/signup")
}

// SignInWithPassword signs a user in and returns the session.
func (a *Auth) SignInWithPassword(ctx context.Context, email, password string) (*Session, error) {
	return nil, a.t.do(ctx, "POST", "auth/token")
}

// AuthChangeEvent is an auth event a client emits.
type AuthChangeEvent string

// The auth events.
const (
	SignedIn  AuthChangeEvent = "SIGNED_IN"
	SignedOut AuthChangeEvent = "SIGNED_OUT"
	// PasswordRecovery: an invitation or password-recovery link was
	// opened; the app shows a set-password screen.
	PasswordRecovery AuthChangeEvent = "PASSWORD_RECOVERY"
)

// OnAuthStateChange calls cb on every auth event of the client until
// unsubscribe is called.
func (a *Auth) OnAuthStateChange(cb func(event AuthChangeEvent, session *Session)) (unsubscribe func()) {
	return func() {}
}

// Response is an endpoint's response.
type Response struct {
	Status int
	Body   []byte
}

// Session is a signed-in user's session.
type Session struct {
	AccessToken string
	UserID      string
}
