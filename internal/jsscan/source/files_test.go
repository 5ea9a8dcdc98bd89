package source

import (
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/dypai/dypailint/internal/testtree"
)

// TestUnderscoreWords checks the scan against the regular expression it
// replaced, on fixed and random inputs.
func TestUnderscoreWords(t *testing.T) {
	re := regexp.MustCompile(`[A-Za-z0-9]*_[A-Za-z0-9_]*`)
	inputs := []string{"", "_", "abc", "a_b", "process.env.NEXT_PUBLIC_KEY;", "x1_y$z __ foo_ _bar", "é_ü_x", "A_B\nC_D"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("aZ9_ .$\n\xc3")
	for range 500 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		var want, got []string
		for _, w := range re.FindAll([]byte(in), -1) {
			want = append(want, string(w))
		}
		for _, w := range underscoreWords([]byte(in)) {
			got = append(got, string(w))
		}
		if !slices.Equal(got, want) {
			t.Errorf("underscoreWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMentionsToken: a word named as a token is found, one in a comment or
// a longer text is not, a file without it at all is not lexed into a yes,
// and the answers stay the same when asked again (from the cache).
func TestMentionsToken(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"header.ts":  "h.set('X-API-KEY', k)\n",
		"comment.ts": "// send X-API-KEY\nconst p = `{\"X-API-KEY\": \"1\"}`\n",
		"none.ts":    "export const x = 1\n",
	}
	testtree.Write(t, dir, files)
	c := NewFiles(nil)
	for range 2 {
		for name, want := range map[string]bool{"header.ts": true, "comment.ts": false, "none.ts": false} {
			got, err := c.MentionsToken(filepath.Join(dir, name), []string{"x-api-key"})
			if err != nil || got != want {
				t.Errorf("MentionsToken(%s) = %v, %v; want %v", name, got, err, want)
			}
		}
	}
	if _, err := c.MentionsToken(filepath.Join(dir, "missing.ts"), []string{"x-api-key"}); err == nil {
		t.Error("MentionsToken of a missing file: no error")
	}
}
