// Package lazyssa gives passes the SSA form of a package only when they ask
// for it. Requiring buildssa builds SSA for every package analysed, and
// most packages are left by the passes' cheap early exits (no net/http, no
// SDK import) before they would look at it.
package lazyssa

import (
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"

	"github.com/dypai/dypailint/internal/gostd"
)

// Analyzer's result is a *SSA whose Get builds the package's SSA once.
var Analyzer = &analysis.Analyzer{
	Name:       "dypailazyssa",
	Doc:        "build the package's SSA form on first use",
	Requires:   buildssa.Analyzer.Requires, // what buildssa's run reads from ResultOf
	ResultType: reflect.TypeFor[*SSA](),
	Run: func(pass *analysis.Pass) (any, error) {
		return &SSA{pass: pass}, nil
	},
}

// SSA builds one package's SSA form on demand; it is safe for concurrent use.
type SSA struct {
	pass *analysis.Pass
	once sync.Once
	res  *buildssa.SSA
	err  error
}

// Get returns the package's SSA form, building it on the first call.
func (s *SSA) Get() (*buildssa.SSA, error) {
	s.once.Do(func() {
		res, err := buildssa.Analyzer.Run(s.pass)
		if err != nil {
			s.err = err
			return
		}
		s.res = res.(*buildssa.SSA)
	})
	return s.res, s.err
}

// OwnCode reports whether the package is the project's own code, whose
// functions the handlers call: not the standard library or a versioned
// dependency. Passes that export facts about functions build SSA for these
// only (elsewhere it would be built for nothing).
func OwnCode(pass *analysis.Pass) bool {
	if gostd.IsStdlib(pass.Pkg.Path()) {
		return false
	}
	return pass.Module == nil || pass.Module.Version == ""
}
