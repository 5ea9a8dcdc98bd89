package manualuserid_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/manualuserid"
)

func Test(t *testing.T) {
	a := manualuserid.New(&config.Config{})
	passtest.RunWithSuggestedFixes(t, a, "example.com/orders", "example.com/nomanifest")
}

// TestIdentityFieldsFromConfig: the configured identity fields replace the
// default ones.
func TestIdentityFieldsFromConfig(t *testing.T) {
	a := manualuserid.New(&config.Config{IdentityFields: []string{"account"}})
	passtest.Run(t, a, "example.com/custom")
}
