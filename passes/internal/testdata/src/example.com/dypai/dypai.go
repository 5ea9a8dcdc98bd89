// Package dypai is a fake of the DYPAI Go SDK (docs/go-sdk-model.md) for
// the passes' fixtures: the same API, no network.
package dypai

import "context"

type options struct {
	apiKey, accessToken string
	timeout             int
}

// Option configures a client.
type Option func(*options) // want Option:"SDK option type"

// WithAPIKey makes the client an API-key client.
func WithAPIKey(key string) Option { return func(o *options) { o.apiKey = key } }

// WithAccessToken makes the client a user (jwt) client.
func WithAccessToken(token string) Option { return func(o *options) { o.accessToken = token } }

// WithTimeout is an option that says nothing about credentials.
func WithTimeout(seconds int) Option { return func(o *options) { o.timeout = seconds } }

// Client is a DYPAI client.
type Client struct { // want Client:"SDK client type"
	API  *API
	Auth *Auth
	url  string
	opts options
}

// CreateClient returns a client; a second argument is the API key.
func CreateClient(url string, apiKey ...string) *Client {
	c := &Client{API: &API{}, Auth: &Auth{}, url: url}
	if len(apiKey) > 0 {
		c.opts.apiKey = apiKey[0]
	}
	return c
}

// NewClient returns a client configured by opts.
func NewClient(url string, opts ...Option) *Client {
	c := &Client{API: &API{}, Auth: &Auth{}, url: url}
	for _, o := range opts {
		o(&c.opts)
	}
	return c
}

// API calls the app's endpoints.
type API struct{}

// Response is an endpoint's answer.
type Response struct {
	Status int
	Body   []byte
}

func (a *API) Get(ctx context.Context, endpoint string, params any) (*Response, error) {
	return &Response{}, nil
}
func (a *API) Post(ctx context.Context, endpoint string, body any) (*Response, error) {
	return &Response{}, nil
}
func (a *API) Put(ctx context.Context, endpoint string, body any) (*Response, error) {
	return &Response{}, nil
}
func (a *API) Patch(ctx context.Context, endpoint string, body any) (*Response, error) {
	return &Response{}, nil
}
func (a *API) Delete(ctx context.Context, endpoint string, body any) (*Response, error) {
	return &Response{}, nil
}

// Auth signs users up and in.
type Auth struct{}

// SignUpParams are the fields of a sign-up.
type SignUpParams struct{ Email, Password, FullName string }

// Session is a signed-in user's session.
type Session struct {
	AccessToken string
	UserID      string
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

func (a *Auth) SignUp(ctx context.Context, p SignUpParams) error { return nil }
func (a *Auth) OnAuthStateChange(cb func(event AuthChangeEvent, session *Session)) (unsubscribe func()) {
	return func() {}
}
func (a *Auth) SignInWithPassword(ctx context.Context, email, password string) (*Session, error) {
	return &Session{}, nil
}
