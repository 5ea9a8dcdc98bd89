// Package scantree is the one notion of "the tree" a run may touch. The
// scanned repository is untrusted input (CI lints pull requests from
// forks): a symbolic link, a source map's sources, a tsconfig's extends or
// an import can all name a file elsewhere on the machine. Every path the
// scanners open, report or rewrite is resolved, symbolic links included,
// and must lie inside one of the tree's roots; anything else is refused
// with an *OutsideError, which the scanners report as a note and never
// read.
//
// A root is the repository that holds a directory named on the command line
// (the nearest ancestor with a .git entry), or, outside any repository, the
// working directory when the named directory is beneath it, else the named
// directory itself: dypai.yaml and package.json are looked up that far and
// no further.
//
// Walker is the one directory walk of the engines: it stays in the tree,
// enters each real directory once (symbolic-link loops end) and leaves out
// directories by one rule, Skip: dependencies and version control always;
// vendored code, test fixtures, _names, build output and hidden folders as
// the walk chooses.
package scantree

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/finding"
)

// MaxDepth bounds how many directories deep a walk goes below a root: a
// tree built to exhaust the walker (20,000 directories 200 deep) stops
// there, with a note.
const MaxDepth = 64

// Tree is the part of the file system one run may read, report and write.
// A nil *Tree places no bound (the vet tool and the golangci-lint plugin,
// where the go command names every file).
type Tree struct {
	roots []string // absolute, symlink-free, clean

	mu   sync.Mutex
	real map[string]string // absolute directory -> its real path ("" when it does not resolve)
}

// New returns the tree of a run started in cwd that names dirs (absolute
// or relative to cwd).
func New(cwd string, dirs []string) *Tree {
	t := &Tree{real: map[string]string{}}
	cwdReal, _ := filepath.EvalSymlinks(cwd)
	for _, d := range dirs {
		if !filepath.IsAbs(d) {
			d = filepath.Join(cwd, d)
		}
		real, err := filepath.EvalSymlinks(d)
		if err != nil {
			continue
		}
		root := repository(real)
		if root == "" {
			root = real
			if cwdReal != "" && Within(real, cwdReal) {
				root = cwdReal
			}
		}
		t.addRoot(root)
	}
	return t
}

// Enclosing returns the tree of a run that names no directory tree of its
// own (go vet, golangci-lint check one package at a time): the repository
// holding dir (its nearest ancestor with a .git entry), else the Go module
// holding it (its nearest go.mod) — never above the code being checked. In
// neither (a GOPATH-mode package outside any checkout) it returns nil, no
// bound, as there is no edge to stop at.
func Enclosing(dir string) *Tree {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		real = filepath.Clean(dir)
	}
	root := repository(real)
	if root == "" {
		root = nearestWith(real, "go.mod")
	}
	if root == "" {
		return nil
	}
	t := &Tree{real: map[string]string{}}
	t.addRoot(root)
	return t
}

// addRoot adds root unless a root already covers it, and drops the roots
// it covers.
func (t *Tree) addRoot(root string) {
	kept := t.roots[:0]
	for _, r := range t.roots {
		if Within(root, r) {
			return
		}
		if !Within(r, root) {
			kept = append(kept, r)
		}
	}
	t.roots = append(kept, root)
}

// repository returns the nearest ancestor of dir (dir included) with a
// .git entry, or "".
func repository(dir string) string { return nearestWith(dir, ".git") }

// nearestWith returns the nearest ancestor of dir (dir included) with an
// entry named name, or "".
func nearestWith(dir, name string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, name)); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// Roots returns the tree's roots (real paths).
func (t *Tree) Roots() []string {
	if t == nil {
		return nil
	}
	return append([]string(nil), t.roots...)
}

// Within reports whether path is dir or beneath it, lexically.
func Within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// lexicallyInside reports whether a real path lies in a root.
func (t *Tree) lexicallyInside(path string) bool {
	for _, r := range t.roots {
		if Within(path, r) {
			return true
		}
	}
	return false
}

