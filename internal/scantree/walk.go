package scantree

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The one rule for which directories a walk enters. Installed dependencies
// and version-control data are never entered; the rest is a choice of the
// walk (Skip), as what a Go load, a source scan and a bundle scan look at
// differs.
var (
	// dependencyDirs hold installed third-party packages.
	dependencyDirs = []string{"node_modules", "bower_components", "jspm_packages"}
	// vcsDirs hold version-control data.
	vcsDirs = []string{".git", ".hg", ".svn"}
	// buildOutputDirs hold the output of JS builds and test runs: the
	// bundle scanner's input, not sources.
	buildOutputDirs = []string{"dist", "build", "out", "coverage"}
)

// Skip says which directories a walk leaves out beyond dependencies and
// version control, which no walk enters.
type Skip struct {
	Vendor      bool // vendor: vendored code
	Testdata    bool // testdata: test fixtures
	Underscore  bool // names starting with "_", which the go command ignores
	BuildOutput bool // dist, build, out, coverage
	// Hidden says which hidden directories (names starting with ".")
	// are entered, version control excepted; nil enters none.
	Hidden func(name string) bool
}

// GoSkip is what the go command leaves out of "./...": vendored code, test
// fixtures, and names starting with "." or "_".
var GoSkip = Skip{Vendor: true, Testdata: true, Underscore: true}

// AnyHidden enters every hidden directory but version control.
func AnyHidden(string) bool { return true }

// Dir reports whether a directory named name is left out.
func (s Skip) Dir(name string) bool {
	switch {
	case slices.Contains(dependencyDirs, name), slices.Contains(vcsDirs, name):
		return true
	case strings.HasPrefix(name, "."):
		return s.Hidden == nil || !s.Hidden(name)
	case s.Underscore && strings.HasPrefix(name, "_"):
		return true
	}
	return s.Vendor && name == "vendor" ||
		s.Testdata && name == "testdata" ||
		s.BuildOutput && slices.Contains(buildOutputDirs, name)
}

// Visit is called on entering each directory of a walk. It returns the
// function called, in lexical order, for each of the directory's entries
// that the Skip rule keeps (for a directory entry, true enters it, depth
// first, before the next entry), and a function called when the
// directory's subtree is done. A nil entry function leaves the directory
// unread.
type Visit func(dir string) (entry func(Entry) bool, leave func())

// Walker walks directory trees. It enters each real directory once, so
// that walks ending in a symbolic-link loop end; with Links it follows
// links to directories inside the tree, and a link out of the tree is a
// note, never followed. A Walker remembers what it entered across calls of
// Walk.
type Walker struct {
	Tree *Tree // the tree the walk stays in; nil: no bounds
	Skip Skip
	// Links follows symbolic links (inside Tree). Without it a link is an
	// entry of its own kind (Link, neither Dir nor Reg), as for the go
	// command.
	Links bool
	// Inside, when set, is a real directory: links are followed only to
	// directories beneath it.
	Inside string
	// Note is told what the walk could not read, the links out of the tree
	// and the directories too deep to enter (DepthNotice), in walk order;
	// nil drops them.
	Note func(error)

	seen map[string]bool
}

// Walk walks dir, whose real path is real. It returns the error of reading
// dir itself; the errors below it go to Note. Below dir, a directory more
// than MaxDepth levels down in the tree is not entered.
func (w *Walker) Walk(dir, real string, visit Visit) error {
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	return w.walk(dir, real, visit, true)
}

func (w *Walker) walk(dir, real string, visit Visit, top bool) error {
	if w.seen[real] {
		return nil
	}
	w.seen[real] = true
	if !top && w.Tree.Depth(dir) > MaxDepth {
		w.note(DepthNotice(dir))
		return nil
	}
	entry, leave := visit(dir)
	if leave != nil {
		defer leave()
	}
	if entry == nil {
		return nil
	}
	ents, err := w.readDir(dir, real)
	if err != nil {
		if top {
			return err
		}
		w.note(err)
		return nil
	}
	for _, e := range ents {
		if e.Dir && (w.Skip.Dir(e.Name) || e.Link && w.Inside != "" && !Within(e.Real, w.Inside)) {
			continue
		}
		if entry(e) && e.Dir {
			w.walk(e.Path, e.Real, visit, false)
		}
	}
	return nil
}

func (w *Walker) note(err error) {
	if w.Note != nil {
		w.Note(err)
	}
}

// readDir lists dir, resolving links when the walk follows them.
func (w *Walker) readDir(dir, real string) ([]Entry, error) {
	if w.Links {
		ents, notes, err := w.Tree.ReadDir(dir, real)
		for _, n := range notes {
			w.note(n)
		}
		return ents, err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(ents))
	for _, e := range ents {
		out = append(out, Entry{
			Name: e.Name(),
			Path: filepath.Join(dir, e.Name()),
			Real: filepath.Join(real, e.Name()),
			Dir:  e.IsDir(),
			Reg:  e.Type().IsRegular(),
			Link: e.Type()&os.ModeSymlink != 0,
		})
	}
	return out, nil
}

// LeavesOut reports whether a walk of tree with this rule never reaches
// path: a directory between the tree's root and path is left out.
func (s Skip) LeavesOut(tree *Tree, path string) bool {
	for _, root := range tree.Roots() {
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		return slices.ContainsFunc(strings.Split(rel, string(filepath.Separator)), func(seg string) bool {
			return seg != "." && s.Dir(seg)
		})
	}
	return false
}
