// Package billing is server code: its Stripe clients are fine here, and
// reported where browser code calls them.
package billing

import (
	"os"

	stripe76 "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v82"
)

func NewStripe() *stripe.Client {
	return stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))
}

// Public builds a client with the publishable key: fine anywhere.
func Public() *stripe.Client {
	return stripe.NewClient(os.Getenv("STRIPE_PUBLISHABLE_KEY"))
}

// Charge sets the global key through setup.
func Charge() { setup() }

func setup() { stripe76.Key = loadKey() }

func loadKey() string { return os.Getenv("STRIPE_API_KEY") }
