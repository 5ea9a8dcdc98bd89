package source

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
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
