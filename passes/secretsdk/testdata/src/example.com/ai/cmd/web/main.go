// Command web is a wasm main: it imports syscall/js.
package main

import (
	"os"
	"syscall/js"

	"github.com/anthropics/anthropic-sdk-go"
	anthropicopt "github.com/anthropics/anthropic-sdk-go/option"
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	stripe76 "github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/client"
	"github.com/stripe/stripe-go/v82"

	"example.com/ai/assistant" // want `importing assistant with a secret key \(os.Getenv\("OPENAI_API_KEY"\)\) builds a server-only OpenAI client in browser code \(wasm main → assistant.init → openai.NewClient\)`
	"example.com/ai/billing"
	"example.com/ai/lazy"
	"example.com/ai/shared"
)

type config struct {
	AIKey  string `env:"OPENAI_API_KEY"`
	Stripe string
}

const publishableKey = "pk_test_51Habcdefghijklmnop"

func main() {
	_ = openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY"))) // want `openai.NewClient with a secret key \(os.Getenv\("OPENAI_API_KEY"\)\) builds a server-only OpenAI client in browser code \(wasm main\): the key ships to every visitor; call OpenAI from a route handler or server action and send the browser only the results`
	_ = openai.NewClient()                                               // fine: no key (the SDK reads its env var, on a server)
	_ = openai.NewClient(option.WithAPIKey(""), option.WithBaseURL("/api/openai"))

	var cfg config
	opts := []option.RequestOption{option.WithBaseURL("https://api.openai.com/v1"), option.WithAPIKey(cfg.AIKey)}
	_ = openai.NewClient(opts...) // want `openai.NewClient with a secret key \(cfg.AIKey\) builds a server-only OpenAI client`

	apiKey := "sk-proj-abcdefghijklmnop1234"
	var more []option.RequestOption
	more = append(more, option.WithAPIKey(apiKey))
	_ = openai.NewClient(more...) // want `openai.NewClient with a secret key \(apiKey\) builds a server-only OpenAI client`

	_ = anthropic.NewClient(anthropicopt.WithMaxRetries(2), anthropicopt.WithAuthToken(token())) // want `anthropic.NewClient with a secret key \(token\(\)\) builds a server-only Anthropic client in browser code \(wasm main\)`

	stripe76.Key = "sk_live_abcdefghijklmnop1234"             // want `setting stripe76.Key with a secret key \("sk_l…"\) builds a server-only Stripe client in browser code \(wasm main\)`
	stripe76.Key = publishableKey                             // fine: publishable
	_ = stripe.NewClient(os.Getenv("STRIPE_SECRET_KEY"))      // want `stripe.NewClient with a secret key \(os.Getenv\("STRIPE_SECRET_KEY"\)\) builds a server-only Stripe client`
	_ = stripe.NewClient(os.Getenv("STRIPE_PUBLISHABLE_KEY")) // fine: publishable
	_ = stripe.NewClient(publishableKey)                      // fine: publishable
	_ = client.New(stripeKey(), nil)                          // want `client.New with a secret key \(stripeKey\(\)\) builds a server-only Stripe client`
	api := &client.API{}
	api.Init(cfg.Stripe, nil) // fine: nothing says what cfg.Stripe holds

	// Server code called from the browser.
	_ = billing.NewStripe()  // want `billing.NewStripe with a secret key \(os.Getenv\("STRIPE_SECRET_KEY"\)\) builds a server-only Stripe client in browser code \(wasm main → billing.NewStripe → stripe.NewClient\)`
	billing.Charge()         // want `billing.Charge with a secret key \(loadKey\(\)\) builds a server-only Stripe client in browser code \(wasm main → billing.Charge → billing.setup → setting stripe76.Key\)`
	_ = billing.Public()     // fine: publishable
	pay := billing.NewStripe // want `billing.NewStripe with a secret key`
	_ = pay
	_ = shared.ServerChat() // want `shared.ServerChat with a secret key \(os.Getenv\("OPENAI_API_KEY"\)\) builds a server-only OpenAI client in browser code \(wasm main → shared.ServerChat → openai.NewClient\)`

	_ = assistant.Client
	_ = lazy.New

	js.Global().Set("ready", true)
}

// token is read from the environment: a secret.
func token() string { return os.Getenv("ANTHROPIC_AUTH_TOKEN") }

func stripeKey() string {
	if k := os.Getenv("STRIPE_KEY"); k != "" {
		return k
	}
	return "sk_test_abcdefghijklmnop1234"
}
