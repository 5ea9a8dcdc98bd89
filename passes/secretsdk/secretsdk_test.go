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
	passtest.Run(t, secretsdk.New(&config.Config{}), "example.com/ai/...")
}

// TestSupabaseProfile: the catalogue is active in every profile.
func TestSupabaseProfile(t *testing.T) {
	passtest.Wasm(t)
	passtest.Run(t, secretsdk.New(&config.Config{Profile: "supabase"}), "example.com/ai/ui")
}
