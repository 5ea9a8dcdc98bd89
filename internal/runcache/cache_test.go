package runcache

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dypai/dypailint/internal/scantree"
)

func openIn(t *testing.T, tree *scantree.Tree) *Cache {
	t.Helper()
	t.Setenv(EnvDir, filepath.Join(t.TempDir(), "cache"))
	c, err := Open(tree)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type payload struct{ A string }

func TestPutGet(t *testing.T) {
	c := openIn(t, nil)
	k := NewHasher("t").String("x").Sum()
	if c.Get("t", k, &payload{}) {
		t.Fatal("an empty cache had an entry")
	}
	if err := c.Put("t", k, payload{"hello"}); err != nil {
		t.Fatal(err)
	}
	var got payload
	if !c.Get("t", k, &got) || got.A != "hello" {
		t.Fatalf("Get = %+v, want hello", got)
	}
	if c.Get("other", k, &got) {
		t.Error("an entry of another kind was taken")
	}
	if c.Get("t", NewHasher("t").String("y").Sum(), &got) {
		t.Error("an entry of another key was taken")
	}
}

// TestCorruptOrForeignEntryIgnored: an entry whose payload, checksum,
// header or key was changed, or that is not a regular file, is a miss.
func TestCorruptOrForeignEntryIgnored(t *testing.T) {
	k := NewHasher("t").String("x").Sum()
	other := NewHasher("t").String("y").Sum()
	edits := map[string]func(path string, data []byte){
		"payload changed": func(path string, data []byte) {
			os.WriteFile(path, []byte(strings.Replace(string(data), "hello", "hellp", 1)), 0o600)
		},
		"checksum changed": func(path string, data []byte) {
			lines := strings.SplitN(string(data), "\n", 3)
			lines[1] = strings.Repeat("0", len(lines[1]))
			os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
		},
		"older format": func(path string, data []byte) {
			os.WriteFile(path, []byte(strings.Replace(string(data), Format, "dypailint-runcache 0", 1)), 0o600)
		},
		"another key's entry": func(path string, data []byte) {
			os.WriteFile(path, []byte(strings.Replace(string(data), k.String(), other.String(), 1)), 0o600)
		},
		"truncated": func(path string, data []byte) { os.WriteFile(path, data[:len(data)/2], 0o600) },
		"not JSON":  func(path string, data []byte) { os.WriteFile(path, []byte(header("t", k)+"\n"+"x\n"), 0o600) },
		"a directory": func(path string, data []byte) {
			os.Remove(path)
			os.Mkdir(path, 0o700)
		},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			c := openIn(t, nil)
			if err := c.Put("t", k, payload{"hello"}); err != nil {
				t.Fatal(err)
			}
			path := c.path("t", k)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			edit(path, data)
			var got payload
			if c.Get("t", k, &got) {
				t.Errorf("the edited entry was trusted: %+v", got)
			}
		})
	}
}

// TestRefusesDirectoryInsideTree: the cache is never kept in the scanned
// tree, named directly or through a link.
func TestRefusesDirectoryInsideTree(t *testing.T) {
	root := t.TempDir()
	tree := scantree.New(root, []string{root})
	t.Setenv(EnvDir, filepath.Join(root, ".cache"))
	if _, err := Open(tree); err == nil {
		t.Error("a cache directory inside the tree was used")
	}
	if _, err := os.Stat(filepath.Join(root, ".cache")); err == nil {
		t.Error("the cache directory was created inside the tree")
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(root, link); err != nil {
		t.Fatal(err)
	}
	t.Setenv(EnvDir, filepath.Join(link, "cache"))
	if _, err := Open(tree); err == nil {
		t.Error("a cache directory linked into the tree was used")
	}
}

// TestSnapshot: the content hash follows the content; the stat table of
// one run lets the next trust unchanged files, and a file changed within
// the racy window is hashed again.
func TestSnapshot(t *testing.T) {
	root := t.TempDir()
	tree := scantree.New(root, []string{root})
	c := openIn(t, tree)
	old := filepath.Join(root, "old.ts")
	fresh := filepath.Join(root, "sub", "fresh.ts")
	os.MkdirAll(filepath.Dir(fresh), 0o755)
	os.WriteFile(old, []byte("a"), 0o644)
	os.WriteFile(fresh, []byte("b"), 0o644)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	os.MkdirAll(filepath.Join(root, "node_modules", "x"), 0o755)
	os.WriteFile(filepath.Join(root, "node_modules", "x", "i.js"), []byte("c"), 0o644)

	s := Snap(c, tree)
	if !s.Walked(old) || !s.Walked(fresh) || s.Walked(filepath.Join(root, "node_modules", "x", "i.js")) {
		t.Fatalf("walked %v, want old.ts and sub/fresh.ts only", s.Paths())
	}
	if sum := sha256.Sum256([]byte("a")); s.Hash(old) != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash(old.ts) = %s, want the SHA-256 of its content", s.Hash(old))
	}
	s.SaveStats(c)
	var table map[string]FileState
	c.Get(statKind, s.statKey(), &table)
	if _, ok := table[old]; !ok {
		t.Error("the stat table lacks a file unchanged for an hour")
	}
	if _, ok := table[fresh]; ok {
		t.Error("the stat table trusts a file changed just now")
	}

	d1, l1 := s.Digest("d", nil), s.Listing(filepath.Join(root, "sub"))
	os.WriteFile(fresh, []byte("B"), 0o644)
	os.WriteFile(filepath.Join(root, "sub", "new.ts"), nil, 0o644)
	s2 := Snap(c, tree)
	if s2.Hash(old) != s.Hash(old) {
		t.Error("an unchanged file hashed differently")
	}
	if s2.Hash(fresh) == s.Hash(fresh) {
		t.Error("an edit of the same size within the racy window went unseen")
	}
	if s2.Digest("d", nil) == d1 {
		t.Error("the digest did not change with the content")
	}
	if s2.Listing(filepath.Join(root, "sub")) == l1 {
		t.Error("the listing did not change with a new file")
	}
}

// TestTrim: the daily trim removes entries unused for a week and, beyond
// the size bound, those used longest ago; it keeps the rest.
func TestTrim(t *testing.T) {
	c := openIn(t, nil)
	defer func(n int64) { maxTotal = n }(maxTotal)
	keys := make([]Key, 4)
	for i := range keys {
		keys[i] = NewHasher("t").String(string(rune('a' + i))).Sum()
		if err := c.Put("t", keys[i], payload{strings.Repeat("x", 1000)}); err != nil {
			t.Fatal(err)
		}
	}
	// 0 unused for eight days, 1 for two days, 2 for one, 3 just used.
	for i, age := range []time.Duration{8 * 24 * time.Hour, 48 * time.Hour, 24 * time.Hour} {
		then := time.Now().Add(-age)
		os.Chtimes(c.path("t", keys[i]), then, then)
	}
	os.Remove(filepath.Join(c.dir, "trimmed"))
	maxTotal = 2500 // room for two entries
	c.trim()
	for i, want := range []bool{false, false, true, true} {
		_, err := os.Stat(c.path("t", keys[i]))
		if got := err == nil; got != want {
			t.Errorf("entry %d kept = %v, want %v", i, got, want)
		}
	}
}
