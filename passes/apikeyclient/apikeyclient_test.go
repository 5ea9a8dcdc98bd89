package apikeyclient_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/apikeyclient"
	"github.com/dypai/dypailint/passes/internal/passtest"
)

// TestBrowserPackages: a package importing a Go browser UI framework, with
// server packages (not reported) beside it.
func TestBrowserPackages(t *testing.T) {
	a := apikeyclient.New(&config.Config{})
	results := passtest.Run(t, a, "example.com/shop/...")

	// The call of shopapi.NewAdminClient names the construction as related
	// information.
	passtest.Related(t, results, "shopapi.NewAdminClient ", "shopapi.go:16")
}

// TestWasm: packages built for js/wasm — a main importing syscall/js, a
// plain main, and a package with js-only files.
//
// Under the supabase profile, a wasm front end using supabase-go (a
// stand-in under testdata): the service-role key makes a privileged client
// whether it is a literal, an sb_secret_ key, a config field, a helper's
// result or a tagged field; the anon key does not.
func TestWasm(t *testing.T) {
	passtest.Wasm(t)
	fixtures := passtest.Load(t, "example.com/wasm/...", "example.com/sbwasm/...")
	t.Run("dypai", func(t *testing.T) {
		fixtures.Run(t, apikeyclient.New(&config.Config{}), "example.com/wasm/...")
	})
	t.Run("supabase", func(t *testing.T) {
		fixtures.Run(t, apikeyclient.New(&config.Config{Profile: "supabase"}), "example.com/sbwasm/...")
	})
}
