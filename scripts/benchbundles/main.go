//go:build devtool

// Command benchbundles supports scripts/bench-bundles.sh: it writes a
// generated minified bundle into a directory, and times the bundle
// scanner on a directory.
//
//	benchbundles gen -size 10 DIR     # DIR/dist/assets/index-3f2a.js, 10 MiB
//	benchbundles scan -runs 5 DIR     # prints the fastest and median run
//
// The devtool build tag (go build -tags devtool) keeps this benchmark tool
// out of ./..., so installing the pre-commit hook, which runs
// go install ./..., builds dypailint alone.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/internal/bundlescan"
	"github.com/dypai/dypailint/internal/bundlescan/synth"
)

// The planted leaks. Not real keys.
const (
	headerKey = "dyp_live_HeaderLiteral9f8e7d6c"
	secretKey = "dyp_live_4Rk9TqZx2LmW7vNc8HbYp3Js"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	size := fs.Int("size", 10, "bundle size in MiB (gen)")
	runs := fs.Int("runs", 5, "timed runs (scan)")
	_ = fs.Parse(os.Args[2:])
	if fs.NArg() != 1 {
		usage()
	}
	dir := fs.Arg(0)
	switch os.Args[1] {
	case "gen":
		p := filepath.Join(dir, "dist", "assets", "index-3f2a.js")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			fail(err)
		}
		data := synth.Bundle(*size<<20, 1, synth.Leaks{HeaderKey: headerKey, Secret: secretKey})
		if err := os.WriteFile(p, data, 0o644); err != nil {
			fail(err)
		}
		// The secret, where a project keeps it: gitleaks does not read it
		// as such, dypailint searches bundles for its value.
		if err := os.WriteFile(filepath.Join(dir, ".env.local"), []byte("DYPAI_API_KEY="+secretKey+"\n"), 0o644); err != nil {
			fail(err)
		}
		fmt.Printf("wrote %s (%d bytes)\n", p, len(data))
	case "scan":
		var times []time.Duration
		var findings int
		for range *runs {
			start := time.Now()
			fs, errs := bundlescan.Scan(context.Background(), []string{dir}, &config.Config{})
			times = append(times, time.Since(start))
			for _, e := range errs {
				fail(e)
			}
			findings = len(fs)
		}
		slices.Sort(times)
		fmt.Printf("dypailint bundlescan: %d findings; fastest %v, median %v over %d runs\n",
			findings, times[0].Round(time.Millisecond), times[len(times)/2].Round(time.Millisecond), len(times))
		fmt.Printf("seconds %.4f\n", times[len(times)/2].Seconds())
	default:
		usage()
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: benchbundles gen [-size MiB] DIR | benchbundles scan [-runs N] DIR")
	os.Exit(2)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchbundles:", err)
	os.Exit(1)
}
