package checks

import (
	"time"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/file"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/build"
	"github.com/dypai/dypailint/internal/jsscan/eval"
	"github.com/dypai/dypailint/internal/jsscan/source"
)

// checker judges one output chunk as its Walker follows the values
// through it: its methods are the rules' checks, and checks.go maps the
// walker's sites (Checks) to them.
type checker struct {
	*eval.Walker
	a  *Analysis
	ch *build.Chunk
	// sessions holds each function's first read of the signed-in user's
	// session (see session.go), recorded in the first pass.
	sessions map[ast.Node]*sessionRead
	// routes names the function literals registered as route handlers
	// (app.post("/orders", fn) → "POST /orders"), for messages.
	routes map[ast.Node]string
}

// Emit reports one finding of the analysis.
type Emit func(rule string, loc finding.Location, msg string, related []finding.Related, fixes ...finding.Fix)

// Analysis applies the rules to the chunks of one build.
type Analysis struct {
	p       *build.Builder
	b       *build.Output
	prof    *sdk.Profile
	exports map[string]map[string]*eval.Binding // shared by the chunks' walkers (NewWalker)
	emit    Emit
	files   *source.Files
	// deadline is the project's time bound; zero means none.
	deadline time.Time
	// recov is where the client build handles the set-password auth
	// event (DYP407, see recovery.go); nil when nowhere.
	recov *finding.Location
}

// New is the analysis of the build out of project p under the profile
// prof, reporting through emit; files reads the sources findings point
// into, and deadline (zero: none) bounds the work.
func New(p *build.Builder, out *build.Output, prof *sdk.Profile, files *source.Files, deadline time.Time, emit Emit) *Analysis {
	return &Analysis{p: p, b: out, prof: prof, files: files, deadline: deadline, emit: emit}
}

// Recovery is where the client build handles the set-password auth event
// (DYP407), once Run has returned; nil when nowhere.
func (a *Analysis) Recovery() *finding.Location { return a.recov }

// Run analyses every chunk, in import order so that a chunk sees the values
// its imports export. It stops at the deadline, returning the note, and at
// a chunk whose source map does not decode, returning why.
func (a *Analysis) Run() error {
	a.exports = map[string]map[string]*eval.Binding{}
	done := map[string]bool{}
	var order []*build.Chunk
	var visit func(c *build.Chunk)
	visit = func(c *build.Chunk) {
		if done[c.Path] {
			return
		}
		done[c.Path] = true
		for _, imp := range c.Imports {
			if d := a.b.ByPath[imp]; d != nil {
				visit(d)
			}
		}
		order = append(order, c)
	}
	for _, c := range a.b.Chunks {
		visit(c)
	}
	for i, c := range order {
		if !a.deadline.IsZero() && time.Now().After(a.deadline) {
			return build.TimeBound(a.p.Root, len(order)-i)
		}
		a.chunk(c)
		c.Prog = nil // free the AST
		if err := c.MapErr(); err != nil {
			return err
		}
	}
	return nil
}

func (a *Analysis) chunk(c *build.Chunk) {
	prog := c.Prog
	if prog == nil {
		return // buildParsed has reported why
	}
	ca := &checker{a: a, ch: c}
	ca.Walker = eval.NewWalker(a.prof, c.Path, a.exports, ca)
	for pass := 0; pass < 2; pass++ {
		ca.Walk(prog, pass == 1)
	}
}

// emit reports a finding at an offset of the chunk.
func (ca *checker) emit(rule string, at file.Idx, msg string, related []finding.Related) {
	if !ca.Reporting() {
		return
	}
	loc, ok := ca.loc(at)
	if !ok {
		return
	}
	ca.a.emit(rule, loc, msg, related)
}

// loc maps an offset of the chunk to the original file, line and column.
func (ca *checker) loc(at file.Idx) (finding.Location, bool) {
	return ca.ch.OriginAt(int(at)-1, ca.a.files)
}
