// Command esbuildfloor supports scripts/bench-js.sh: it bundles every
// TS/TSX/JS source under a directory once with esbuild — one virtual entry
// re-exporting each file, packages external, source map and metafile on,
// nothing written — and does nothing else. That is the least any scanner
// built on esbuild's module graph spends on the tree, so the script reports
// it beside dypailint and gitleaks as the floor of what can be reached.
//
//	esbuildfloor DIR
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

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
	var entry strings.Builder
	n := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		switch filepath.Ext(path) {
		case ".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs":
			if !strings.HasSuffix(path, ".d.ts") {
				fmt.Fprintf(&entry, "export * as e%d from %q;\n", n, path)
				n++
			}
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	res := api.Build(api.BuildOptions{
		Stdin:          &api.StdinOptions{Contents: entry.String(), ResolveDir: root, Loader: api.LoaderJS},
		AbsWorkingDir:  root,
		Outdir:         filepath.Join(root, ".esbuildfloor-out"),
		Bundle:         true,
		Write:          false,
		Metafile:       true,
		Format:         api.FormatESModule,
		Platform:       api.PlatformNode,
		Sourcemap:      api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude,
		Packages:       api.PackagesExternal,
		JSX:            api.JSXAutomatic,
		LogLevel:       api.LogLevelSilent,
	})
	out := 0
	for _, f := range res.OutputFiles {
		out += len(f.Contents)
	}
	fmt.Printf("%d files bundled, %d bytes out, %d errors\n", n, out, len(res.Errors))
}
