// Package anthropic is a stand-in for github.com/anthropics/anthropic-sdk-go:
// NewClient(opts ...option.RequestOption) Client.
package anthropic

import "github.com/anthropics/anthropic-sdk-go/option"

type Client struct {
	Options []option.RequestOption
}

func NewClient(opts ...option.RequestOption) (r Client) { return Client{Options: opts} }
