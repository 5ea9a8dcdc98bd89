// Package openai is a stand-in for github.com/openai/openai-go/v3 with the
// shapes dypailint reads: NewClient(opts ...option.RequestOption) Client.
package openai

import (
	"os"

	"github.com/openai/openai-go/v3/option"
)

type Client struct {
	Options []option.RequestOption
}

// NewClient reads OPENAI_API_KEY from the environment unless an option
// gives the key.
func NewClient(opts ...option.RequestOption) (r Client) {
	if k, ok := os.LookupEnv("OPENAI_API_KEY"); ok {
		opts = append([]option.RequestOption{option.WithAPIKey(k)}, opts...)
	}
	return Client{Options: opts}
}
