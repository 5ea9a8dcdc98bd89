package main

import (
	"fmt"
	"os"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/parser"
)

func main() {
	r := api.Build(api.BuildOptions{
		EntryPoints: os.Args[2:], AbsWorkingDir: os.Args[1], Bundle: true, Write: false, Metafile: true,
		Platform: api.PlatformBrowser, Format: api.FormatESModule, Splitting: true, Sourcemap: api.SourceMapExternal,
		SourcesContent: api.SourcesContentExclude, Packages: api.PackagesExternal, JSX: api.JSXAutomatic, Outdir: os.Args[1] + "/.out",
	})
	for _, e := range r.Errors {
		fmt.Printf("ERR %+v %+v\n", e.Text, e.Location)
	}
	fmt.Println(r.Metafile)
	for _, f := range r.OutputFiles {
		fmt.Println("=====", f.Path)
		fmt.Println(string(f.Contents))
		if len(f.Path) > 3 && f.Path[len(f.Path)-3:] == ".js" {
			_, err := parser.ParseFile(nil, f.Path, string(f.Contents), 0, parser.IsModule, parser.WithDisableSourceMaps)
			fmt.Println("parse err:", err)
		}
	}
}
