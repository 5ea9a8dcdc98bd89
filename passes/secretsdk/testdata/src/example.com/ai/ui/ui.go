// Package ui runs in the browser: it imports syscall/js.
package ui

import (
	"os"
	"syscall/js"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
	"github.com/stripe/stripe-go/v76/client"
)

// assistant is built when the page loads the package.
var assistant = openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY"))) // want `openai.NewClient with a secret key \(os.Getenv\("OPENAI_API_KEY"\)\) builds a server-only OpenAI client in browser code \(package ui \(imports syscall/js\)\)`

// NewChat is handed its key by a caller this package cannot see; its name
// says it is a secret.
func NewChat(apiKey string) openai.Client {
	return openai.NewClient(option.WithAPIKey(apiKey)) // want `openai.NewClient with a secret key \(apiKey\) builds a server-only OpenAI client in browser code \(package ui \(imports syscall/js\)\)`
}

// Pay initialises the Stripe client with the key a settings field holds.
func Pay(settings secrets) {
	api := &client.API{}
	api.Init(settings.StripeSecretKey, nil) // want `client.API.Init with a secret key \(settings.StripeSecretKey\) builds a server-only Stripe client`
}

type secrets struct{ StripeSecretKey string }

// BringYourOwnKey uses the key the user typed into the page: theirs, and
// already in the browser, so fine.
func BringYourOwnKey(this js.Value, args []js.Value) any {
	apiKey := js.Global().Get("document").Call("getElementById", "key").Get("value").String()
	_ = openai.NewClient(option.WithAPIKey(apiKey))
	secretKey := args[0].String()
	_ = client.New(secretKey, nil)
	return nil
}

// Checkout uses the publishable key handed by the page: fine.
func Checkout(publishable string) *client.API {
	return client.New(publishable, nil)
}
