// Package vendorapi is a third-party client whose configuration holds a
// key (a stand-in with no behaviour).
package vendorapi

// Options configure a client.
type Options struct {
	BaseURL string
	APIKey  string
}

// Endpoint returns the URL requests go to.
func (o *Options) Endpoint(path string) string { return o.BaseURL + path }

// GetAPIKey returns the key.
func (o *Options) GetAPIKey() string { return o.APIKey }

// Token is a credential type that is the key as a whole.
type Token string

// Header returns the header value carrying the token.
func (t Token) Header() string { return "Bearer " + string(t) }
