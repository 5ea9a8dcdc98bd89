package keytobrowser_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/internal/handlers/handlerstest"
	"github.com/dypai/dypailint/passes/keytobrowser"
)

func TestKeyToBrowser(t *testing.T) {
	handlerstest.Run(t, keytobrowser.New(&config.Config{}), "keyleak", "cliapp", "realkeys", "oauthlogin")
}

func TestAnalyzer(t *testing.T) {
	a := keytobrowser.New(&config.Config{})
	if a.Name != "keytobrowser" || a.URL == "" || a.Doc == "" {
		t.Errorf("analyzer metadata: name %q, URL %q", a.Name, a.URL)
	}
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Error(err)
	}
}
