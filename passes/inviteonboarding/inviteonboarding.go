package inviteonboarding

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// handlesFact marks a package whose code, or an import's, handles the
// set-password event.
type handlesFact struct {
	Event     string
	File      string
	Line, Col int
}

func (*handlesFact) AFact() {}

func (f *handlesFact) String() string {
	return fmt.Sprintf("handles %s at %s:%d", f.Event, filepath.Base(f.File), f.Line)
}

// New returns the pass configured by cfg. Its result is a
// *finding.Frontend for a package that runs in a browser, else nil.
func New(cfg *config.Config) *analysis.Analyzer {
	model := clientmodel.For(cfg)
	name := rules.Must(rules.DYP407).Name
	return &analysis.Analyzer{
		Name:       name,
		Doc:        "find where Go browser code handles the PASSWORD_RECOVERY auth event, for DYP407 (reported by the CLI at dypai.yaml's app: line)",
		URL:        rules.Must(rules.DYP407).URL(),
		Requires:   []*analysis.Analyzer{model},
		ResultType: reflect.TypeFor[*finding.Frontend](),
		FactTypes:  []analysis.Fact{new(handlesFact)},
		Run: report.Safe(name, func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[model].(*clientmodel.Model)), nil
		}),
	}
}

func run(pass *analysis.Pass, m *clientmodel.Model) *finding.Frontend {
	if m.Project == nil || m.Project.Profile.SetPasswordEvent == "" {
		return nil
	}
	fact := handled(pass, m, m.Project.Profile.SetPasswordEvent)
	if fact != nil {
		pass.ExportPackageFact(fact)
	}
	if m.Browser == nil {
		return nil
	}
	fe := &finding.Frontend{Dir: m.Dir, Kind: finding.KindGo}
	if fact != nil {
		fe.Recovery = &finding.Location{File: fact.File, Line: fact.Line, Col: fact.Col}
	}
	return fe
}

// handled returns where the package, or a package it imports, handles
// event; nil when nowhere.
func handled(pass *analysis.Pass, m *clientmodel.Model, event string) *handlesFact {
	for _, l := range m.Listeners {
		if pos, ok := handles(pass.TypesInfo, l.Callback, event); ok {
			p := pass.Fset.Position(pos)
			return &handlesFact{Event: event, File: p.Filename, Line: p.Line, Col: p.Column}
		}
	}
	for _, imp := range pass.Pkg.Imports() {
		var f handlesFact
		if pass.ImportPackageFact(imp, &f) && f.Event == event {
			return &f
		}
	}
	return nil
}

// handles reports where the callback fn (an *ast.FuncLit or *ast.FuncDecl)
// compares its first parameter with the constant event.
func handles(info *types.Info, fn ast.Node, event string) (token.Pos, bool) {
	var ft *ast.FuncType
	var body *ast.BlockStmt
	switch fn := fn.(type) {
	case *ast.FuncLit:
		ft, body = fn.Type, fn.Body
	case *ast.FuncDecl:
		ft, body = fn.Type, fn.Body
	}
	if ft == nil || body == nil || ft.Params == nil || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return token.NoPos, false
	}
	param := info.Defs[ft.Params.List[0].Names[0]]
	if param == nil {
		return token.NoPos, false
	}
	isParam := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 && info.Types[c.Fun].IsType() {
			e = ast.Unparen(c.Args[0]) // string(event)
		}
		id, ok := e.(*ast.Ident)
		return ok && info.Uses[id] == param
	}
	isEvent := func(e ast.Expr) bool {
		v := info.Types[e].Value
		return v != nil && v.Kind() == constant.String && constant.StringVal(v) == event
	}
	at := token.NoPos
	ast.Inspect(body, func(n ast.Node) bool {
		if at.IsValid() {
			return false
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (isParam(n.X) && isEvent(n.Y) || isParam(n.Y) && isEvent(n.X)) {
				at = n.Pos()
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && isParam(n.Tag) {
				for _, c := range n.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						if isEvent(e) && !at.IsValid() {
							at = e.Pos()
						}
					}
				}
			}
		}
		return true
	})
	return at, at.IsValid()
}
