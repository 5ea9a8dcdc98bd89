package jsscan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/jsscan/project"
	"github.com/dypai/dypailint/internal/jsscan/source"
	"github.com/dypai/dypailint/internal/scantree"
)

// TestRealApps scans checkouts of real apps, one per subdirectory of
// $DYPAILINT_REAL_APPS (skipped when unset), and checks that each was
// really analysed: it has client entries and client and server modules,
// and no input errors beyond notes. It logs what was seen, the findings,
// the time and the memory. With $DYPAILINT_DUMP set, it writes each
// project's esbuild output there, for debugging the parser and analysis.
//
//	DYPAILINT_REAL_APPS=/tmp/real go test ./internal/jsscan -run RealApps -v
func TestRealApps(t *testing.T) {
	dir := os.Getenv("DYPAILINT_REAL_APPS")
	if dir == "" {
		t.Skip("set DYPAILINT_REAL_APPS to a directory of app checkouts")
	}
	apps, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, app := range apps {
		if !app.IsDir() {
			continue
		}
		root := filepath.Join(dir, app.Name())
		t.Run(app.Name(), func(t *testing.T) {
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			res, err := Scan(context.Background(), []string{root}, &config.Config{})
			if err != nil {
				t.Fatal(err)
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			t.Logf("%v, %.1f MB allocated", time.Since(start).Round(time.Millisecond), float64(after.TotalAlloc-before.TotalAlloc)/1e6)
			for _, s := range res.Stats {
				t.Log(s)
			}
			t.Logf("\n%s", render(t, root, res))
			main := slices.MaxFunc(res.Stats, func(a, b ProjectStats) int { return a.Files - b.Files }) // the app
			entries := 0
			for _, n := range main.Entries {
				entries += n
			}
			if entries == 0 || main.ClientModules < entries/2 || main.ServerModules < main.Files/2 {
				t.Errorf("%s was not really analysed: %v", app.Name(), main)
			}
			for _, e := range res.Errors {
				var ie *finding.Problem
				if !errors.As(e, &ie) || !ie.Notice {
					t.Errorf("input error: %v", e)
				}
			}
			if out := os.Getenv("DYPAILINT_DUMP"); out != "" {
				dump(t, root, filepath.Join(out, app.Name()))
			}
		})
	}
}

// dump writes the esbuild output of each project under root to out.
func dump(t *testing.T, root, out string) {
	ps, _ := project.Discover([]string{root}, &config.Config{}, scantree.New(root, []string{root}))
	files := source.NewFiles(nil)
	for _, pp := range ps {
		p := &proj{&build.Builder{Project: pp}}
		if err := p.Setup(&config.Config{}); err != nil {
			t.Log(err)
		}
		st := build.NewState()
		defer st.Bundler.Dispose()
		for _, client := range []bool{false, true} {
			b, err := p.Build(st, client, project.ViteAlias(p.Tree, p.Root), files)
			if err != nil {
				t.Log(err)
				continue
			}
			rel, _ := filepath.Rel(root, p.Root)
			d := filepath.Join(out, rel)
			if err := os.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, c := range b.Chunks {
				if err := os.WriteFile(filepath.Join(d, filepath.Base(c.Path)), []byte(c.Code), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}
