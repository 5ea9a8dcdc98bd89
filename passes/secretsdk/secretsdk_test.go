package secretsdk_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/secretsdk"
)

// TestWasm: openai-go, anthropic-sdk-go and stripe-go (stand-ins under
// testdata) given their secret keys in a wasm main, a package importing
// syscall/js and a file built only for js/wasm; the same code in a server
// main and a package's server files, with no key or a publishable one, is
// silent.
func TestWasm(t *testing.T) {
	passtest.Wasm(t)
	fixtures := passtest.Load(t, "example.com/ai/...")
	t.Run("dypai", func(t *testing.T) {
		results := fixtures.Run(t, secretsdk.New(&config.Config{}))

		// A call of server code names the construction as related information.
		for _, msg := range passtest.Related(t, results, "billing.NewStripe ", "billing.go:13") {
			if msg != "the Stripe client is constructed here" {
				t.Errorf("related information %q, want \"the Stripe client is constructed here\"", msg)
			}
		}
	})
	// The catalogue is active in every profile.
	t.Run("supabase", func(t *testing.T) {
		fixtures.Run(t, secretsdk.New(&config.Config{Profile: "supabase"}), "example.com/ai/ui")
	})
}
