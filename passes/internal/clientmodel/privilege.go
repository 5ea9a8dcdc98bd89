package clientmodel

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// Key privilege, for profiles where only some keys make a client
// privileged (sdk.Profile.PrivilegedKeyMarkers; supabase: the service-role
// key). A key is followed to where it comes from — variables, struct fields
// and the values stored in them, parameters of functions only called here,
// results of functions of this package — and judged there: an environment
// variable by its name, a literal by its form (a service_role JWT, an
// sb_secret_ key). Where the value cannot be followed (an exported
// function's parameter, an opaque call, a field set elsewhere) the name it
// is read from decides: a variable, field, struct tag or function named for
// the service-role key.

// keyJudge judges a key where it is found: a literal by its form, an env
// var by its name, and a name (of a variable, field, struct tag, helper, or
// the name a helper is asked for) where the value cannot be followed. The
// profile's judge marks its privileged key; a server-only SDK's
// (serversdk.go) any secret of that vendor.
type keyJudge struct {
	literal func(v string) bool
	env     func(name string) bool
	name    func(name string) bool
	// page judges a value read from the page through syscall/js (an
	// input's value, an argument from JavaScript).
	page sdk.Privilege
	seen map[any]bool
}

// profileJudge judges keys by the profile's privileged-key markers.
func (s *state) profileJudge() *keyJudge {
	prof := s.proj.Profile
	return &keyJudge{literal: prof.IsSecretLiteral, env: prof.IsPrivilegedName, name: prof.IsPrivilegedName, seen: map[any]bool{}}
}

func yesNo(b bool) sdk.Privilege {
	if b {
		return sdk.PrivYes
	}
	return sdk.PrivNo
}

// privilegedKey reports whether a key argument makes a client privileged.
func (s *state) privilegedKey(arg ast.Expr) bool {
	return s.keyPrivilege(arg, s.profileJudge(), 0) == sdk.PrivYes
}

// keyPrivilege judges the key expression e.
func (s *state) keyPrivilege(e ast.Expr, j *keyJudge, depth int) sdk.Privilege {
	if e == nil || depth > 10 {
		return sdk.PrivUnknown
	}
	e = ast.Unparen(e)
	if v, ok := s.constString(e); ok {
		return yesNo(j.literal(v))
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD { // "Bearer " + key
			return s.keyPrivilege(x.X, j, depth+1).Or(s.keyPrivilege(x.Y, j, depth+1))
		}
	case *ast.CallExpr:
		return s.callPrivilege(x, 0, j, depth)
	case *ast.Ident:
		if v, ok := s.info.ObjectOf(x).(*types.Var); ok {
			return s.varPrivilege(v, "", j, depth)
		}
	case *ast.SelectorExpr:
		if sel := s.info.Selections[x]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return s.varPrivilege(sel.Obj().(*types.Var), fieldTag(sel), j, depth)
			}
			return sdk.PrivUnknown
		}
		if v, ok := s.info.Uses[x.Sel].(*types.Var); ok {
			return s.varPrivilege(v, "", j, depth) // another package's variable
		}
	case *ast.StarExpr:
		return s.keyPrivilege(x.X, j, depth+1)
	case *ast.IndexExpr:
		// env["SUPABASE_SERVICE_ROLE_KEY"], secrets[k]
		if k, ok := s.constString(x.Index); ok && j.name(k) {
			return sdk.PrivYes
		}
	case *ast.CompositeLit:
		// http.Header{"apikey": {key}}: the values of a []string
		p := sdk.PrivNo
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			p = p.Or(s.keyPrivilege(elt, j, depth+1))
		}
		return p
	}
	return sdk.PrivUnknown
}

// varPrivilege judges a variable or field by the values assigned to it in
// this package, or, when they say nothing, by its name and struct tag.
func (s *state) varPrivilege(v *types.Var, tag string, j *keyJudge, depth int) sdk.Privilege {
	v = v.Origin()
	p := sdk.PrivUnknown
	if !j.seen[v] {
		j.seen[v] = true
		p = s.sourcesPrivilege(s.sources[v], j, depth)
		delete(j.seen, v)
	}
	if p == sdk.PrivUnknown && namedPrivileged(j, v.Name(), tag) {
		return sdk.PrivYes
	}
	return p
}

