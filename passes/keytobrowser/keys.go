package keytobrowser

import (
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/handlers"
)

// boundTypes records the named struct types the package decodes requests
// into (c.ShouldBindJSON(&s), json.NewDecoder(r.Body).Decode(&s)).
func (c *checker) boundTypes(funcs []*ssa.Function) {
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				bd, _ := handlers.MatchBind(handlers.Callee(&call.Call))
				if bd == nil {
					continue
				}
				if bd.Src != handlers.NoArg {
					if _, ok := c.types.RequestInput(handlers.ArgValue(&call.Call, bd.Src)); !ok {
						continue
					}
				}
				if v := handlers.ArgValue(&call.Call, bd.Dst); v != nil {
					if n := namedStruct(origin(v).Type()); n != nil {
						c.bound[n.Obj()] = true
					}
				}
			}
		}
	}
}

// isKeyEnv reports whether an env var name holds the API key: a secret's
// name (sdk.IsSecretEnv, -secret-env, the profile's privileged-key
// markers), unless the name says the key is public by design
// (STRIPE_PUBLISHABLE_KEY, NEXT_PUBLIC_…, RECAPTCHA_SITE_KEY) or that the
// variable describes a key rather than holds it (API_KEY_HEADER,
// API_KEY_ID, API_KEY_FILE).
func (c *checker) isKeyEnv(name string) bool {
	if slices.Contains(c.cfg.SecretEnv, name) {
		return true
	}
	secret := c.proj.Profile.IsSecretEnv(name)
	up := strings.ToUpper(name)
	for _, m := range c.proj.Profile.PrivilegedKeyMarkers {
		if strings.Contains(up, strings.ToUpper(m)) {
			secret = true
		}
	}
	return secret && !publicEnv(up)
}

// PublicEnvWords are words of an env var name that make its key public by
// design: publishable and site keys are meant for browsers.
var PublicEnvWords = []string{"PUBLIC", "PUBLISHABLE", "PUB", "SITE", "BROWSER", "ANON"}

// DescribingEnvWords, as the last word of an env var name, make it
// describe a key rather than hold it.
var DescribingEnvWords = []string{"ID", "HEADER", "NAME", "FILE", "PATH", "URL", "ENABLED", "REQUIRED", "PREFIX", "HASH", "LENGTH", "LEN", "VAR", "ENV"}

func publicEnv(up string) bool {
	for _, p := range sdk.PublicEnvPrefixes {
		if strings.HasPrefix(up, p) {
			return true
		}
	}
	words := strings.FieldsFunc(up, func(r rune) bool { return r == '_' || r == '-' || r == '.' })
	for _, w := range words {
		if slices.Contains(PublicEnvWords, w) {
			return true
		}
	}
	return len(words) > 1 && slices.Contains(DescribingEnvWords, words[len(words)-1])
}

// isKeyField reports whether a struct field holds the server's key, by its
// env tag (env:"DYPAI_API_KEY") or by its name (APIKey, DypaiAPIKey,
// ServiceRoleKey; not APIKeyHeader, APIKeyID or PublicAPIKey) when its
// struct is not a record: a stored row (gorm, db, bson tags, an ID or
// CreatedAt field), a request or response type, or a type the package
// decodes requests into holds a key a user created, owns or sent — shown
// back to them, it is not the server's key.
func (c *checker) isKeyField(fv *types.Var) bool {
	if !basicString(fv.Type()) {
		return false
	}
	o := c.owners.of(fv)
	tag := o.tag()
	if c.envTagged(tag) {
		return true
	}
	if o.st != nil && (isRecord(o.tn, o.st) || c.bound[o.tn]) {
		return false
	}
	return keyName(fv.Name())
}

// keyName reports whether a field's or variable's name says it holds a key:
// APIKey, DypaiAPIKey, ServiceRoleKey; not APIKeyHeader, APIKeyID or
// PublicAPIKey.
func keyName(name string) bool {
	n := session.Normalize(name)
	for _, m := range KeyFieldMarkers {
		i := strings.Index(n, m)
		if i < 0 {
			continue
		}
		prefix, rest := n[:i], n[i+len(m):]
		if strings.Contains(prefix, "public") || strings.Contains(prefix, "publishable") {
			continue
		}
		notKey := false
		for _, x := range NotKeyFieldMarkers {
			if strings.Contains(rest, x) {
				notKey = true
			}
		}
		if !notKey {
			return true
		}
	}
	return false
}

// envTagged reports whether a field's tag loads it from a key-like env var.
func (c *checker) envTagged(tag string) bool {
	st := reflect.StructTag(tag)
	for _, t := range EnvTags {
		if v, ok := st.Lookup(t); ok {
			name, _, _ := strings.Cut(v, ",")
			if name != "" && c.isKeyEnv(name) {
				return true
			}
		}
	}
	return false
}

