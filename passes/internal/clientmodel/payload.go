package clientmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"strings"
)

// unknownPart stands for a non-constant piece of a string.
const unknownPart = "\x00"

// write is a keyed write to a variable: m["k"] = v, v.Set("k", x), o.F = x.
type write struct {
	key   string
	field *types.Var
	node  ast.Node
}

func (s *state) recordWrite(lhs, _ ast.Expr, stmt ast.Node) {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.IndexExpr:
		if v := s.localVar(l.X); v != nil {
			if key, ok := s.constString(l.Index); ok {
				s.writes[v] = append(s.writes[v], write{key: key, node: stmt})
			}
		}
	case *ast.SelectorExpr:
		if v := s.localVar(l.X); v != nil {
			if sel := s.info.Selections[l]; sel != nil && sel.Kind() == types.FieldVal {
				s.writes[v] = append(s.writes[v], write{field: sel.Obj().(*types.Var), node: stmt})
			}
		}
	}
}

// constString is the value of a constant string expression.
func (s *state) constString(e ast.Expr) (string, bool) {
	if tv, ok := s.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// stringParts splits a string expression into its constant pieces, with
// unknownPart for each piece that is not constant: "get?id=" + id yields
// ["get?id=", unknownPart].
func (s *state) stringParts(e ast.Expr, depth int) []string {
	if v, ok := s.constString(e); ok {
		return []string{v}
	}
	if depth > 8 {
		return []string{unknownPart}
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return append(s.stringParts(x.X, depth+1), s.stringParts(x.Y, depth+1)...)
		}
	case *ast.CallExpr:
		if fn := s.staticCallee(x); isFunc(fn, "fmt", "", "Sprintf") && len(x.Args) > 0 {
			if format, ok := s.constString(x.Args[0]); ok {
				return splitFormat(format)
			}
		}
	case *ast.Ident:
		if o := s.origin(x, 0); o != ast.Expr(x) {
			return s.stringParts(o, depth+1)
		}
	}
	return []string{unknownPart}
}

var verb = regexp.MustCompile(`%%|%[-+# 0-9.*\[\]]*[a-zA-Z]`)

// splitFormat turns a format string into its text with unknownPart for
// each verb.
func splitFormat(format string) []string {
	return []string{verb.ReplaceAllStringFunc(format, func(v string) string {
		if v == "%%" {
			return "%"
		}
		return unknownPart
	})}
}

// splitEndpoint returns the endpoint name ("" when not constant) and the
// keys of a query string in an endpoint argument ("get_orders?user_id=").
func splitEndpoint(parts []string) (name string, keys []string) {
	joined := strings.Join(parts, "")
	base, query, hasQuery := strings.Cut(joined, "?")
	if !strings.Contains(base, unknownPart) {
		name = base
	}
	if hasQuery {
		keys = queryKeys(query)
	}
	return name, keys
}

// splitURL returns the last path element of a URL and its query's keys.
func splitURL(parts []string) (last string, keys []string) {
	joined := strings.Join(parts, "")
	p, query, hasQuery := strings.Cut(joined, "?")
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	if !strings.Contains(p, unknownPart) {
		last = p
	}
	if hasQuery {
		keys = queryKeys(query)
	}
	return last, keys
}

func queryKeys(query string) []string {
	var keys []string
	for _, kv := range strings.Split(query, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if k != "" && !strings.Contains(k, unknownPart) {
			keys = append(keys, k)
		}
	}
	return keys
}

var jsonKey = regexp.MustCompile(`"([A-Za-z_][A-Za-z0-9_]*)"\s*:`)

// identities returns the identity fields a payload sends.
func (s *state) identities(e ast.Expr, where string) []Identity {
	c := &idCollector{s: s, where: where, seen: map[any]bool{}}
	c.expr(e, 0)
	return c.out
}

type idCollector struct {
	s     *state
	where string
	seen  map[any]bool
	out   []Identity
}

func (c *idCollector) add(id Identity) {
	id.Where = c.where
	c.out = append(c.out, id)
}

