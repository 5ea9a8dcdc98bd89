package transform

import (
	"os"
	"strings"
	"unicode/utf8"

	"github.com/evanw/esbuild/pkg/api"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"

	"github.com/dypai/dypailint/internal/jsscan/jsast"
)

// ServerExports are the pages-router exports that run only on the server.
var ServerExports = map[string]bool{"getServerSideProps": true, "getStaticProps": true, "getStaticPaths": true}

// RouteServerExports are the exports of a React Router (framework mode) or
// Remix route module that run only on the server: the frameworks' compilers
// remove them from the browser build.
var RouteServerExports = map[string]bool{"loader": true, "action": true, "headers": true, "middleware": true, "unstable_middleware": true}

// stripServerExports does for the client build what Next.js's SSG transform
// does: it removes getServerSideProps / getStaticProps / getStaticPaths from
// a page, and what only they used, so that a module imported only for them
// is not counted as shipped. It returns false when there is nothing to strip
// or the page does not compile (the build then reports the error).
func stripServerExports(path string, target api.Target) (string, bool) {
	return StripServerCode(path, target, ServerExports, false)
}

// StripServerCode removes from a module, for the client build, the code its
// framework keeps out of the browser: the exports named in exports, and with
// serverFns the server-function handlers of TanStack Start (see
// serverFnSpans). Then, as the frameworks' dead-code elimination does, the
// top-level declarations and imports that only the removed code used go
// too, transitively. The module is compiled to JS with an inline source
// map; removed ranges are blanked with spaces so that the map stays valid
// and esbuild chains it to the original positions. It returns false when
// there is nothing to strip or the module does not compile.
func StripServerCode(path string, target api.Target, exports map[string]bool, serverFns bool) (string, bool) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	mention := false
	for name := range exports {
		mention = mention || strings.Contains(string(src), name)
	}
	if serverFns {
		mention = mention || mentionsServerFn(src)
	}
	if !mention {
		return "", false
	}
	code, ok := Compile(path, target)
	if !ok {
		return "", false
	}
	prog, err := parser.ParseFile(nil, path, code, 0, parser.IsModule, parser.WithDisableSourceMaps)
	if err != nil {
		return "", false
	}
	s := &stripper{code: code, prog: prog, candidates: map[string]bool{}}
	if exports != nil {
		s.cutExports(exports)
	}
	if serverFns {
		s.cut = append(s.cut, serverFnSpans(prog, code)...)
	}
	if len(s.cut) == 0 {
		return "", false
	}
	s.sweep()
	return withUndefinedExports(s.blank(), s.removed), true
}

// withUndefinedExports declares names as exports with no value, on a line
// of their own before the inline source map (which maps the lines above).
func withUndefinedExports(code string, names []string) string {
	if len(names) == 0 {
		return code
	}
	decl := "\nexport var " + strings.Join(names, ", ") + ";\n"
	if i := strings.LastIndex(code, "\n//# sourceMappingURL="); i >= 0 {
		return code[:i] + decl + code[i+1:]
	}
	return code + decl
}

// span is a range [from, to) of compiled code to remove. A span with zero
// set stands for an expression: it is replaced by 0, not by nothing.
type span struct {
	from, to int
	zero     bool
}

type stripper struct {
	code string
	prog *ast.Program
	cut  []span
	// candidates are names the removed code referred to: a top-level
	// declaration of one is removed when nothing else refers to it.
	candidates map[string]bool
	// exported are local names exported by export { … } clauses that stay.
	exported map[string]bool
	// removed are the exports whose declarations were cut: they stay
	// exported as undefined, so that a module importing one (a test of the
	// route's action) still links, as it does after the framework's build.
	removed []string
}

func (s *stripper) inCut(off int) bool {
	for _, c := range s.cut {
		if off >= c.from && off < c.to {
			return true
		}
	}
	return false
}

// stmtSpan is the range of top-level statement i, up to the next one.
func (s *stripper) stmtSpan(i int) span {
	from := int(s.prog.Body[i].Idx0()) - 1
	if i+1 < len(s.prog.Body) {
		return span{from: from, to: int(s.prog.Body[i+1].Idx0()) - 1}
	}
	if j := strings.LastIndex(s.code, "//# sourceMappingURL="); j >= from {
		return span{from: from, to: j}
	}
	return span{from: from, to: len(s.code)}
}

