package source

import (
	"strings"
	"sync"

	"github.com/dypai/dypailint/internal/scantree"
)

// fileCache reads source files once and splits them into lines.
type Files struct {
	tree  *scantree.Tree
	mu    sync.Mutex
	lines map[string][]string
	raw   map[string][]byte
}

func (c *Files) Read(path string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.raw[path]; ok {
		return b, nil
	}
	b, err := c.tree.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if c.raw == nil {
		c.raw = map[string][]byte{}
	}
	c.raw[path] = b
	return b, nil
}

// Line returns line n (0-based) of a file, or "".
func (c *Files) Line(path string, n int) string {
	c.mu.Lock()
	ls, ok := c.lines[path]
	c.mu.Unlock()
	if !ok {
		b, err := c.tree.ReadFile(path)
		if err == nil {
			ls = strings.Split(string(b), "\n")
		}
		c.mu.Lock()
		c.lines[path] = ls
		c.mu.Unlock()
	}
	if n < 0 || n >= len(ls) {
		return ""
	}
	return ls[n]
}

// newFileCache reads files from tree (every path, when tree is nil).
func NewFiles(tree *scantree.Tree) *Files {
	return &Files{tree: tree, lines: map[string][]string{}}
}
