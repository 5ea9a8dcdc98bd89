// Command server is a plain server main: its clients are fine.
package main

import (
	"net/http"
	"os"

	"github.com/anthropics/anthropic-sdk-go"
	"github.com/anthropics/anthropic-sdk-go/option"
	"github.com/stripe/stripe-go/v82"

	"example.com/ai/billing"
)

func main() {
	stripe.Key = os.Getenv("STRIPE_SECRET_KEY")
	_ = stripe.NewClient("sk_live_abcdefghijklmnop1234")
	ai := anthropic.NewClient(option.WithAPIKey(os.Getenv("ANTHROPIC_API_KEY")))
	_ = ai
	billing.Charge()
	http.ListenAndServe(":8080", nil)
}
