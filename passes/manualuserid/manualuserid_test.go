package manualuserid_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/manualuserid"
)

// Test runs the pass with the default identity fields, and with
// configured ones, which replace them.
func Test(t *testing.T) {
	fixtures := passtest.Load(t, "example.com/orders", "example.com/nomanifest", "example.com/custom")
	t.Run("default", func(t *testing.T) {
		fixtures.RunWithSuggestedFixes(t, manualuserid.New(&config.Config{}), "example.com/orders", "example.com/nomanifest")
	})
	t.Run("configured", func(t *testing.T) {
		fixtures.Run(t, manualuserid.New(&config.Config{IdentityFields: []string{"account"}}), "example.com/custom")
	})
}
