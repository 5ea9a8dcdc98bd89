package unknownendpoint_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/unknownendpoint"
)

func Test(t *testing.T) {
	a := unknownendpoint.New(&config.Config{})
	passtest.Run(t, a, "example.com/app", "example.com/nomanifest")
}
