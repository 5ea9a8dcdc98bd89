// Package discover turns the CLI's arguments into work: the Go modules and
// package patterns to load, the directories to hand to the JS scanner, and
// the dypai.yaml files whose endpoint rules to check. From a repository root,
// "./..." finds every Go module beneath it (no root go.mod needed), skipping
// node_modules, vendor, .git, hidden folders and testdata unless named.
package discover

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/config"
)

// GoLoad is one go/packages load: patterns run from Dir.
type GoLoad struct {
	Dir      string
	Patterns []string
}

// Plan is the work for one run.
type Plan struct {
	GoLoads   []GoLoad
	Dirs      []string // absolute directories named (recursively or not), for the JS scanner
	Manifests []string // absolute dypai.yaml paths that apply to the named code
}

// skipDir reports folders never descended into when discovering modules.
func skipDir(name string) bool {
	switch name {
	case "node_modules", "vendor", "testdata", "bower_components":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// FromArgs plans a run started in cwd. No arguments means "./...".
func FromArgs(cwd string, args []string) (*Plan, error) {
	if len(args) == 0 {
		args = []string{"./..."}
	}
	p := &Plan{}
	var goPatterns []string
	for _, arg := range args {
		root, recursive := strings.CutSuffix(arg, "/...")
		if arg == "..." {
			root, recursive = ".", true
		}
		abs := root
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, root)
		}
		fi, err := os.Stat(abs)
		switch {
		case err == nil && fi.IsDir():
			if err := p.addDir(abs, recursive); err != nil {
				return nil, err
			}
		case recursive || strings.HasPrefix(arg, ".") || filepath.IsAbs(arg):
			return nil, fmt.Errorf("%s: no such directory", root)
		default:
			goPatterns = append(goPatterns, arg) // an import path pattern
		}
	}
	if len(goPatterns) > 0 {
		p.GoLoads = append(p.GoLoads, GoLoad{Dir: cwd, Patterns: goPatterns})
		p.addManifest(config.FindManifest(cwd))
	}
	return p, nil
}

func (p *Plan) addDir(dir string, recursive bool) error {
	if !slices.Contains(p.Dirs, dir) {
		p.Dirs = append(p.Dirs, dir)
	}
	p.addManifest(config.FindManifest(dir))
	if !recursive {
		if inModule(dir) {
			p.GoLoads = append(p.GoLoads, GoLoad{Dir: dir, Patterns: []string{"."}})
		}
		return nil
	}
	if inModule(dir) {
		p.GoLoads = append(p.GoLoads, GoLoad{Dir: dir, Patterns: []string{"./..."}})
	}
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			return nil // unreadable folder below: nothing of ours to find there
		}
		if !d.IsDir() {
			if d.Name() == config.ManifestName {
				p.addManifest(path)
			}
			return nil
		}
		if path == dir {
			return nil
		}
		if skipDir(d.Name()) {
			return filepath.SkipDir
		}
		if fileExists(filepath.Join(path, "go.mod")) {
			p.GoLoads = append(p.GoLoads, GoLoad{Dir: path, Patterns: []string{"./..."}})
		}
		return nil
	})
}

func (p *Plan) addManifest(path string) {
	if path != "" && !slices.Contains(p.Manifests, path) {
		p.Manifests = append(p.Manifests, path)
	}
}

// inModule reports whether dir is in a Go module (it or an ancestor has go.mod).
func inModule(dir string) bool {
	for {
		if fileExists(filepath.Join(dir, "go.mod")) {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