// cutExports removes the exports named in names: declarations, and
// specifiers of export { … } clauses.
func (s *stripper) cutExports(names map[string]bool) {
	s.exported = map[string]bool{}
	for i, st := range s.prog.Body {
		ed, ok := st.(*ast.ExportDeclaration)
		if !ok {
			continue
		}
		switch {
		case ed.HoistableDeclaration != nil && ed.HoistableDeclaration.FunctionDeclaration != nil:
			if n := ed.HoistableDeclaration.FunctionDeclaration.Function.Name; n != nil && names[string(n.Name)] {
				s.cut = append(s.cut, s.stmtSpan(i))
				s.removed = append(s.removed, string(n.Name))
			}
		case ed.LexicalDeclaration != nil:
			if allNamed(ed.LexicalDeclaration.List, names) {
				s.cut = append(s.cut, s.stmtSpan(i))
				s.removed = append(s.removed, jsast.BindingNames(ed.LexicalDeclaration.List)...)
			}
		case ed.Variable != nil:
			if allNamed(ed.Variable.List, names) {
				s.cut = append(s.cut, s.stmtSpan(i))
				s.removed = append(s.removed, jsast.BindingNames(ed.Variable.List)...)
			}
		case ed.NamedExports != nil:
			s.cutSpecifiers(i, names, true)
		case ed.ExportFromClause != nil && ed.ExportFromClause.NamedExports != nil:
			s.cutSpecifiers(i, names, false)
		}
	}
}

func allNamed(list []*ast.Binding, names map[string]bool) bool {
	for _, b := range list {
		id, ok := b.Target.(*ast.Identifier)
		if !ok || !names[string(id.Name)] {
			return false
		}
	}
	return len(list) > 0
}

// cutSpecifiers removes the specifiers exporting one of names from the
// export clause of statement i (esbuild prints it as
// "export { a, b as c } [from "m"];"), or the whole statement when it
// re-exports nothing else. local says the clause exports local bindings:
// those of removed specifiers become candidates, the others stay referred to.
func (s *stripper) cutSpecifiers(i int, names map[string]bool, local bool) {
	sp := s.stmtSpan(i)
	text := s.code[sp.from:sp.to]
	open := strings.IndexByte(text, '{')
	close := strings.IndexByte(text, '}')
	if open < 0 || close < open {
		return
	}
	var cut []span
	kept := 0
	for start := open + 1; start < close; {
		end := strings.IndexByte(text[start:close], ',')
		next := close
		if end < 0 {
			end = close
		} else {
			end += start
			next = end + 1
		}
		f := strings.Fields(text[start:end])
		if len(f) > 0 {
			localName, exportName := f[0], f[len(f)-1]
			if names[strings.Trim(exportName, `"'`)] {
				cut = append(cut, span{from: sp.from + start, to: sp.from + next})
				if local {
					s.candidates[localName] = true
				}
			} else {
				kept++
				if local {
					s.exported[localName] = true
				}
			}
		}
		start = next
	}
	switch {
	case len(cut) == 0:
	case kept == 0:
		s.cut = append(s.cut, sp) // not even the module's side effects stay
	default:
		s.cut = append(s.cut, cut...)
	}
}

// ref is one reference to a name, at an offset of the compiled code.
type ref struct {
	name string
	off  int
}

// decl is a top-level declaration the sweep may remove.
type decl struct {
	names []string
	span  span
	gone  bool
}

