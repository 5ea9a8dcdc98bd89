// Package option is a stand-in for github.com/openai/openai-go/v3/option.
package option

type config struct{ apiKey, baseURL string }

type RequestOption func(*config) error

func WithAPIKey(key string) RequestOption {
	return func(c *config) error { c.apiKey = key; return nil }
}

func WithBaseURL(u string) RequestOption {
	return func(c *config) error { c.baseURL = u; return nil }
}
