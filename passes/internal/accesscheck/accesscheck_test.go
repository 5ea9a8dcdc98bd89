package accesscheck_test

import (
	"testing"

	"github.com/dypai/dypailint/passes/internal/accesscheck"
	"github.com/dypai/dypailint/passes/internal/handlers/handlerstest"
)

func TestFacts(t *testing.T) {
	handlerstest.Run(t, accesscheck.Analyzer, "authhelp")
}
