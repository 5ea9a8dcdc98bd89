package stdcheck_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"runtime/debug"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/passes/apikeyclient"
	"github.com/dypai/dypailint/passes/apikeyuserscope"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/manualuserid"
	"github.com/dypai/dypailint/passes/modemismatch"
	"github.com/dypai/dypailint/passes/privatesignup"
	"github.com/dypai/dypailint/passes/unknownendpoint"
)

// TestStd runs the passes over std (from source, with facts across every
// package): no errors, no panics, no findings.
func TestStd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole standard library from source")
	}
	// Loading std from source allocates much and keeps most of it: at the
	// default GOGC a third of the test's CPU went to the collector. Collect
	// only near 2 GiB (the test peaks near 1).
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(2 << 30))
	start := time.Now()
	// Parsed as goload parses for the CLI: without the ast.Object
	// resolution go/packages still does by default, which no pass reads.
	parse := func(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
		return parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, ParseFile: parse}, "std")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("std did not load cleanly")
	}
	cfg := &config.Config{}
	passes := []*analysis.Analyzer{
		apikeyclient.New(cfg),
		manualuserid.New(cfg),
		apikeyuserscope.New(cfg),
		privatesignup.New(cfg),
		unknownendpoint.New(cfg),
		modemismatch.New(cfg),
	}
	// The model is a root too, so that the checker keeps its results.
	model := clientmodel.For(cfg)
	graph, err := checker.Analyze(append(passes, model), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n, modelled := 0, false
	for act := range graph.All() {
		n++
		if act.Analyzer == model && act.Package.PkgPath == "net/http" {
			m, ok := act.Result.(*clientmodel.Model)
			modelled = ok && m.Project != nil
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: unexpected finding in std: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
	if !modelled {
		t.Error("the client model did not run on net/http")
	}
	t.Logf("%d packages, %d actions in %s", len(pkgs), n, time.Since(start).Round(time.Millisecond))
}
