// Package discover turns the CLI's arguments into work: the Go modules and
// package patterns to load, the directories to hand to the JS scanner, and
// the dypai.yaml files whose endpoint rules to check. From a repository root,
// "./..." finds every Go module beneath it (no root go.mod needed), skipping
// node_modules, vendor, .git, hidden folders and testdata unless named.
package discover

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/scantree"
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
	// Tree is what the run may read, report and write: the repositories
	// of the named directories.
	Tree *scantree.Tree
	// Notes are the gaps of the walk: directories too deep to enter.
	Notes []error
}

// FromArgs plans a run started in cwd. No arguments means "./...".
func FromArgs(cwd string, args []string) (*Plan, error) {
	if len(args) == 0 {
		args = []string{"./..."}
	}
	type named struct {
		dir       string
		recursive bool
	}
	var dirs []named
	var goPatterns, treeDirs []string
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
			dirs = append(dirs, named{filepath.Clean(abs), recursive})
			treeDirs = append(treeDirs, abs)
		case recursive || strings.HasPrefix(arg, ".") || filepath.IsAbs(arg):
			return nil, fmt.Errorf("%s: no such directory", root)
		default:
			goPatterns = append(goPatterns, arg) // an import path pattern
		}
	}
	if len(goPatterns) > 0 {
		treeDirs = append(treeDirs, cwd)
	}
	p := &Plan{Tree: scantree.New(cwd, treeDirs)}
	for _, d := range dirs {
		if err := p.addDir(d.dir, d.recursive); err != nil {
			return nil, err
		}
	}
	if len(goPatterns) > 0 {
		p.GoLoads = append(p.GoLoads, GoLoad{Dir: cwd, Patterns: goPatterns})
		p.addManifest(config.FindManifest(cwd, p.Tree))
	}
	return p, nil
}

func (p *Plan) addDir(dir string, recursive bool) error {
	if !slices.Contains(p.Dirs, dir) {
		p.Dirs = append(p.Dirs, dir)
	}
	p.addManifest(config.FindManifest(dir, p.Tree))
	if !recursive {
		if inModule(dir) {
			p.GoLoads = append(p.GoLoads, GoLoad{Dir: dir, Patterns: []string{"."}})
		}
		return nil
	}
	if inModule(dir) {
		p.GoLoads = append(p.GoLoads, GoLoad{Dir: dir, Patterns: []string{"./..."}})
	}
	// Below dir, an unreadable folder has nothing of ours to find.
	w := &scantree.Walker{Tree: p.Tree, Skip: scantree.GoSkip, Note: func(err error) {
		if errors.Is(err, scantree.ErrTooDeep) {
			p.Notes = append(p.Notes, err)
		}
	}}
	return w.Walk(dir, dir, func(d string) (func(scantree.Entry) bool, func()) {
		if d != dir && fileExists(filepath.Join(d, "go.mod")) {
			p.GoLoads = append(p.GoLoads, GoLoad{Dir: d, Patterns: []string{"./..."}})
		}
		return func(e scantree.Entry) bool {
			if !e.Dir && e.Name == config.ManifestName {
				p.addManifest(e.Path)
			}
			return true
		}, nil
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