// Bounds reports whether a directory lies lexically inside the tree: the
// limit of walks up the directory hierarchy (dypai.yaml, package.json).
func (t *Tree) Bounds(dir string) bool {
	if t == nil {
		return true
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	real := t.realDir(abs)
	return real != "" && t.lexicallyInside(real)
}

// OutsideError is a path refused because it resolves outside the tree.
type OutsideError struct {
	Path   string // as the scanner met it
	Target string // where it leads: a link's real target, or the path itself
	Via    string // what named it: "symbolic link", "source map source"…
	Effect string // what follows, if more than "not read"
}

// Error names the path as the scanner met it, never the target: what lies
// outside the tree is not reported.
func (e *OutsideError) Error() string {
	effect := e.Effect
	if effect == "" {
		effect = "not read"
	}
	if e.Path == e.Target {
		return fmt.Sprintf("%s: %s outside the scanned tree; %s", e.Path, e.Via, effect)
	}
	return fmt.Sprintf("%s: %s leads outside the scanned tree; %s", e.Path, e.Via, effect)
}

// IsNotice marks the refusal as a gap in what was seen, not a broken input.
func (e *OutsideError) IsNotice() bool { return true }

// ErrOutside matches every *OutsideError with errors.Is.
var ErrOutside = errors.New("outside the scanned tree")

// Is makes errors.Is(err, ErrOutside) true.
func (e *OutsideError) Is(target error) bool { return target == ErrOutside }

// realDir returns the real path of an absolute directory, resolving its
// parent first (cached), so that a walk evaluates each directory once
// rather than each path component of every directory again.
func (t *Tree) realDir(dir string) string {
	t.mu.Lock()
	r, ok := t.real[dir]
	t.mu.Unlock()
	if ok {
		return r
	}
	parent := filepath.Dir(dir)
	if parent == dir {
		r = dir
	} else if pr := t.realDir(parent); pr != "" {
		r = t.resolveChild(pr, filepath.Base(dir))
	}
	t.mu.Lock()
	t.real[dir] = r
	t.mu.Unlock()
	return r
}

// resolveChild is the real path of name in the real directory dir: dir/name
// unless name is a link, which is then evaluated.
func (t *Tree) resolveChild(dir, name string) string {
	p := filepath.Join(dir, name)
	fi, err := os.Lstat(p)
	if err != nil {
		return ""
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return p
	}
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		return ""
	}
	return r
}

// Real returns the real path of path: every link on the way evaluated.
func (t *Tree) Real(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if t == nil {
		return filepath.EvalSymlinks(abs)
	}
	pr := t.realDir(filepath.Dir(abs))
	if pr == "" {
		return "", &fs.PathError{Op: "resolve", Path: path, Err: fs.ErrNotExist}
	}
	r := t.resolveChild(pr, filepath.Base(abs))
	if r == "" {
		return "", &fs.PathError{Op: "resolve", Path: path, Err: fs.ErrNotExist}
	}
	return r, nil
}

// Check returns nil when path resolves inside the tree, an *OutsideError
// when it leads out of it, and the file system's error when it does not
// resolve. via says what named the path, for the error.
func (t *Tree) Check(path, via string) error {
	if t == nil {
		return nil
	}
	real, err := t.Real(path)
	if err != nil {
		return err
	}
	if !t.lexicallyInside(real) {
		return &OutsideError{Path: path, Target: real, Via: via}
	}
	return nil
}

