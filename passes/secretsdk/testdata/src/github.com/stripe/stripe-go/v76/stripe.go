// Package stripe is a stand-in for github.com/stripe/stripe-go/v76.
package stripe

var Key string

type Backends struct{}
