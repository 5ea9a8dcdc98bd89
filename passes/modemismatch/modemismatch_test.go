package modemismatch_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/modemismatch"
)

func Test(t *testing.T) {
	a := modemismatch.New(&config.Config{})
	passtest.Run(t, a, "example.com/mixed/...", "example.com/nomanifest")
}
