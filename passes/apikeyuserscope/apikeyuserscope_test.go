package apikeyuserscope_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/apikeyuserscope"
	"github.com/dypai/dypailint/passes/internal/passtest"
)

// Test runs the pass in each profile. Under the supabase profile there is
// no DYP301: its server code acts for checked users with the service-role
// key by design.
func Test(t *testing.T) {
	fixtures := passtest.Load(t, "example.com/backend/...", "example.com/worker", "example.com/sbserver")
	t.Run("dypai", func(t *testing.T) {
		fixtures.Run(t, apikeyuserscope.New(&config.Config{}), "example.com/backend/...", "example.com/worker")
	})
	t.Run("supabase", func(t *testing.T) {
		fixtures.Run(t, apikeyuserscope.New(&config.Config{Profile: "supabase"}), "example.com/sbserver")
	})
}
