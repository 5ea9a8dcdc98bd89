// Package runcache keeps what earlier runs of dypailint found, so that a
// re-run on an unchanged tree, or on a tree where one project changed,
// takes what it can from disk (pre-commit runs on every commit).
//
// The cache lives in os.UserCacheDir()/dypailint, or $DYPAILINT_CACHE. An
// entry is one file named by its key, a SHA-256 over everything the result
// depends on (see Hasher, Snapshot); it starts with a header that names the
// format version, echoes the key and holds the SHA-256 of the payload. An
// entry whose header, key or checksum does not match, or that does not
// decode, is ignored, never trusted. Entries are written to a temporary
// file and renamed into place, and bounded in size; entries unused for a
// week, and beyond 1 GiB in all those used longest ago, are removed. The
// cache holds hashes of file contents, never the contents; findings and
// errors are stored in the redacted form the output prints.
package runcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/dypai/dypailint/internal/scantree"
)

// Format is the version of the entry format; a change makes every older
// entry foreign.
const Format = "dypailint-runcache 1"

// MaxEntry bounds the size of one entry; a larger result is not kept.
const MaxEntry = 16 << 20

// maxAge is how long an entry unused is kept.
const maxAge = 7 * 24 * time.Hour

// Key names an entry: a SHA-256 over what its result depends on.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Cache is a directory of entries.
type Cache struct {
	dir string
}

// EnvDir names the environment variable that sets the cache directory
// instead (a CI job's cached directory, a test's).
const EnvDir = "DYPAILINT_CACHE"

// Dir returns the directory the cache uses: $DYPAILINT_CACHE, else
// os.UserCacheDir()/dypailint.
func Dir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "dypailint"), nil
}

// Open returns the cache, creating its directory. It refuses a cache
// directory inside the scanned tree: a run never writes there.
func Open(tree *scantree.Tree) (*Cache, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	if !filepath.IsAbs(dir) {
		return nil, fmt.Errorf("cache directory %s is not absolute", dir)
	}
	if err := inside(tree, dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := inside(tree, dir); err != nil { // now through links too
		return nil, err
	}
	c := &Cache{dir: dir}
	c.trim()
	return c, nil
}

// inside refuses a cache directory inside the tree, or holding it: the
// scanned tree is not written to, and its content is not trusted.
func inside(tree *scantree.Tree, dir string) error {
	if tree == nil {
		return nil
	}
	real := dir
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		real = r
	}
	for _, root := range tree.Roots() {
		for _, d := range []string{dir, real} {
			if scantree.Within(d, root) || scantree.Within(root, d) {
				return fmt.Errorf("cache directory %s lies inside the scanned tree %s", dir, root)
			}
		}
	}
	return nil
}

func (c *Cache) path(kind string, k Key) string {
	s := k.String()
	return filepath.Join(c.dir, kind, s[:2], s)
}

// header is the first line of an entry of this kind and key.
func header(kind string, k Key) string {
	return fmt.Sprintf("%s %s %s", Format, kind, k)
}

// Get decodes the entry of kind and key into v and reports whether there
// was a valid one.
func (c *Cache) Get(kind string, k Key, v any) bool {
	if c == nil {
		return false
	}
	path := c.path(kind, k)
	data, err := readBounded(path)
	if err != nil {
		return false
	}
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(head) != header(kind, k) {
		return false
	}
	sum, payload, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return false
	}
	want := sha256.Sum256(payload)
	if string(sum) != hex.EncodeToString(want[:]) {
		return false
	}
	if err := json.Unmarshal(payload, v); err != nil {
		return false
	}
	now := time.Now()
	os.Chtimes(path, now, now) // used: kept by trim
	return true
}

func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > MaxEntry+1024 {
		return nil, errors.New("not an entry")
	}
	var buf bytes.Buffer
	_, err = buf.ReadFrom(f)
	return buf.Bytes(), err
}

// Put records v as the entry of kind and key. A result larger than
// MaxEntry is not kept.
func (c *Cache) Put(kind string, k Key, v any) error {
	if c == nil {
		return nil
	}
	payload, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if len(payload) > MaxEntry {
		return nil
	}
	sum := sha256.Sum256(payload)
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s\n%s\n", header(kind, k), hex.EncodeToString(sum[:]))
	buf.Write(payload)
	path := c.path(kind, k)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// maxTotal bounds the size of the cache: a daily trim removes the entries
// used longest ago beyond it.
var maxTotal int64 = 1 << 30

// trim removes, at most once a day, the entries unused for maxAge,
// temporary files left by a run that was killed, and beyond maxTotal the
// entries used longest ago.
func (c *Cache) trim() {
	stamp := filepath.Join(c.dir, "trimmed")
	if st, err := os.Stat(stamp); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	now := time.Now()
	type entry struct {
		path string
		used time.Time
		size int64
	}
	var kept []entry
	var total int64
	filepath.WalkDir(c.dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == stamp {
			return nil
		}
		info, err := d.Info()
		switch {
		case err != nil:
		case now.Sub(info.ModTime()) > maxAge || strings.HasPrefix(d.Name(), ".tmp-") && now.Sub(info.ModTime()) > time.Hour:
			os.Remove(path)
		default:
			kept = append(kept, entry{path, info.ModTime(), info.Size()})
			total += info.Size()
		}
		return nil
	})
	slices.SortFunc(kept, func(a, b entry) int { return a.used.Compare(b.used) })
	for _, e := range kept {
		if total <= maxTotal {
			break
		}
		os.Remove(e.path)
		total -= e.size
	}
	os.WriteFile(stamp, nil, 0o600)
	os.Chtimes(stamp, now, now)
}
