package requestuserid_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/handlers/handlerstest"
	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/requestuserid"
)

func TestRequestUserID(t *testing.T) {
	handlerstest.Run(t, requestuserid.New(&config.Config{}), "userid", "noweb", "useridtest", "realworld", "realworld/adminapi", "realworld/tokens")
}

// A module whose name mentions administrators does not make its handlers
// admin handlers; a package named for them inside it does.
func TestModuleName(t *testing.T) {
	passtest.RunDir(t, filepath.Join("testdata", "modadmin"), requestuserid.New(&config.Config{}), "./...")
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
