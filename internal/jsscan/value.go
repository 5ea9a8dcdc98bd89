package jsscan

import (
	"github.com/grafana/sobek/ast"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/sdk"
)

// kind is what the analysis knows about a value.
type kind int

const (
	kUnknown    kind = iota
	kCtor            // the SDK's client constructor
	kSDK             // the SDK module's namespace (import * as sdk)
	kClient          // a client
	kAPI             // client.api
	kAuth            // client.auth
	kFunc            // a function; ret is what it returns
	kObject          // an object literal
	kString          // a constant string
	kProcess         // the global process
	kImportMeta      // import.meta
	kEnv             // process.env, import.meta.env or Deno.env
	kEnvVar          // one environment variable's value
	kDeno            // the global Deno
	kOneOf           // one of parts (a || b, a ?? b, a function's returns)
	kParam           // a parameter of the function walked; str: its name
	kNamed           // an unknown value read from a name (str), for key privilege
	kClass           // a class; props: what its instances' fields hold
	kInstance        // this in a class, or new C(); props: its class's
	kServerCtor      // a constructor of a server-only SDK (server: which); str: its name
	kServerNS        // a server-only SDK's module or factory object (server: which)
)

type value struct {
	kind   kind
	client *client
	ret    *value             // kFunc: the client (or SDK value) it returns
	keyRet *value             // kFunc: the other values it returns (a key, a config object)
	obj    *ast.ObjectLiteral // kObject
	props  map[string]*value  // kObject: the values of its static keys
	str    string             // kString: the string; kEnvVar: the variable's name; kCtor: the constructor's name; kParam, kNamed: the name
	expr   string             // kEnvVar: how it was read (process.env.X); kString: "template" when only a prefix is known
	parts  []*value           // kOneOf: the alternatives; kString template: the substituted values
	idx    int                // kParam: its index
	fn     ast.Node           // kParam: its function; kFunc: the function itself, when known
	server *sdk.ServerSDK     // kServerCtor, kServerNS: the SDK (DYP105)
}

// client is one client construction.
type client struct {
	apiKey bool
	key    string // how the key was given, for messages
	loc    finding.Location
	ok     bool // loc is known
	// keyParam is the index of the parameter of the enclosing function
	// that the key came from, when the key is not privileged by itself: a
	// call of that function passing a privileged key builds a privileged
	// client (createAdmin(serviceKey)). -1 otherwise.
	keyParam int
}

type binding struct{ v *value }

type scope struct {
	parent *scope
	vars   map[string]*binding
	fn     bool
}

func (s *scope) lookup(name string) *binding {
	for ; s != nil; s = s.parent {
		if b := s.vars[name]; b != nil {
			return b
		}
	}
	return nil
}

// funcScope is the nearest function (or module) scope: where var lives.
func (s *scope) funcScope() *scope {
	for !s.fn && s.parent != nil {
		s = s.parent
	}
	return s
}

type fnCtx struct {
	ret    *value
	rets   []*value // returned values that are not interesting (keys, config objects)
	node   ast.Node // the function literal
	parent *fnCtx   // the enclosing function's
}

// value is the kFunc value of the function just walked.
func (f *fnCtx) value() *value {
	v := &value{kind: kFunc, ret: f.ret, fn: f.node}
	switch len(f.rets) {
	case 0:
	case 1:
		v.keyRet = f.rets[0]
	default:
		v.keyRet = &value{kind: kOneOf, parts: f.rets}
	}
	return v
}

func interesting(v *value) bool {
	if v == nil {
		return false
	}
	switch v.kind {
	case kClient, kAPI, kAuth, kCtor, kSDK, kFunc:
		return true
	}
	return false
}

// partOf is v as a part of a larger value: an unknown value becomes kNamed
// with the name it was read from, so that the name can still mark a key.
func partOf(v *value, e ast.Expression) *value {
	if v != nil {
		return v
	}
	if n := exprName(e); n != "" {
		return &value{kind: kNamed, str: n}
	}
	return nil
}

// oneOf is a value that is one of vs (nil ones dropped).
func oneOf(vs ...*value) *value {
	var parts []*value
	for _, v := range vs {
		if v == nil {
			continue
		}
		if v.kind == kOneOf {
			parts = append(parts, v.parts...)
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
	return &value{kind: kOneOf, parts: parts}
}