// Record markers: the rule's data.
var (
	// PersistTags are struct tags of stored rows.
	PersistTags = []string{"gorm", "db", "bson", "sql", "pg", "bun", "dynamodbav", "firestore", "datastore", "xorm", "sqlite", "ent"}
	// RecordFields are fields that make a struct a stored record.
	RecordFields = []string{"ID", "Id", "UUID", "Uuid", "CreatedAt", "UpdatedAt", "DeletedAt", "Created", "Modified"}
	// ConfigWords in a struct's name make it configuration.
	ConfigWords = []string{"config", "conf", "cfg", "settings", "setting", "options", "opts", "env", "environment", "secrets"}
	// MessageWords, as the last word of a struct's name, make it a request
	// or response type.
	MessageWords = []string{"response", "resp", "request", "req", "dto", "payload", "output", "result", "view", "body", "input", "params", "reply", "record", "row", "model", "entity"}
)

// isRecord reports whether a struct is a stored record or a request or
// response type rather than configuration.
func isRecord(tn *types.TypeName, st *types.Struct) bool {
	for i := range st.NumFields() {
		tag := reflect.StructTag(st.Tag(i))
		for _, t := range PersistTags {
			if _, ok := tag.Lookup(t); ok {
				return true
			}
		}
		if f := st.Field(i); f.Embedded() && f.Name() == "Model" {
			return true // gorm.Model
		}
	}
	var words []string
	if tn != nil {
		words = session.Words(tn.Name())
	}
	for _, w := range words {
		if slices.Contains(ConfigWords, w) {
			return false
		}
	}
	for i := range st.NumFields() {
		if slices.Contains(RecordFields, st.Field(i).Name()) {
			return true
		}
	}
	return len(words) > 0 && slices.Contains(MessageWords, words[len(words)-1])
}

// encoded reports whether encoding a struct whole sends a field: encoders
// skip unexported fields and fields tagged json:"-". (Reading the field
// itself is a source either way.)
func encoded(fv *types.Var, tag string) bool {
	if !fv.Exported() {
		return false
	}
	v, ok := reflect.StructTag(tag).Lookup("json")
	return !ok || v != "-"
}

func basicString(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

func namedStruct(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// literalKey returns the key a constant string contains (a literal key
// given to a client, or one with a secret prefix), or "".
func (c *checker) literalKey(s string, keys map[string]bool) string {
	for k := range keys {
		if len(k) >= 8 && strings.Contains(s, k) {
			return k
		}
	}
	if c.secretLiteral(s) {
		return s
	}
	return ""
}

func (c *checker) secretLiteral(s string) bool {
	for _, p := range c.proj.Profile.SecretKeyPrefixes {
		if strings.HasPrefix(s, p) && len(s) > len(p)+8 {
			return true
		}
	}
	return false
}

func fieldOf(t types.Type, i int) *types.Var {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Origin()
	}
	return nil
}

// fieldOwners finds the named struct type a field belongs to, indexing
// each package's structs once (a field does not know its struct).
type fieldOwners map[*types.Package]map[*types.Var]fieldOwner

type fieldOwner struct {
	tn *types.TypeName
	st *types.Struct
	i  int
}

func (o fieldOwner) tag() string {
	if o.st == nil {
		return ""
	}
	return o.st.Tag(o.i)
}

func (fo fieldOwners) of(fv *types.Var) fieldOwner {
	pkg := fv.Pkg()
	if pkg == nil {
		return fieldOwner{}
	}
	owners, ok := fo[pkg]
	if !ok {
		owners = map[*types.Var]fieldOwner{}
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
				if s, ok := tn.Type().Underlying().(*types.Struct); ok {
					for i := range s.NumFields() {
						owners[s.Field(i)] = fieldOwner{tn: tn, st: s, i: i}
					}
				}
			}
		}
		fo[pkg] = owners
	}
	return owners[fv.Origin()]
}

// fieldDisplay renders a field as Type.Field when its struct is a named
// type of its package.
func fieldDisplay(fv *types.Var) string {
	if fv.Pkg() != nil {
		scope := fv.Pkg().Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			if s, ok := tn.Type().Underlying().(*types.Struct); ok {
				for i := range s.NumFields() {
					if s.Field(i) == fv {
						return tn.Name() + "." + fv.Name()
					}
				}
			}
		}
	}
	return fv.Name()
}

func displayName(f *types.Func) string {
	if f.Pkg() != nil && f.Signature().Recv() == nil {
		return f.Pkg().Name() + "." + f.Name()
	}
	return handlers.FuncName(f)
}