// sweep removes, until nothing changes, the top-level declarations (imports,
// functions, classes, variables; not exported ones) that the removed code
// referred to and nothing else refers to — what Next.js's SSG transform
// and the dead-code elimination of React Router's and TanStack Start's
// compilers drop. A declaration nothing referred to stays, side effects and
// all, as it does in those frameworks.
func (s *stripper) sweep() {
	var decls []*decl
	binding := map[int]bool{} // offsets of declared names: not references
	mark := func(id *ast.Identifier) {
		if id != nil {
			binding[int(id.Idx)-1] = true
		}
	}
	for i, st := range s.prog.Body {
		var names []string
		switch st := st.(type) {
		case *ast.ImportDeclaration:
			c := st.ImportClause
			if c == nil {
				continue // side-effect imports stay
			}
			if c.ImportedDefaultBinding != nil {
				names = append(names, string(c.ImportedDefaultBinding.Name))
			}
			if c.NameSpaceImport != nil {
				names = append(names, string(c.NameSpaceImport.ImportedBinding))
			}
			if c.NamedImports != nil {
				for _, sp := range c.NamedImports.ImportsList {
					local := sp.Alias
					if local == "" {
						local = sp.IdentifierName
					}
					names = append(names, string(local))
				}
			}
		case *ast.FunctionDeclaration:
			if n := st.Function.Name; n != nil {
				names = []string{string(n.Name)}
				mark(n)
			}
		case *ast.ClassDeclaration:
			if n := st.Class.Name; n != nil {
				names = []string{string(n.Name)}
				mark(n)
			}
		case *ast.LexicalDeclaration:
			names = s.declared(st.List, mark)
		case *ast.VariableStatement:
			names = s.declared(st.List, mark)
		}
		if len(names) > 0 {
			decls = append(decls, &decl{names: names, span: s.stmtSpan(i)})
		}
	}
	var refs []ref
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		switch n := n.(type) {
		case *ast.ImportDeclaration:
			return
		case *ast.Identifier:
			if off := int(n.Idx) - 1; !binding[off] {
				refs = append(refs, ref{string(n.Name), off})
			}
			return
		case *ast.PropertyShort:
			if off := int(n.Name.Idx) - 1; !binding[off] {
				refs = append(refs, ref{string(n.Name.Name), off})
			}
		}
		jsast.EachChild(n, visit)
	}
	visit(s.prog)
	for _, r := range refs {
		if s.inCut(r.off) {
			s.candidates[r.name] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			if d.gone || !s.removable(d, refs) {
				continue
			}
			d.gone = true
			changed = true
			s.cut = append(s.cut, d.span)
			for _, r := range refs {
				if r.off >= d.span.from && r.off < d.span.to {
					s.candidates[r.name] = true
				}
			}
		}
	}
}

// declared returns the names a variable declaration declares, marking the
// identifiers that declare them (in patterns too: const { a, b: [c] } = x).
func (s *stripper) declared(list []*ast.Binding, mark func(*ast.Identifier)) []string {
	var names []string
	var target func(e ast.Expression)
	target = func(e ast.Expression) {
		switch t := e.(type) {
		case *ast.Identifier:
			mark(t)
		case *ast.ObjectPattern:
			for _, p := range t.Properties {
				switch p := p.(type) {
				case *ast.PropertyShort:
					mark(&p.Name)
				case *ast.PropertyKeyed:
					target(p.Value)
				}
			}
			target(t.Rest)
		case *ast.ArrayPattern:
			for _, el := range t.Elements {
				target(el)
			}
			target(t.Rest)
		case *ast.AssignExpression:
			target(t.Left)
		}
	}
	for _, b := range list {
		target(b.Target)
		names = append(names, jsast.TargetNames(b.Target)...)
	}
	return names
}

// removable reports whether the removed code referred to one of d's names
// and nothing outside the removed code and d itself refers to any.
func (s *stripper) removable(d *decl, refs []ref) bool {
	was := false
	for _, n := range d.names {
		if s.exported[n] {
			return false
		}
		was = was || s.candidates[n]
	}
	if !was {
		return false
	}
	for _, r := range refs {
		if r.off >= d.span.from && r.off < d.span.to || s.inCut(r.off) {
			continue
		}
		for _, n := range d.names {
			if r.name == n {
				return false
			}
		}
	}
	return true
}

// blank returns the code with the cut ranges blanked. Each character is
// replaced by as many spaces as it has UTF-16 units, and line breaks stay,
// so that the inline source map's lines and columns still hold. A span
// standing for an expression starts with 0 instead.
func (s *stripper) blank() string {
	gone := make([]bool, len(s.code))
	zero := map[int]bool{}
	for _, c := range s.cut {
		for k := c.from; k < c.to && k < len(gone); k++ {
			gone[k] = true
		}
		if c.zero && !s.inOther(c) {
			zero[c.from] = true
		}
	}
	var b strings.Builder
	b.Grow(len(s.code))
	for k := 0; k < len(s.code); {
		r, n := utf8.DecodeRuneInString(s.code[k:])
		switch {
		case !gone[k] || r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(s.code[k : k+n])
		case zero[k]:
			b.WriteByte('0')
		default:
			b.WriteByte(' ')
			if r > 0xFFFF {
				b.WriteByte(' ') // a surrogate pair in the map's columns
			}
		}
		k += n
	}
	return b.String()
}

// inOther reports whether a span lies inside another span that removes code
// rather than replacing it.
func (s *stripper) inOther(c span) bool {
	for _, o := range s.cut {
		if !o.zero && c.from >= o.from && c.from < o.to {
			return true
		}
	}
	return false
}
