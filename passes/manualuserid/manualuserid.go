package manualuserid

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/passes/internal/clientmodel"
	"github.com/dypai/dypailint/passes/internal/report"
)

// New returns the DYP201 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return clientmodel.Pass(cfg, rules.DYP201, check)
}

func check(pass *analysis.Pass, r *report.Reporter, m *clientmodel.Model) {
	if len(m.Calls) == 0 || !m.Project.Profile.ImplicitCaller {
		// Without calls, or on a platform where a user call carries the
		// user's id by design (supabase rows under RLS), nothing to report.
		return
	}
	for _, c := range m.Calls {
		if len(c.Identity) == 0 || !c.Kind.PresumedUser() {
			continue
		}
		var ep *config.Endpoint
		if m.Project.ManifestRulesApply() && c.Endpoint != "" {
			ep = m.Project.Manifest.Endpoint(c.Endpoint)
		}
		if ep.HasRoles() {
			continue // an admin acting on another user
		}
		if ep != nil && ep.AuthMode == config.AuthAPIKey && !c.Kind.IsUser() {
			continue // an api_key endpoint through a client of unknown kind
		}
		what := callName(c)
		for _, id := range c.Identity {
			where := "payload"
			if id.Where == "query" {
				where = "query string"
			}
			d := analysis.Diagnostic{
				Pos:     id.Node.Pos(),
				End:     id.Node.End(),
				Message: rules.MsgManualUserID(what, []string{id.Field}, where),
			}
			if id.Entry != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{{
					Message:   fmt.Sprintf("Remove %q from the payload", id.Field),
					TextEdits: []analysis.TextEdit{deleteEntry(pass.Fset, id.Lit, id.Entry)},
				}}
			}
			r.Report(rules.DYP201, d)
		}
	}
}

// callName names the call for messages: the endpoint when known,
// the call expression otherwise.
func callName(c *clientmodel.Call) string {
	if c.Endpoint != "" {
		return rules.Endpoint(c.Endpoint)
	}
	return c.ClientName() + ".API." + c.Method
}

// deleteEntry deletes an entry of a composite literal: its whole line(s),
// with a trailing comment, when it stands on lines of its own; otherwise
// the entry and its separator.
func deleteEntry(fset *token.FileSet, lit *ast.CompositeLit, kv *ast.KeyValueExpr) analysis.TextEdit {
	i := slices.Index(lit.Elts, ast.Expr(kv))
	prevEnd, next := lit.Lbrace, lit.Rbrace
	if i > 0 {
		prevEnd = lit.Elts[i-1].End()
	}
	if i < len(lit.Elts)-1 {
		next = lit.Elts[i+1].Pos()
	}
	tf := fset.File(kv.Pos())
	first, last := tf.Line(kv.Pos()), tf.Line(kv.End())
	if tf.Line(prevEnd) < first && tf.Line(next) > last && last < tf.LineCount() {
		return analysis.TextEdit{Pos: tf.LineStart(first), End: tf.LineStart(last + 1)}
	}
	switch {
	case len(lit.Elts) == 1:
		return analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Rbrace} // {…} -> {}
	case i < len(lit.Elts)-1:
		return analysis.TextEdit{Pos: kv.Pos(), End: next}
	default:
		return analysis.TextEdit{Pos: prevEnd, End: kv.End()}
	}
}
