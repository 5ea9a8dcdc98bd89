package clientmodel_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/passtest"
)

// TestFacts pins the facts the model exports: client kinds of function
// results, variables and fields, and construction chains, across packages.
func TestFacts(t *testing.T) {
	a := clientmodel.For(&config.Config{})
	passtest.Run(t, a, "example.com/lib/keys", "example.com/lib/boot", "example.com/lib/wrap")
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