// sourcesPrivilege combines the values assigned to a key: unknown when
// there are none.
func (s *state) sourcesPrivilege(srcs []source, j *keyJudge, depth int) sdk.Privilege {
	if len(srcs) == 0 {
		return sdk.PrivUnknown
	}
	p := sdk.PrivNo
	for _, src := range srcs {
		var q sdk.Privilege
		switch {
		case src.idx < 0:
			q = s.keyPrivilege(src.expr, j, depth+1)
		default:
			if call, ok := ast.Unparen(src.expr).(*ast.CallExpr); ok {
				q = s.callPrivilege(call, src.idx, j, depth+1) // v, ok := os.LookupEnv(…)
			} else if src.idx == 0 {
				q = s.keyPrivilege(src.expr, j, depth+1) // v, ok := m[k]
			}
		}
		p = p.Or(q)
	}
	return p
}

// namedPrivileged reports whether a name or a struct tag's names mark the
// privileged key (ServiceRoleKey, `env:"SUPABASE_SERVICE_ROLE_KEY"`).
func namedPrivileged(j *keyJudge, name, tag string) bool {
	if j.name(name) {
		return true
	}
	for _, key := range []string{"env", "envconfig", "mapstructure", "yaml", "json", "toml", "koanf"} {
		if v, ok := reflect.StructTag(tag).Lookup(key); ok {
			v, _, _ = strings.Cut(v, ",")
			if j.name(v) {
				return true
			}
		}
	}
	return false
}

// callPrivilege judges result idx of a call giving a key.
func (s *state) callPrivilege(call *ast.CallExpr, idx int, j *keyJudge, depth int) sdk.Privilege {
	if tv, ok := s.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return s.keyPrivilege(call.Args[0], j, depth+1) // string(b)
		}
		return sdk.PrivUnknown
	}
	fn := s.staticCallee(call)
	switch {
	case fn == nil:
	case fn.Pkg() != nil && fn.Pkg().Path() == "syscall/js":
		return j.page
	case isFunc(fn, "os", "", "Getenv") || isFunc(fn, "os", "", "LookupEnv") || isFunc(fn, "syscall", "", "Getenv"):
		if idx == 0 && len(call.Args) == 1 {
			if name, ok := s.constString(call.Args[0]); ok {
				return yesNo(j.env(name))
			}
		}
		return sdk.PrivUnknown
	case fn.Pkg() != nil && fn.Pkg().Path() == "strings" && fn.Signature().Recv() == nil && len(call.Args) > 0 &&
		isStringish(fn.Signature().Results().At(0).Type()):
		return s.keyPrivilege(call.Args[0], j, depth+1) // strings.TrimSpace(key)
	case isFunc(fn, "fmt", "", "Sprintf") || isFunc(fn, "fmt", "", "Sprint"):
		p := sdk.PrivNo
		for _, a := range call.Args {
			p = p.Or(s.keyPrivilege(a, j, depth+1))
		}
		return p
	case fn.Pkg() == s.pass.Pkg:
		if _, ok := s.decls[fn]; ok && !j.seen[fn] {
			j.seen[fn] = true
			p := s.sourcesPrivilege(s.sources[resultKey{fn, idx}], j, depth)
			delete(j.seen, fn)
			if p != sdk.PrivUnknown {
				return p
			}
		}
	}
	// What cannot be followed: its name (getServiceRoleKey(),
	// cfg.ServiceKey()), or the name it is asked for (lookup("SERVICE_ROLE_KEY"),
	// requireEnv("SUPABASE_ANON_KEY")).
	name := ""
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = f.Name
	case *ast.SelectorExpr:
		name = f.Sel.Name
	}
	if j.name(name) {
		return sdk.PrivYes
	}
	if len(call.Args) > 0 {
		if arg, ok := s.constString(call.Args[0]); ok {
			if j.name(arg) {
				return sdk.PrivYes
			}
			if strings.Contains(strings.ToLower(name), "env") {
				return yesNo(j.env(arg)) // an env helper asked for another variable
			}
		}
	}
	return sdk.PrivUnknown
}

// fieldTag returns the struct tag of the field a selection selects.
func fieldTag(sel *types.Selection) string {
	t := sel.Recv()
	idx := sel.Index()
	for i, j := range idx {
		st := structOf(t)
		if st == nil || j >= st.NumFields() {
			return ""
		}
		if i == len(idx)-1 {
			return st.Tag(j)
		}
		t = st.Field(j).Type()
	}
	return ""
}