func (c *idCollector) expr(e ast.Expr, depth int) {
	s := c.s
	if depth > 8 || e == nil {
		return
	}
	e = ast.Unparen(e)
	if v := s.localVar(e); v != nil && v.Pkg() == s.pass.Pkg {
		if c.seen[v] {
			return
		}
		c.seen[v] = true
		for _, w := range s.writes[v] {
			if w.field != nil {
				if st := structOf(v.Type()); st != nil {
					if name, tagged, ok := jsonField(st, w.field); ok && c.isIdentity(name, tagged) {
						c.add(Identity{Field: name, Node: w.node})
					}
				}
			} else if s.proj.IsIdentityField(w.key) {
				c.add(Identity{Field: w.key, Node: w.node})
			}
		}
		if o := s.origin(e, 0); o != e {
			c.expr(o, depth+1)
			return
		}
		// A local variable declared without a value sends only the fields
		// written to it; a parameter, or a variable assigned several
		// values, sends whatever its type has.
		if len(s.sources[v]) > 0 || s.params[v] {
			c.typ(v.Type(), e, 0, map[types.Type]bool{})
		}
		return
	}
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			c.expr(x.X, depth+1)
		}
		return
	case *ast.StarExpr:
		c.expr(x.X, depth+1)
		return
	case *ast.CompositeLit:
		c.lit(x, depth)
		return
	case *ast.CallExpr:
		if tv, ok := s.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			c.expr(x.Args[0], depth+1) // any(v), []byte(s)
			return
		}
		fn := s.staticCallee(x)
		switch {
		case isFunc(fn, "encoding/json", "", "Marshal"), isFunc(fn, "encoding/json", "", "MarshalIndent"),
			isFunc(fn, "bytes", "", "NewReader"), isFunc(fn, "bytes", "", "NewBuffer"),
			isFunc(fn, "bytes", "", "NewBufferString"), isFunc(fn, "strings", "", "NewReader"):
			if len(x.Args) > 0 {
				c.expr(x.Args[0], depth+1)
			}
			return
		case isFunc(fn, "net/url", "Values", "Encode"):
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
				c.expr(sel.X, depth+1)
			}
			return
		case isFunc(fn, "fmt", "", "Sprintf"):
			c.jsonString(x)
			return
		}
	case *ast.BasicLit, *ast.BinaryExpr:
		c.jsonString(x)
		return
	}
	if t := s.info.TypeOf(e); t != nil {
		c.typ(t, e, 0, map[types.Type]bool{})
	}
}

// jsonString finds identity keys in a JSON text built from constant pieces.
func (c *idCollector) jsonString(e ast.Expr) {
	t := c.s.info.TypeOf(e)
	if t == nil {
		return
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return
	}
	joined := strings.Join(c.s.stringParts(e, 0), "")
	for _, m := range jsonKey.FindAllStringSubmatch(joined, -1) {
		if c.s.proj.IsIdentityField(m[1]) {
			c.add(Identity{Field: m[1], Node: e})
		}
	}
}

func (c *idCollector) lit(lit *ast.CompositeLit, depth int) {
	s := c.s
	t := s.info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Map:
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := s.constString(kv.Key); ok && s.proj.IsIdentityField(key) {
				c.add(Identity{Field: key, Node: kv, Entry: kv, Lit: lit})
				continue
			}
			c.nested(kv.Value, depth)
		}
	case *types.Struct:
		for i, elt := range lit.Elts {
			var f *types.Var
			value := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				value = kv.Value
				if id, ok := kv.Key.(*ast.Ident); ok {
					f, _ = s.info.Uses[id].(*types.Var)
				}
			} else if i < u.NumFields() {
				f = u.Field(i)
			}
			if f == nil {
				continue
			}
			name, tagged, ok := jsonField(u, f)
			if !ok {
				continue
			}
			if !f.Embedded() && c.isIdentity(name, tagged) {
				c.add(Identity{Field: name, Node: elt})
				continue
			}
			c.nested(value, depth)
		}
	case *types.Slice, *types.Array:
		for _, elt := range lit.Elts {
			c.nested(elt, depth)
		}
	}
}

// nested looks into a literal's element when it is itself a literal.
func (c *idCollector) nested(e ast.Expr, depth int) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		c.lit(lit, depth+1)
	}
}

// typ finds identity fields in a struct type: what any value of it sends.
func (c *idCollector) typ(t types.Type, node ast.Node, depth int, seen map[types.Type]bool) {
	st := structOf(t)
	if st == nil || depth > 4 || seen[t] {
		return
	}
	seen[t] = true
	for i := range st.NumFields() {
		f := st.Field(i)
		name, tagged, ok := jsonField(st, f)
		if !ok || (!f.Exported() && !f.Embedded()) {
			continue
		}
		if !f.Embedded() && c.isIdentity(name, tagged) {
			c.add(Identity{Field: name, Node: node})
			continue
		}
		c.typ(f.Type(), node, depth+1, seen)
	}
}

// isIdentity reports whether a JSON name is an identity field. A Go field
// name without a json tag is compared ignoring case and underscores
// (UserID matches user_id and userId).
func (c *idCollector) isIdentity(name string, tagged bool) bool {
	if c.s.proj.IsIdentityField(name) {
		return true
	}
	if tagged {
		return false
	}
	n := normalise(name)
	for _, f := range c.s.proj.IdentityFields {
		if normalise(f) == n {
			return true
		}
	}
	return false
}

func normalise(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }

// structOf returns the struct type of t or *t.
func structOf(t types.Type) *types.Struct {
	if p, ok := types.Unalias(t).Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// jsonField returns the name encoding/json gives field f of st, whether a
// tag chose it, and false when the field is not encoded (json:"-").
func jsonField(st *types.Struct, f *types.Var) (name string, tagged, ok bool) {
	for i := range st.NumFields() {
		if st.Field(i) != f && st.Field(i) != f.Origin() && st.Field(i).Origin() != f.Origin() {
			continue
		}
		tag := reflect.StructTag(st.Tag(i)).Get("json")
		if tag == "-" {
			return "", false, false
		}
		if n, _, _ := strings.Cut(tag, ","); n != "" {
			return n, true, true
		}
		return f.Name(), false, true
	}
	return f.Name(), false, true
}
