package requestuserid_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/handlers/handlerstest"
	"github.com/dypai/dypailint/passes/requestuserid"
)

func TestRequestUserID(t *testing.T) {
	handlerstest.Run(t, requestuserid.New(&config.Config{}), "userid", "noweb", "useridtest", "realworld", "realworld/adminapi")
}

func TestAnalyzer(t *testing.T) {
	a := requestuserid.New(&config.Config{})
	if a.Name != "requestuserid" || a.URL == "" || a.Doc == "" {
		t.Errorf("analyzer metadata: name %q, URL %q", a.Name, a.URL)
	}
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Error(err)
	}
}
