package ssaflow_test

import (
	"fmt"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/passtest"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// flowTest seeds the results of source() and reports the calls of sink()
// they reach; clean() is a sanitizer.
var flowTest = &analysis.Analyzer{
	Name:     "flowtest",
	Doc:      "test helper: report source() values reaching sink()",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA)
		e := ssaflow.New(ssaflow.Config{
			Carries: func(t types.Type) bool {
				b, ok := t.Underlying().(*types.Basic)
				return !ok || b.Info()&types.IsString != 0
			},
			Call: func(s ssaflow.Site) ssaflow.Decision {
				if s.Func == nil {
					return ssaflow.Decision{Effect: ssaflow.Use, Label: "?"}
				}
				switch s.Func.Name() {
				case "sink":
					return ssaflow.Decision{Effect: ssaflow.Use, Label: "sink"}
				case "clean":
					return ssaflow.Decision{Effect: ssaflow.Ignore}
				case "scan":
					return ssaflow.Decision{Effect: ssaflow.IntoPointers}
				case "inspect", "inspectAny":
					if s.Fields == nil {
						return ssaflow.Decision{Effect: ssaflow.Use, Label: "inspect whole"}
					}
					return ssaflow.Decision{Effect: ssaflow.Use, Label: fmt.Sprintf("inspect fields %v", s.Fields)}
				}
				return ssaflow.Decision{Effect: ssaflow.Follow}
			},
		}, res.Pkg, res.SrcFuncs)
		var seeds []ssaflow.Seed
		for _, fn := range e.Funcs() {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(*ssa.Call); ok {
						if callee := c.Call.StaticCallee(); callee != nil && callee.Name() == "source" {
							seeds = append(seeds, ssaflow.Seed{Value: c})
						}
					}
				}
			}
		}
		for _, h := range e.Run(seeds...) {
			msg := "reaches " + h.Label
			if len(h.Via) > 0 {
				msg += " via " + h.Via[0].Name()
			}
			pass.Reportf(h.Top.Pos(), "%s", msg)
		}
		// probe(x): did the run track x?
		for _, fn := range e.Funcs() {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(*ssa.Call); ok {
						if callee := c.Call.StaticCallee(); callee != nil && callee.Name() == "probe" {
							if e.Reached(c.Call.Args[0]) {
								pass.Reportf(c.Pos(), "reached")
							} else {
								pass.Reportf(c.Pos(), "not reached")
							}
						}
					}
				}
			}
		}
		return nil, nil
	},
}

func TestFlow(t *testing.T) {
	passtest.RunDir(t, "testdata", flowTest, "flow")
}
