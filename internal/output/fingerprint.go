package output

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/dypai/dypailint/analyzer/finding"
)

// Fingerprints returns, for each finding, an identity that survives line
// shifts: a hash of the rule, the file (relative to root), the finding's
// source line with white space removed, and the occurrence number of that
// triple in the file. Baselines and SARIF partialFingerprints use it.
func Fingerprints(root string, fs []finding.Finding) []string {
	lines := lineCache{}
	seen := map[string]int{}
	out := make([]string, len(fs))
	for i, f := range fs {
		code := strings.Join(strings.Fields(lines.line(f.Loc.File, f.Loc.Line)), "")
		key := f.RuleID + "\x00" + Rel(root, f.Loc.File) + "\x00" + code
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}

// lineCache reads each file once.
type lineCache struct {
	mu    sync.Mutex
	files map[string][]string
}

func (c *lineCache) line(path string, n int) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files == nil {
		c.files = map[string][]string{}
	}
	ls, ok := c.files[path]
	if !ok {
		if f, err := os.Open(path); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 64<<20)
			for sc.Scan() {
				l := sc.Text()
				if len(l) > 4096 { // minified bundles: the head of the line is identity enough
					l = l[:4096]
				}
				ls = append(ls, l)
			}
			f.Close()
		}
		c.files[path] = ls
	}
	if n < 1 || n > len(ls) {
		return ""
	}
	return ls[n-1]
}
