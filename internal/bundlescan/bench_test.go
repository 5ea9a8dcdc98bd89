package bundlescan

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/bundlescan/synth"
	"github.com/dypai/dypailint/internal/testtree"
)

// BenchmarkScan10MB scans a generated 10 MB one-line minified bundle with a
// named secret, end to end (walk, read, scan, report).
func BenchmarkScan10MB(b *testing.B) {
	dir := b.TempDir()
	data := synth.Bundle(10<<20, 1, synth.Leaks{HeaderKey: headerKey, Secret: envKey})
	testtree.Write(b, dir, map[string]string{"dist/assets/index-3f2a.js": string(data)})
	cfg := &config.Config{SecretEnv: []string{"DYPAI_API_KEY"}}
	s := &Scanner{LookupEnv: func(string) (string, bool) { return envKey, true }}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		fs, errs := s.Scan(context.Background(), []string{dir}, cfg)
		if len(fs) != 2 || len(errs) != 0 {
			b.Fatalf("findings %v, errors %v", fs, errs)
		}
	}
}

// TestLinearTime scans inputs built to make a careless scanner quadratic
// (unterminated regular expressions and strings, deep nesting, JWT and
// header look-alikes, escaped JSON in strings) at two sizes eight times
// apart, and checks that the time grows about eightfold, not 64-fold.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	ns := needles([]*secret{{value: envKey, names: []string{"K"}}})
	cr := ctxRulesFor(sdk.Dypai)
	for name, unit := range map[string]string{
		"quotes":          `"'` + "`",
		"regex bait":      `(/[`,
		"template nest":   "`${",
		"open brackets":   "({[",
		"jwt look-alikes": "eyJ.eyJ.",
		"headers":         `{"X-API-KEY":"abcdefgh12345678"},`,
		"escaped json":    `"{\"x-api-key\":\"abcdefgh1234\"}",`,
		"comment openers": "/*/",
		"key prefixes":    "sb_secret_",
	} {
		t.Run(name, func(t *testing.T) {
			small := []byte(strings.Repeat(unit, (32<<10)/len(unit)))
			large := []byte(strings.Repeat(unit, (256<<10)/len(unit)))
			measure := func(data []byte) time.Duration {
				best := time.Duration(1 << 62)
				for range 3 {
					start := time.Now()
					lines := newLineIndex(data)
					scanText("f", data, []jsSpan{{0, len(data)}}, -1, -1, cr, ns, []string{"sb_secret_"}, lines)
					best = min(best, time.Since(start))
				}
				return best
			}
			// On a loaded machine one measurement can be off: a quadratic
			// scanner fails every attempt (64 times slower), a linear one
			// passes at least one.
			var ts, tl time.Duration
			for range 3 {
				ts, tl = measure(small), measure(large)
				if tl <= 24*ts+20*time.Millisecond {
					return
				}
			}
			t.Errorf("32 KiB: %v, 256 KiB: %v: grows faster than linearly", ts, tl)
		})
	}
}
