package source

import (
	"bytes"
	"strings"
	"sync"

	"github.com/dypai/dypailint/internal/scantree"
)

// Files reads source files once and splits them into lines.
type Files struct {
	tree     *scantree.Tree
	mu       sync.Mutex
	lines    map[string][]string
	raw      map[string][]byte
	mentions map[string]*mentions
}

// Read returns a file's content.
func (c *Files) Read(path string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.read(path)
}

// read is Read with c.mu held.
func (c *Files) read(path string) ([]byte, error) {
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
	if !ok {
		if b, err := c.read(path); err == nil {
			ls = strings.Split(string(b), "\n")
		}
		c.lines[path] = ls
	}
	c.mu.Unlock()
	if n < 0 || n >= len(ls) {
		return ""
	}
	return ls[n]
}

// NewFiles reads files from tree (every path, when tree is nil).
func NewFiles(tree *scantree.Tree) *Files {
	return &Files{tree: tree, lines: map[string][]string{}}
}

// mentions is what is known of the words a file mentions.
type mentions struct {
	found  map[string]bool // needle -> mentioned
	tokens map[string]bool // words, "\x00"-joined -> one is a whole token (MentionsToken)
	names  []string        // the env-var-like names in it (EnvNames), once read
	named  bool
}

// mentionsOf is what is known of path's words, with c.mu held.
func (c *Files) mentionsOf(path string) (*mentions, error) {
	if m := c.mentions[path]; m != nil {
		return m, nil
	}
	if _, err := c.read(path); err != nil {
		return nil, err
	}
	if c.mentions == nil {
		c.mentions = map[string]*mentions{}
	}
	m := &mentions{found: map[string]bool{}}
	c.mentions[path] = m
	return m, nil
}

// Mentions reports whether a file's content contains any of the needles,
// which are in lower case, ignoring case. Answers are kept per file and
// needle: many projects of a monorepo ask about the same files.
func (c *Files) Mentions(path string, needles []string) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m, err := c.mentionsOf(path)
	if err != nil {
		return false, err
	}
	var lower []byte // the content in lower case, when a needle is new
	for _, n := range needles {
		found, ok := m.found[n]
		if !ok {
			if lower == nil {
				lower = bytes.ToLower(c.raw[path])
			}
			found = bytes.Contains(lower, []byte(n))
			m.found[n] = found
		}
		if found {
			return true, nil
		}
	}
	return false, nil
}

// MentionsToken reports whether a JS/TS file holds one of words, which are
// in lower case, as a whole token (HasToken), once Mentions says it holds
// one at all. Answers are kept per file and words, as Mentions' are.
func (c *Files) MentionsToken(path string, words []string) (bool, error) {
	if hit, err := c.Mentions(path, words); err != nil || !hit {
		return hit, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	m := c.mentions[path]
	key := strings.Join(words, "\x00")
	found, ok := m.tokens[key]
	if !ok {
		found = HasToken(c.raw[path], words)
		if m.tokens == nil {
			m.tokens = map[string]bool{}
		}
		m.tokens[key] = found
	}
	return found, nil
}

// EnvNames returns the distinct words of a file with an underscore in
// them: every name an env read in it can use (NEXT_PUBLIC_X, VITE_KEY).
func (c *Files) EnvNames(path string) ([]string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	m, err := c.mentionsOf(path)
	if err != nil {
		return nil, err
	}
	if !m.named {
		seen := map[string]bool{}
		for _, w := range underscoreWords(c.raw[path]) {
			if s := string(w); !seen[s] {
				seen[s] = true
				m.names = append(m.names, s)
			}
		}
		m.named = true
	}
	return m.names, nil
}

// underscoreWords are the maximal runs of ASCII letters, digits and
// underscores in data that contain an underscore (a scan: the regular
// expression it replaces was most of a monorepo's pre-check).
func underscoreWords(data []byte) [][]byte {
	var out [][]byte
	start, under := -1, false
	for i := 0; i <= len(data); i++ {
		if i < len(data) {
			c := data[i]
			if c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if start < 0 {
					start, under = i, false
				}
				under = under || c == '_'
				continue
			}
		}
		if start >= 0 && under {
			out = append(out, data[start:i])
		}
		start = -1
	}
	return out
}
