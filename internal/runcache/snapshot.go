package runcache

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dypai/dypailint/internal/scantree"
)

// FileState is what a snapshot knows of one file: its content hash, and
// the stat fields that let the next run trust that hash without reading
// the file again (as git's index does).
type FileState struct {
	Hash  string `json:"h"` // hex SHA-256 of the content, or "!" and the read error
	Size  int64  `json:"s"`
	MTime int64  `json:"m"` // modification time, Unix nanoseconds
	CTime int64  `json:"c"` // status change time, Unix nanoseconds: no tool sets it back
	Ino   uint64 `json:"i"`
}

// sameStat reports whether two states describe the same unchanged file.
func (a FileState) sameStat(b FileState) bool {
	return a.Size == b.Size && a.MTime == b.MTime && a.CTime == b.CTime && a.Ino == b.Ino
}

// racyWindow is how close to the start of a run a file's modification may
// be for its stat fields to be trusted next time: a file written in the
// same instant as the hash was taken may change again without its times
// moving.
const racyWindow = 2 * time.Second

// Snapshot is the content of every file of a tree the run may read, by
// path: every file beneath its roots but version control and installed
// dependencies, which the engines read only as inputs they name (Hash).
type Snapshot struct {
	tree  *scantree.Tree
	start time.Time
	known map[string]FileState // the last run's states, trusted when the stat fields match

	mu    sync.Mutex
	files map[string]FileState // walked
	extra map[string]FileState // hashed on demand, outside the walk
	dirs  map[string][]string  // names of the walked files by directory, made on first use
}

// statKind is the entry kind of a tree's stat table.
const statKind = "stat"

// Snap walks the tree and hashes what changed since the stat table c holds
// for it (nil: hash everything).
func Snap(c *Cache, tree *scantree.Tree) *Snapshot {
	s := &Snapshot{tree: tree, start: time.Now(), files: map[string]FileState{}, extra: map[string]FileState{}}
	c.Get(statKind, s.statKey(), &s.known)
	var paths []string
	w := &scantree.Walker{Tree: tree, Skip: scantree.Skip{Hidden: scantree.AnyHidden}, Links: true}
	for _, root := range tree.Roots() {
		real, err := tree.Real(root)
		if err != nil {
			continue
		}
		w.Walk(root, real, func(string) (func(scantree.Entry) bool, func()) {
			return func(e scantree.Entry) bool {
				if e.Reg {
					paths = append(paths, e.Path)
				}
				return e.Dir
			}, nil
		})
	}
	// One stat, and where it changed one hash, per file: on every core.
	states := make([]FileState, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(paths); i = int(next.Add(1) - 1) {
				states[i] = s.state(paths[i])
			}
		})
	}
	wg.Wait()
	for i, p := range paths {
		s.files[p] = states[i]
	}
	return s
}

func (s *Snapshot) statKey() Key {
	return NewHasher(statKind).Strings(s.tree.Roots()).Sum()
}

// SaveStats records the stat table for the next run.
func (s *Snapshot) SaveStats(c *Cache) {
	s.mu.Lock()
	table := make(map[string]FileState, len(s.files)+len(s.extra))
	for _, m := range []map[string]FileState{s.files, s.extra} {
		for p, st := range m {
			if st.trusted(s.start) {
				table[p] = st
			}
		}
	}
	s.mu.Unlock()
	c.Put(statKind, s.statKey(), table)
}

// state stats and, unless the last run's state still holds, hashes path.
func (s *Snapshot) state(path string) FileState {
	old, ok := s.known[path]
	return stateOf(path, old, ok)
}

// stateOf stats path and hashes it, unless old, its state in an earlier
// run (known says whether there is one), still holds.
func stateOf(path string, old FileState, known bool) FileState {
	fi, err := os.Stat(path)
	if err != nil {
		return FileState{Hash: "!" + err.Error()}
	}
	st := FileState{Size: fi.Size(), MTime: fi.ModTime().UnixNano()}
	st.Ino, st.CTime = inode(fi)
	if known && old.sameStat(st) {
		st.Hash = old.Hash
		return st
	}
	st.Hash = hashFile(path)
	return st
}

// trusted reports whether st may be kept for a run after start: it was read
// and was last changed long enough before start.
func (st FileState) trusted(start time.Time) bool {
	return st.Hash != "" && st.Hash[0] != '!' && start.Sub(time.Unix(0, st.MTime)) > racyWindow
}

func hashFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "!" + err.Error()
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "!" + err.Error()
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Hash returns the content hash of a file the run read: from the walk, or
// hashed now (a dependency's file, outside the walk) and remembered. A
// path that leads outside the tree is not read.
func (s *Snapshot) Hash(path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.files[path]; ok {
		return st.Hash
	}
	if st, ok := s.extra[path]; ok {
		return st.Hash
	}
	if err := s.tree.Check(path, "input"); err != nil {
		return "!outside"
	}
	st := s.state(path)
	s.extra[path] = st
	return st.Hash
}

// Walked reports whether path is one of the files the walk found.
func (s *Snapshot) Walked(path string) bool {
	_, ok := s.files[path]
	return ok
}

// Digest is a key over every walked file whose path keep accepts (nil:
// all): its path and its content.
func (s *Snapshot) Digest(kind string, keep func(path string) bool) Key {
	paths := make([]string, 0, len(s.files))
	for p := range s.files {
		if keep == nil || keep(p) {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	h := NewHasher(kind)
	for _, p := range paths {
		h.String(p).String(s.files[p].Hash)
	}
	return h.Sum()
}

// Listing is a key over the names of the walked files directly in dir: a
// file added beside an input can change how an import resolves.
func (s *Snapshot) Listing(dir string) Key {
	s.mu.Lock()
	if s.dirs == nil {
		s.dirs = map[string][]string{}
		for p := range s.files {
			d, name := filepath.Split(p)
			d = strings.TrimSuffix(d, string(filepath.Separator))
			s.dirs[d] = append(s.dirs[d], name)
		}
		for _, names := range s.dirs {
			slices.Sort(names)
		}
	}
	names := s.dirs[dir]
	s.mu.Unlock()
	return NewHasher("listing").String(dir).Strings(names).Sum()
}

// FileHash is the content hash of a file outside any tree, such as the
// running executable, remembered by its stat fields between runs.
func (c *Cache) FileHash(path string) string {
	key := NewHasher("file").String(path).Sum()
	var old FileState
	known := c.Get("file", key, &old)
	start := time.Now()
	st := stateOf(path, old, known)
	if st != old && st.trusted(start) {
		c.Put("file", key, st)
	}
	return st.Hash
}

// Paths are the walked files, sorted.
func (s *Snapshot) Paths() []string {
	return slices.Sorted(maps.Keys(s.files))
}