// Admits reports whether a path that need not exist (a source map's
// source, whose text the map carries) would lie inside the tree: its
// deepest existing ancestor is resolved, links included, and the rest
// appended.
func (t *Tree) Admits(path string) bool {
	if t == nil {
		return true
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rest := ""
	for d := abs; ; {
		if _, err := os.Lstat(d); err == nil {
			real, err := t.Real(d)
			if err != nil {
				return false
			}
			return t.lexicallyInside(filepath.Join(real, rest))
		}
		parent := filepath.Dir(d)
		if parent == d {
			return false
		}
		rest = filepath.Join(filepath.Base(d), rest)
		d = parent
	}
}

// Contains reports whether path resolves to a file or directory inside the
// tree.
func (t *Tree) Contains(path string) bool { return t.Check(path, "path") == nil }

// ReadFile reads a file inside the tree; a path that leads outside is an
// *OutsideError and is not opened.
func (t *Tree) ReadFile(path string) ([]byte, error) {
	if err := t.Check(path, "link"); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// Open opens a file inside the tree, as ReadFile.
func (t *Tree) Open(path string) (*os.File, error) {
	if err := t.Check(path, "link"); err != nil {
		return nil, err
	}
	return os.Open(path)
}

// Stat is os.Stat for a path inside the tree; outside, it is an
// *OutsideError.
func (t *Tree) Stat(path string) (fs.FileInfo, error) {
	if err := t.Check(path, "link"); err != nil {
		return nil, err
	}
	return os.Stat(path)
}

// IsFile reports whether path is a regular file inside the tree.
func (t *Tree) IsFile(path string) bool {
	fi, err := t.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

// IsDir reports whether path is a directory inside the tree.
func (t *Tree) IsDir(path string) bool {
	fi, err := t.Stat(path)
	return err == nil && fi.IsDir()
}

// Entry is one directory entry as a walk sees it, links resolved.
type Entry struct {
	Name string
	Path string // the directory's path joined with Name
	Real string // symlink-free
	Dir  bool
	Reg  bool // a regular file
	Link bool // reached through a symbolic link
}

// ReadDir lists dir, whose real path is real (from the parent's entry, so
// that a walk evaluates each link once). Links are resolved: a link that
// leads outside the tree is left out and returned among the notes as an
// *OutsideError; a dangling link is left out silently (it names nothing).
func (t *Tree) ReadDir(dir, real string) ([]Entry, []error, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	out := make([]Entry, 0, len(ents))
	var notes []error
	for _, e := range ents {
		en := Entry{Name: e.Name(), Path: filepath.Join(dir, e.Name()), Real: filepath.Join(real, e.Name())}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			en.Link = true
			r, err := filepath.EvalSymlinks(en.Path)
			if err != nil {
				continue
			}
			if t != nil && !t.lexicallyInside(r) {
				notes = append(notes, &OutsideError{Path: en.Path, Target: r, Via: "symbolic link"})
				continue
			}
			fi, err := os.Stat(r)
			if err != nil {
				continue
			}
			en.Real, mode = r, fi.Mode().Type()
			if fi.IsDir() && t != nil {
				t.mu.Lock()
				t.real[en.Path] = r
				t.mu.Unlock()
			}
		}
		en.Dir, en.Reg = mode.IsDir(), mode.IsRegular()
		out = append(out, en)
	}
	return out, notes, nil
}

// ErrTooDeep matches, with errors.Is, the notice of a directory below
// MaxDepth (DepthNotice).
var ErrTooDeep = errors.New("too deep")

// DepthNotice is the notice for a directory below MaxDepth, not walked.
func DepthNotice(dir string) *finding.Problem {
	p := finding.Notef(dir, "more than %d directories deep; not scanned", MaxDepth)
	p.Kind = ErrTooDeep
	return p
}

// Depth returns how many directories dir lies below the root that holds
// it (0 for a root, -1 outside the tree).
func (t *Tree) Depth(dir string) int {
	if t == nil {
		return 0
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = t.realDir(abs)
	}
	for _, r := range t.roots {
		if dir != "" && Within(dir, r) {
			rel, _ := filepath.Rel(r, dir)
			if rel == "." {
				return 0
			}
			return strings.Count(rel, string(filepath.Separator)) + 1
		}
	}
	return -1
}
