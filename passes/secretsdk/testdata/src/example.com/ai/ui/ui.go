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

// Pay initialises the Stripe client with a key the page passed in.
func Pay(this js.Value, args []js.Value) any {
	secretKey := args[0].String()
	api := &client.API{}
	api.Init(secretKey, nil) // want `client.API.Init with a secret key \(secretKey\) builds a server-only Stripe client`
	return nil
}

// Checkout uses the publishable key handed by the page: fine.
func Checkout(publishable string) *client.API {
	return client.New(publishable, nil)
}
