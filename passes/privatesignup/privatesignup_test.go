package privatesignup_test

import (
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/privatesignup"
)

func Test(t *testing.T) {
	a := privatesignup.New(&config.Config{})
	passtest.Run(t, a, "example.com/private", "example.com/nosignup", "example.com/saas", "example.com/nomanifest")
}
