// Package vettool runs dypailint's Go passes under go vet's unitchecker
// protocol (-V=full, -flags, then one .cfg file per package).
package vettool

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes"
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
	flag.Func("config", "path of dypai.yaml (default: found by walking up); a relative path is relative to the directory go vet runs in", func(s string) error {
		p, err := resolveConfig(s, goCommandDir)
		cfg.ManifestPath = p
		return err
	})
	flag.StringVar(&cfg.Profile, "sdk", "", "SDK profile (default: dypai.yaml's sdk.profile, else dypai)")
	flag.Func("identity-fields", "comma-separated payload keys that carry the user's identity", func(s string) error {
		cfg.IdentityFields = strings.Split(s, ",")
		return nil
	})
	if v := os.Getenv("DYPAILINT_CONFIG"); v != "" {
		p, err := resolveConfig(v, goCommandDir)
		if err != nil {
			fmt.Fprintf(os.Stderr, "dypailint: DYPAILINT_CONFIG: %v\n", err)
			os.Exit(2)
		}
		cfg.ManifestPath = p // -config, parsed later, wins
	}
	unitchecker.Main(passes.All(cfg)...)
}

// resolveConfig makes a relative -config path absolute. go vet runs the tool
// in each package's directory, so a path relative to that directory would
// name a different file for every package: the user meant the directory
// they ran go vet in, the go command's working directory.
func resolveConfig(path string, dir func() (string, error)) (string, error) {
	if path == "" || filepath.IsAbs(path) {
		return path, nil
	}
	base, err := dir()
	if err != nil {
		return "", fmt.Errorf("-config %s is relative, but the directory go vet runs in cannot be told (%v): give an absolute path, e.g. -config=\"$PWD/%s\"", path, err, path)
	}
	return filepath.Join(base, path), nil
}

// goCommandDir returns the working directory of the process that started
// this one (the go command, under go vet), which the go command does not
// pass on: it starts the tool in the package's directory with PWD set to it.
func goCommandDir() (string, error) {
	if runtime.GOOS != "linux" {
		return "", fmt.Errorf("not known on %s", runtime.GOOS)
	}
	return os.Readlink(fmt.Sprintf("/proc/%d/cwd", os.Getppid()))
}
