//go:build devtool

// Command gentree writes a synthetic Next.js project for benchmarks:
//
//	go run -tags devtool ./internal/jsscan/internal/gentree/cmd/gentree -n 2500 -o /tmp/tree
//
// The devtool build tag (go build -tags devtool) keeps this benchmark tool
// out of ./..., so installing the pre-commit hook, which runs
// go install ./..., builds dypailint alone.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dypai/dypailint/internal/jsscan/internal/gentree"
)

func main() {
	n := flag.Int("n", 2500, "number of source files")
	out := flag.String("o", "", "output directory (created)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gentree: -o is required")
		os.Exit(2)
	}
	if err := gentree.Generate(*out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gentree:", err)
		os.Exit(1)
	}
}
