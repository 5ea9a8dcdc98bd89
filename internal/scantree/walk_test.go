package scantree

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSkipDir(t *testing.T) {
	source := Skip{Vendor: true, BuildOutput: true, Hidden: func(n string) bool { return n == ".server" }}
	tests := []struct {
		skip Skip
		name string
		want bool
	}{
		{Skip{}, "node_modules", true},
		{Skip{}, "bower_components", true},
		{Skip{}, "jspm_packages", true},
		{Skip{Hidden: AnyHidden}, ".git", true},
		{Skip{Hidden: AnyHidden}, ".svn", true},
		{Skip{Hidden: AnyHidden}, ".next", false},
		{Skip{}, ".next", true},
		{Skip{}, "src", false},
		{Skip{}, "vendor", false},
		{Skip{}, "dist", false},
		{Skip{}, "_site", false},
		{GoSkip, "vendor", true},
		{GoSkip, "testdata", true},
		{GoSkip, "_old", true},
		{GoSkip, ".hidden", true},
		{GoSkip, "dist", false},
		{source, "dist", true},
		{source, "build", true},
		{source, "out", true},
		{source, "coverage", true},
		{source, ".server", false},
		{source, ".client", true},
		{source, "testdata", false},
	}
	for _, tt := range tests {
		if got := tt.skip.Dir(tt.name); got != tt.want {
			t.Errorf("%+v.Dir(%q) = %v, want %v", tt.skip, tt.name, got, tt.want)
		}
	}
}

func mkdirs(t *testing.T, root string, dirs ...string) {
	t.Helper()
	for _, d := range dirs {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// walkAll walks root and returns the directories entered and the files
// met, relative to root, and the notes.
func walkAll(t *testing.T, w *Walker, root string) (dirs, files []string, notes []error) {
	t.Helper()
	w.Note = func(err error) { notes = append(notes, err) }
	rel := func(p string) string {
		r, _ := filepath.Rel(root, p)
		return filepath.ToSlash(r)
	}
	err := w.Walk(root, root, func(dir string) (func(Entry) bool, func()) {
		dirs = append(dirs, rel(dir))
		return func(e Entry) bool {
			if !e.Dir {
				files = append(files, rel(e.Path))
			}
			return true
		}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dirs, files, notes
}

func TestWalkerLinks(t *testing.T) {
	root := t.TempDir()
	root, _ = filepath.EvalSymlinks(root)
	outside := t.TempDir()
	mkdirs(t, root, ".git", "a/b", "node_modules/x")
	for _, f := range []string{"a/b/f.js", "top.js"} {
		if err := os.WriteFile(filepath.Join(root, filepath.FromSlash(f)), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A loop back to the root, a link to a folder inside, one out of the tree.
	for link, target := range map[string]string{"a/b/loop": root, "in": filepath.Join(root, "a"), "away": outside} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	tree := New(root, []string{root})

	dirs, files, notes := walkAll(t, &Walker{Tree: tree, Links: true}, root)
	if want := []string{".", "a", "a/b"}; !slices.Equal(dirs, want) {
		t.Errorf("with links: entered %q, want %q", dirs, want)
	}
	if want := []string{"a/b/f.js", "top.js"}; !slices.Equal(files, want) {
		t.Errorf("with links: files %q, want %q", files, want)
	}
	var oe *OutsideError
	if len(notes) != 1 || !errors.As(notes[0], &oe) || !strings.HasSuffix(oe.Path, "away") {
		t.Errorf("with links: notes %v, want the link out of the tree", notes)
	}

	// Without links, a link is an entry of its own, never entered.
	dirs, files, notes = walkAll(t, &Walker{Tree: tree}, root)
	if want := []string{".", "a", "a/b"}; !slices.Equal(dirs, want) {
		t.Errorf("without links: entered %q, want %q", dirs, want)
	}
	if want := []string{"a/b/f.js", "a/b/loop", "away", "in", "top.js"}; !slices.Equal(files, want) {
		t.Errorf("without links: entries %q, want %q", files, want)
	}
	if len(notes) != 0 {
		t.Errorf("without links: notes %v", notes)
	}

	// Inside limits the links followed to a folder.
	mkdirs(t, root, "c")
	if err := os.Symlink(filepath.Join(root, "c"), filepath.Join(root, "a", "toc")); err != nil {
		t.Fatal(err)
	}
	a := filepath.Join(root, "a")
	var entered []string
	w := &Walker{Tree: tree, Links: true, Inside: a}
	w.Walk(a, a, func(dir string) (func(Entry) bool, func()) {
		entered = append(entered, filepath.Base(dir))
		return func(Entry) bool { return true }, nil
	})
	if want := []string{"a", "b"}; !slices.Equal(entered, want) {
		t.Errorf("inside a: entered %q, want %q", entered, want)
	}
}

func TestWalkerDepthAndLeave(t *testing.T) {
	root := t.TempDir()
	root, _ = filepath.EvalSymlinks(root)
	deep := strings.Repeat("d/", MaxDepth+1)
	mkdirs(t, root, deep)
	var order []string
	var notes []error
	w := &Walker{Tree: New(root, []string{root}), Note: func(err error) { notes = append(notes, err) }}
	depth := 0
	w.Walk(root, root, func(dir string) (func(Entry) bool, func()) {
		depth++
		order = append(order, "enter")
		return func(Entry) bool { return true }, func() { order = append(order, "leave") }
	})
	if depth != MaxDepth+1 {
		t.Errorf("entered %d directories, want %d", depth, MaxDepth+1)
	}
	if len(notes) != 1 || !errors.Is(notes[0], ErrTooDeep) {
		t.Errorf("notes %v, want one depth notice", notes)
	}
	if order[len(order)-1] != "leave" || order[depth-1] != "enter" || order[depth] != "leave" {
		t.Errorf("enter and leave out of order: %q", order)
	}
}
