// Package client is a stand-in for github.com/stripe/stripe-go/v76/client:
// New(key, backends) and API.Init(key, backends).
package client

import stripe "github.com/stripe/stripe-go/v76"

type API struct{ key string }

func New(key string, backends *stripe.Backends) *API {
	a := &API{}
	a.Init(key, backends)
	return a
}

func (a *API) Init(key string, backends *stripe.Backends) { a.key = key }
