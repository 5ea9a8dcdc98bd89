//go:build devtool

// Command esbuildfloor supports scripts/bench-real.sh and scripts/bench-js.sh:
// it passes every TS/TSX/JS/JSX/MJS/CJS source under a directory (skipping
// the directories the JS/TS scanner skips: dependencies, VCS data, build
// output, hidden folders) through esbuild's api.Transform once, with an
// external source map, on two workers, and does nothing else. That is about
// what reading each source once with esbuild and mapping positions back
// costs, so the scripts report it beside dypailint and gitleaks as the floor
// of what a scanner built on esbuild can reach. A file that does not parse
// is counted, not fatal: real trees hold a few.
//
//	esbuildfloor DIR
//
// The devtool build tag (go build -tags devtool) keeps this benchmark tool
// out of ./..., so installing the pre-commit hook, which runs
// go install ./..., builds dypailint alone.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/evanw/esbuild/pkg/api"
)

// skipDirs are the directory names the JS/TS scanner never enters
// (internal/jsscan's skipDirs); hidden folders are skipped too, except the
// ones that hold source by a framework's convention.
var skipDirs = map[string]bool{
	"node_modules": true, "vendor": true, "dist": true, "build": true, "out": true,
	"bower_components": true, "jspm_packages": true, "coverage": true,
}

var conventionDirs = map[string]bool{".server": true, ".client": true}

var loaders = map[string]api.Loader{
	".ts": api.LoaderTS, ".mts": api.LoaderTS, ".cts": api.LoaderTS, ".tsx": api.LoaderTSX,
	".js": api.LoaderJS, ".mjs": api.LoaderJS, ".cjs": api.LoaderJS, ".jsx": api.LoaderJSX,
}

const workers = 2

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: esbuildfloor DIR")
		os.Exit(2)
	}
	root, err := filepath.Abs(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (skipDirs[name] || strings.HasPrefix(name, ".") && !conventionDirs[name]) {
				return filepath.SkipDir
			}
			return nil
		}
		if _, ok := loaders[filepath.Ext(name)]; ok && d.Type().IsRegular() && !strings.HasSuffix(strings.TrimSuffix(name, filepath.Ext(name)), ".d") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	type total struct{ in, out, failed int }
	sums := make([]total, workers)
	next := make(chan string)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for path := range next {
				src, err := os.ReadFile(path)
				if err != nil {
					sums[w].failed++
					continue
				}
				res := api.Transform(string(src), api.TransformOptions{
					Loader:     loaders[filepath.Ext(path)],
					Sourcefile: path,
					Sourcemap:  api.SourceMapExternal,
					JSX:        api.JSXAutomatic,
					LogLevel:   api.LogLevelSilent,
				})
				sums[w].in += len(src)
				sums[w].out += len(res.Code) + len(res.Map)
				if len(res.Errors) > 0 {
					sums[w].failed++
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	var t total
	for _, s := range sums {
		t.in, t.out, t.failed = t.in+s.in, t.out+s.out, t.failed+s.failed
	}
	fmt.Printf("%d files transformed, %d bytes in, %d bytes out (code and source maps), %d failed\n", len(files), t.in, t.out, t.failed)
}
