package clientmodel_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/passtest"
)

// TestFacts pins the facts the model exports: client kinds of function
// results, variables and fields, and construction chains, across packages;
// the SDK's client and option types; none that treat a helper package named
// like the SDK (dypaiclient) as the SDK.
func TestFacts(t *testing.T) {
	a := clientmodel.For(&config.Config{})
	passtest.Run(t, a, "example.com/dypai", "example.com/lib/keys", "example.com/lib/boot", "example.com/lib/wrap", "example.com/lib/dypaiclient")
}

func TestForIsShared(t *testing.T) {
	cfg := &config.Config{}
	if clientmodel.For(cfg) != clientmodel.For(cfg) {
		t.Fatal("For returned two analyzers for one Config")
	}
	if clientmodel.For(cfg) == clientmodel.For(&config.Config{}) {
		t.Fatal("For shared an analyzer between Configs")
	}
}
