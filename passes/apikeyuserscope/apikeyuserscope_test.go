package apikeyuserscope_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/apikeyuserscope"
	"github.com/dypai/dypailint/passes/internal/passtest"
)

func Test(t *testing.T) {
	a := apikeyuserscope.New(&config.Config{})
	passtest.Run(t, a, "example.com/backend/...", "example.com/worker")
}

// TestSupabase: no DYP301 under the supabase profile, whose server code
// acts for checked users with the service-role key by design.
func TestSupabase(t *testing.T) {
	a := apikeyuserscope.New(&config.Config{Profile: "supabase"})
	passtest.Run(t, a, "example.com/sbserver")
}
