package handlers_test

import (
	"fmt"
	"go/ast"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/handlers/handlerstest"
)

// describe reports every handler Find returns, so that the fixtures pin the
// framework, the session reads, the routes and the middleware.
var describe = &analysis.Analyzer{
	Name:     "describehandlers",
	Doc:      "test helper: report each handler",
	Requires: []*analysis.Analyzer{handlers.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		set := pass.ResultOf[handlers.Analyzer].(*handlers.Set)
		for _, h := range set.Handlers {
			var b strings.Builder
			fmt.Fprintf(&b, "%s handler %s", h.Framework, h.Name)
			if h.ReadsSession() {
				var whats []string
				for _, s := range h.SessionReads {
					whats = append(whats, s.What)
				}
				fmt.Fprintf(&b, "; session: %s", strings.Join(whats, ", "))
			}
			if len(h.Routes) > 0 {
				var paths []string
				for _, r := range h.Routes {
					if r.Path == "" {
						r.Path = "?"
					}
					paths = append(paths, r.Path)
				}
				fmt.Fprintf(&b, "; routes: %s", strings.Join(paths, ", "))
			}
			if len(h.Middleware) > 0 {
				var names []string
				for _, m := range h.Middleware {
					n := m.Name
					if m.Auth {
						n += "[auth]"
					}
					names = append(names, n)
				}
				fmt.Fprintf(&b, "; middleware: %s", strings.Join(names, ", "))
			}
			if h.IsMiddleware {
				b.WriteString("; passes on")
			}
			if set.Of(h.Node) != h || set.Enclosing(h.Body().Lbrace+1) != h {
				b.WriteString("; lookup broken")
			}
			pass.Reportf(h.Node.Pos(), "%s", b.String())
		}
		// Classify every call of classify.go.
		for _, f := range pass.Files {
			if !strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "classify.go") {
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				c := handlers.Classify(pass.TypesInfo, call)
				var parts []string
				if c.Read != nil {
					parts = append(parts, fmt.Sprintf("read %s %q", c.Read.Kind, c.Key))
				}
				if c.Bind != nil {
					parts = append(parts, "bind "+c.Bind.Kind.String())
				}
				if c.Write != nil {
					parts = append(parts, "write "+c.Write.What)
				}
				if c.Session != "" {
					parts = append(parts, "session "+c.Session)
				}
				if len(parts) > 0 {
					pass.Reportf(call.Pos(), "call: %s", strings.Join(parts, "; "))
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestFind reports what the set finds (describe) and what each function
// is registered behind (describeGates), over one load of both fixtures.
func TestFind(t *testing.T) {
	fixtures := handlerstest.Load(t, "handlersfix", "gatesfix")
	t.Run("calls", func(t *testing.T) { fixtures.Run(t, describe, "handlersfix") })
	t.Run("gates", func(t *testing.T) { fixtures.Run(t, describeGates, "gatesfix") })
}

// describeGates reports what each function of the package is registered
// behind, on any router.
var describeGates = &analysis.Analyzer{
	Name:     "describegates",
	Doc:      "test helper: report each function's gate",
	Requires: []*analysis.Analyzer{handlers.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		set := pass.ResultOf[handlers.Analyzer].(*handlers.Set)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n.(type) {
				case *ast.FuncDecl, *ast.FuncLit:
				default:
					return true
				}
				g := set.GateOf(n)
				if g == nil {
					return true
				}
				var mws []string
				for _, m := range g.Middleware {
					s := m.Name
					if len(m.Defs) > 0 {
						s += "=" + strings.Join(m.Defs, "|")
					}
					mws = append(mws, s)
				}
				pass.Reportf(n.Pos(), "gate: %s; paths: %s", strings.Join(mws, ", "), strings.Join(g.Paths, ", "))
				return true
			})
		}
		return nil, nil
	},
}

func TestFuncString(t *testing.T) {
	for f, want := range map[handlers.Func]string{
		{Pkg: "encoding/json", Recv: "Encoder", Name: "Encode"}:             "json.Encoder.Encode",
		{Pkg: "github.com/go-chi/chi/v5", Name: "URLParam"}:                 "chi.URLParam",
		{Pkg: "github.com/labstack/echo/v4", Recv: "Context", Name: "JSON"}: "echo.Context.JSON",
	} {
		if got := f.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", f, got, want)
		}
	}
}

// Every table entry names a real-looking function: no empty names, and
// argument positions in range of what the entry says.
func TestTables(t *testing.T) {
	for _, fw := range handlers.Frameworks {
		check := func(kind string, f handlers.Func) {
			if f.Pkg == "" || f.Name == "" {
				t.Errorf("%s: %s entry with empty package or name: %#v", fw, kind, f)
			}
		}
		for _, e := range fw.Reads {
			check("read", e.Func)
		}
		for _, e := range fw.Binds {
			check("bind", e.Func)
		}
		for _, e := range fw.Writes {
			check("write", e.Func)
			if len(e.Data) == 0 {
				t.Errorf("%s: write %s has no data argument", fw, e.Func)
			}
		}
		for _, e := range fw.Sessions {
			check("session", e.Func)
		}
		for _, e := range fw.Routes {
			check("route", e.Func)
		}
	}
	if reflect.TypeOf(handlers.Analyzer.ResultType) == nil {
		t.Fatal("Analyzer has no result type")
	}
}
