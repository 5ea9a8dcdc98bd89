package secretsdk_test

import (
	"path/filepath"
	"strings"
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
		found := false
		for _, res := range results {
			for _, d := range res.Diagnostics {
				if !strings.HasPrefix(d.Message, "billing.NewStripe ") {
					continue
				}
				found = true
				if len(d.Related) != 1 {
					t.Fatalf("%s: want 1 related location, got %d", d.Message, len(d.Related))
				}
				p := res.Package.Fset.Position(d.Related[0].Pos)
				if filepath.Base(p.Filename) != "billing.go" || p.Line != 13 || d.Related[0].Message != "the Stripe client is constructed here" {
					t.Errorf("related = %s %q, want billing.go:13", p, d.Related[0].Message)
				}
			}
		}
		if !found {
			t.Fatal("no diagnostic for the call of billing.NewStripe")
		}
	})
	// The catalogue is active in every profile.
	t.Run("supabase", func(t *testing.T) {
		fixtures.Run(t, secretsdk.New(&config.Config{Profile: "supabase"}), "example.com/ai/ui")
	})
}
