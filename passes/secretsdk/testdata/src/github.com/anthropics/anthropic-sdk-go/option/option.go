// Package option is a stand-in for github.com/anthropics/anthropic-sdk-go/option.
package option

type config struct{ apiKey, authToken string }

type RequestOption func(*config) error

func WithAPIKey(key string) RequestOption {
	return func(c *config) error { c.apiKey = key; return nil }
}

func WithAuthToken(token string) RequestOption {
	return func(c *config) error { c.authToken = token; return nil }
}

func WithMaxRetries(n int) RequestOption {
	return func(c *config) error { return nil }
}
