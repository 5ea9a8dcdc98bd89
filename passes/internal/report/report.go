// Package report is the one way a Go pass reports a finding: it stamps the
// rule ID as the diagnostic's category and the rule's documentation URL,
// honours //dypai:ignore directives and disabled rules, and turns a panic
// in a pass into an error naming the package.
package report

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"runtime/debug"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
)

// Result is what every rule pass returns: the directives that suppressed one
// of its findings, so the directive pass can report the ones that did not.
type Result struct {
	Used []token.Pos
}

// ResultType is the analysis.Analyzer.ResultType of every rule pass.
var ResultType = reflect.TypeFor[*Result]()

// Reporter reports the findings of one pass over one package. It is not
// for concurrent use.
type Reporter struct {
	pass  *analysis.Pass
	cfg   *config.Config
	index *directive.Index // nil until the first finding
	res   Result
}

// New returns a Reporter for pass. The package's directives are parsed at
// its first finding: most passes find nothing in most packages, and every
// pass parsing every comment of every file was most of the analysis time on
// a large module (TestStd: 0.55 of 0.76 s).
func New(pass *analysis.Pass, cfg *config.Config) *Reporter {
	return &Reporter{pass: pass, cfg: cfg}
}

// directives returns the index of the package's directives.
func (r *Reporter) directives() *directive.Index {
	if r.index == nil {
		r.index = directive.NewIndex(directive.ParseGoFiles(r.pass.Fset, r.pass.Files))
	}
	return r.index
}

// Enabled reports whether rule id is to be checked in this run.
func (r *Reporter) Enabled(id string) bool { return r.cfg.RuleEnabled(id) }

// Reportf reports a finding of rule id at rng.
func (r *Reporter) Reportf(id string, rng analysis.Range, format string, args ...any) {
	r.Report(id, analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
}

// Report reports d as a finding of rule id, unless the rule is disabled or a
// directive suppresses it.
func (r *Reporter) Report(id string, d analysis.Diagnostic) {
	rule := rules.Must(id)
	p := r.pass.Fset.Position(d.Pos)
	if Policy(r.cfg).Drop(r.directives(), id, finding.Location{File: p.Filename, Line: p.Line, Col: p.Column}) {
		return
	}
	d.Category = rule.ID
	d.URL = rule.URL()
	if r.cfg.TagMessages {
		d.Message += " (" + rule.ID + ")"
	}
	r.pass.Report(d)
}

// Policy is the suppression step of the Go passes: the rules enabled in
// cfg, dypai.yaml's ignore globs.
func Policy(cfg *config.Config) directive.Policy {
	return directive.Policy{
		Enabled: cfg.RuleEnabled,
		Ignored: func(file string) bool {
			proj, err := cfg.ProjectFor(filepath.Dir(file))
			return err == nil && proj.Manifest.Ignores(file)
		},
	}
}

// Result returns the pass's result: the positions of directives used.
func (r *Reporter) Result() *Result {
	if r.index == nil {
		return &r.res // no finding: no directive was used
	}
	for _, d := range r.index.Used() {
		r.res.Used = append(r.res.Used, d.Pos)
	}
	return &r.res
}

// Safe wraps a pass's run function so that a panic becomes an error naming
// the analyzer and the package instead of crashing the whole run.
func Safe(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				res, err = nil, fmt.Errorf("internal error in %s on package %s: %v\n%s (please report this bug)", name, pass.Pkg.Path(), r, debug.Stack())
			}
		}()
		return run(pass)
	}
}

// Analyzer returns the pass of rule id: named, documented and linked from
// the catalogue, returning a *Result, and with run guarded by Safe.
func Analyzer(id string, requires []*analysis.Analyzer, run func(*analysis.Pass) (any, error)) *analysis.Analyzer {
	rule := rules.Must(id)
	return &analysis.Analyzer{
		Name:       rule.Name,
		Doc:        rule.Title + "\n\n" + rule.Doc,
		URL:        rule.URL(),
		Requires:   requires,
		ResultType: ResultType,
		Run:        Safe(rule.Name, run),
	}
}
