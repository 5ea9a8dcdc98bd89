package eval

import (
	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/sdk"
)

// Kind is what the walk knows about a value.
type Kind int

const (
	Unknown           Kind = iota
	Constructor            // the SDK's client constructor
	SDKNamespace           // the SDK module's namespace (import * as sdk)
	Client                 // a client
	API                    // client.api
	Auth                   // client.auth
	Func                   // a function; Ret is what it returns
	Object                 // an object literal
	String                 // a constant string
	Process                // the global process
	ImportMeta             // import.meta
	Env                    // process.env, import.meta.env or Deno.env
	EnvVar                 // one environment variable's value
	Deno                   // the global Deno
	Alternatives           // one of Parts (a || b, a ?? b, a function's returns)
	Param                  // a parameter of the function walked; Str: its name
	Named                  // an unknown value read from a name (Str), for key privilege
	Class                  // a class; Props: what its instances' fields hold
	Instance               // this in a class, or new C(); Props: its class's
	ServerConstructor      // a constructor of a server-only SDK (Server: which); Str: its name
	ServerNamespace        // a server-only SDK's module or factory object (Server: which)
)

// Value is what the walk knows of a value: its Kind and what that kind
// carries. nil is a value nothing is known of.
type Value struct {
	Kind   Kind
	Client *Construction
	Ret    *Value             // Func: the client (or SDK value) it returns
	KeyRet *Value             // Func: the other values it returns (a key, a config object)
	Obj    *ast.ObjectLiteral // Object
	Props  map[string]*Value  // Object: the values of its static keys
	Str    string             // String: the string; EnvVar: the variable's name; Constructor: the constructor's name; Param, Named: the name
	Expr   string             // EnvVar: how it was read (process.env.X); String: "template" when only a prefix is known
	Parts  []*Value           // Alternatives: the alternatives; String template: the substituted values
	Idx    int                // Param: its index
	Fn     ast.Node           // Param: its function; Func: the function itself, when known
	Server *sdk.ServerSDK     // ServerConstructor, ServerNamespace: the SDK (DYP105)
}

// Construction is one client construction, as the checks judged it
// (Checks.Construct, Checks.HelperClient).
type Construction struct {
	APIKey bool
	Key    string // how the key was given, for messages
	Loc    finding.Location
	OK     bool // Loc is known
	// KeyParam is the index of the parameter of the enclosing function
	// that the key came from, when the key is not privileged by itself: a
	// call of that function passing a privileged key builds a privileged
	// client (createAdmin(serviceKey)). -1 otherwise.
	KeyParam int
}

// Binding is a name's binding; chunks importing it share it, so a later
// assignment is seen through every import.
type Binding struct{ Value *Value }

// Scope is a block, function or module scope, the same in both passes.
type Scope struct {
	parent *Scope
	vars   map[string]*Binding
	fn     bool
}

// Lookup is the binding of name in s or an enclosing scope, or nil.
func (s *Scope) Lookup(name string) *Binding {
	for ; s != nil; s = s.parent {
		if b := s.vars[name]; b != nil {
			return b
		}
	}
	return nil
}

// funcScope is the nearest function (or module) scope: where var lives.
func (s *Scope) funcScope() *Scope {
	for !s.fn && s.parent != nil {
		s = s.parent
	}
	return s
}

// Frame is a function being walked.
type Frame struct {
	ret    *Value
	rets   []*Value // returned values that are not interesting (keys, config objects)
	Node   ast.Node // the function literal
	Parent *Frame   // the enclosing function's
}

// value is the Func value of the function just walked.
func (f *Frame) value() *Value {
	v := &Value{Kind: Func, Ret: f.ret, Fn: f.Node}
	switch len(f.rets) {
	case 0:
	case 1:
		v.KeyRet = f.rets[0]
	default:
		v.KeyRet = &Value{Kind: Alternatives, Parts: f.rets}
	}
	return v
}

// Interesting reports whether a value is one calls of a function are
// followed for: a client, its api or auth, the SDK or a function.
func Interesting(v *Value) bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case Client, API, Auth, Constructor, SDKNamespace, Func:
		return true
	}
	return false
}

// PartOf is v as a part of a larger value: an unknown value becomes Named
// with the name it was read from, so that the name can still mark a key.
func PartOf(v *Value, e ast.Expression) *Value {
	if v != nil {
		return v
	}
	if n := ExprName(e); n != "" {
		return &Value{Kind: Named, Str: n}
	}
	return nil
}

// OneOf is a value that is one of vs (nil ones dropped).
func OneOf(vs ...*Value) *Value {
	var parts []*Value
	for _, v := range vs {
		if v == nil {
			continue
		}
		if v.Kind == Alternatives {
			parts = append(parts, v.Parts...)
		} else {
			parts = append(parts, v)
		}
	}
	switch len(parts) {
	case 0:
		return nil
	case 1:
		return parts[0]
	}
	return &Value{Kind: Alternatives, Parts: parts}
}
