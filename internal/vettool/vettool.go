// Package vettool runs dypailint's Go passes under go vet's unitchecker
// protocol (-V=full, -flags, then one .cfg file per package).
package vettool

import (
	"flag"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/dypai/dypailint/analyzer"
	"github.com/dypai/dypailint/analyzer/config"
)

// Invoked reports whether the go command is running the binary as a vet
// tool: it first asks for -V=full and -flags, then passes a .cfg file.
func Invoked(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, a := range args {
		if a == "-V=full" || a == "-V" || a == "--V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return strings.HasSuffix(args[len(args)-1], ".cfg")
}

// Main runs the unitchecker. Flags that go vet forwards (those listed by
// -flags) set the configuration; dypai.yaml is found by walking up from
// each package's directory.
func Main() {
	cfg := &config.Config{TagMessages: true}
	flag.StringVar(&cfg.ManifestPath, "config", "", "path of dypai.yaml (default: found by walking up)")
	flag.StringVar(&cfg.Profile, "sdk", "", "SDK profile (default: dypai.yaml's sdk.profile, else dypai)")
	flag.Func("identity-fields", "comma-separated payload keys that carry the user's identity", func(s string) error {
		cfg.IdentityFields = strings.Split(s, ",")
		return nil
	})
	if v := os.Getenv("DYPAILINT_CONFIG"); v != "" && cfg.ManifestPath == "" {
		cfg.ManifestPath = v
	}
	unitchecker.Main(analyzer.All(cfg)...)
}
