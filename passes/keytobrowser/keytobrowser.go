package keytobrowser

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/config"
	"github.com/dypai/dypailint/analyzer/report"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/lazyssa"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// New returns the DYP104 pass configured by cfg.
func New(cfg *config.Config) *analysis.Analyzer {
	return report.Analyzer(rules.DYP104, []*analysis.Analyzer{lazyssa.Analyzer}, func(pass *analysis.Pass) (any, error) {
		return run(pass, cfg)
	})
}

// EnvFunc is a function that reads a configuration value by name.
type EnvFunc struct {
	handlers.Func
	Name int // the argument naming the variable
}

// Sources, sanitizers and pass-through functions: the rule's data.
var (
	// EnvFuncs read environment or configuration variables.
	EnvFuncs = []EnvFunc{
		{Func: handlers.Func{Pkg: "os", Name: "Getenv"}, Name: 0},
		{Func: handlers.Func{Pkg: "os", Name: "LookupEnv"}, Name: 0},
		{Func: handlers.Func{Pkg: "syscall", Name: "Getenv"}, Name: 0},
		{Func: handlers.Func{Pkg: "github.com/spf13/viper", Name: "GetString"}, Name: 0},
		{Func: handlers.Func{Pkg: "github.com/spf13/viper", Recv: "Viper", Name: "GetString"}, Name: 0},
	}
	// KeyFieldMarkers are struct field names (normalised) that hold a key.
	KeyFieldMarkers = []string{"apikey", "secretkey", "servicekey", "servicerolekey", "apisecret", "apitoken"}
	// NotKeyFieldMarkers, after the key marker, make a field describe a key
	// rather than hold it: APIKeyHeader, APIKeyEnv, APIKeyID, APIKeyHash.
	// (A "public" or "publishable" prefix excludes the field too.)
	NotKeyFieldMarkers = []string{"header", "name", "env", "var", "prefix", "url", "path", "file", "hash", "len", "id", "set", "enabled", "required"}
	// EnvTags are struct tags whose value names the env var a field is
	// loaded from (caarlos0/env, kelseyhightower/envconfig, viper's
	// mapstructure).
	EnvTags = []string{"env", "envconfig", "mapstructure"}
	// SanitizerPackages turn a key into something that is not the key.
	SanitizerPackages = []string{"crypto/sha256", "crypto/sha512", "crypto/sha1", "crypto/md5", "crypto/hmac", "crypto/subtle", "hash", "hash/fnv", "hash/crc32", "golang.org/x/crypto/bcrypt", "golang.org/x/crypto/argon2"}
	// SanitizerWords are words of a function name that say it hides the
	// key: redactKey, maskSecret, hashToken, Fingerprint.
	SanitizerWords = []string{"redact", "mask", "hash", "fingerprint", "obfuscate", "truncate", "censor", "last4", "preview"}
	// ThroughPackages return (part of) what they are given: the key in, the
	// key out (strings.ToUpper, base64 encoding, json.Marshal). Functions
	// of other packages are assumed to keep what they are given (a JWT
	// library signs with the key, it does not return it); methods of a
	// value holding the key return parts of it (buf.String()).
	ThroughPackages = []string{"strings", "strconv", "bytes", "fmt", "unicode", "unicode/utf8", "unicode/utf16", "path", "path/filepath", "net/url", "html", "html/template", "text/template", "encoding/json", "encoding/base64", "encoding/base32", "encoding/hex", "encoding/xml", "encoding/csv", "encoding/pem", "slices", "maps", "io", "bufio"}
	// Buffers are writers that hold what is written to them.
	Buffers = []handlers.Func{
		{Pkg: "bytes", Recv: "Buffer", Name: "Write"},
		{Pkg: "bytes", Recv: "Buffer", Name: "WriteString"},
		{Pkg: "bytes", Recv: "Buffer", Name: "WriteByte"},
		{Pkg: "bytes", Recv: "Buffer", Name: "WriteRune"},
		{Pkg: "strings", Recv: "Builder", Name: "Write"},
		{Pkg: "strings", Recv: "Builder", Name: "WriteString"},
		{Pkg: "strings", Recv: "Builder", Name: "WriteByte"},
		{Pkg: "strings", Recv: "Builder", Name: "WriteRune"},
	}
)

// source is one origin of the key.
type source struct {
	desc  string // for the message: os.Getenv("DYPAI_API_KEY")
	pos   token.Pos
	seeds []ssaflow.Seed
}

func run(pass *analysis.Pass, cfg *config.Config) (any, error) {
	if !handlers.ImportsHTTP(pass.Pkg) || len(pass.Files) == 0 {
		return &report.Result{}, nil
	}
	proj, err := cfg.ProjectFor(filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name()))
	if err != nil {
		return nil, err
	}
	if proj.Profile.IsGoSDK(pass.Pkg.Path()) {
		return &report.Result{}, nil
	}
	ssaRes, err := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.SSA).Get()
	if err != nil {
		return nil, err
	}
	c := &checker{
		pass:   pass,
		cfg:    cfg,
		proj:   proj,
		types:  handlers.NewTypes(ssaRes.Pkg, ssaRes.SrcFuncs),
		owners: fieldOwners{},
		bound:  map[*types.TypeName]bool{},
	}
	c.boundTypes(ssaRes.SrcFuncs)
	c.engine = ssaflow.New(ssaflow.Config{
		Carries:     carries,
		Call:        c.call,
		FieldGlobal: true,
	}, ssaRes.Pkg, ssaRes.SrcFuncs)

	r := report.New(pass, cfg)
	reported := map[token.Pos]bool{}
	for _, src := range c.sources() {
		hits := c.engine.Run(src.seeds...)
		slices.SortFunc(hits, func(a, b ssaflow.Hit) int { return int(a.Top.Pos() - b.Top.Pos()) })
		for _, h := range hits {
			pos := h.Top.Pos()
			if reported[pos] || isTestFile(pass, pos) {
				continue
			}
			reported[pos] = true
			sink := h.Label
			if len(h.Via) > 0 {
				sink += " in " + h.Via[len(h.Via)-1].Name()
			}
			d := analysis.Diagnostic{
				Pos:     pos,
				Message: fmt.Sprintf("API key from %s is written to the HTTP response by %s: keep the key on the server", src.desc, sink),
			}
			if call := ssaflow.CallExpr(pass.Files, h.Top); call != nil {
				d.Pos, d.End = call.Pos(), call.End()
			}
			if src.pos.IsValid() {
				d.Related = []analysis.RelatedInformation{{Pos: src.pos, Message: "the key comes from here"}}
			}
			r.Report(rules.DYP104, d)
		}
	}
	return r.Result(), nil
}

type checker struct {
	pass   *analysis.Pass
	cfg    *config.Config
	proj   *config.Project
	types  *handlers.Types
	engine *ssaflow.Engine
	owners fieldOwners
	// bound are the struct types the package decodes requests into.
	bound map[*types.TypeName]bool
}

// carries: strings, bytes, structs, maps, pointers and interfaces can hold
// the key; booleans, numbers and errors cannot.
func carries(t types.Type) bool {
	if types.Identical(t, types.Universe.Lookup("error").Type()) {
		return false
	}
	if b, ok := t.Underlying().(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	switch t.Underlying().(type) {
	case *types.Signature, *types.Chan:
		return false
	}
	return true
}

func isTestFile(pass *analysis.Pass, pos token.Pos) bool {
	f := pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

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

// sources lists the key's origins in the package, env reads first.
func (c *checker) sources() []source {
	var envs, fields, literals, keyArgs []source
	literalKeys := map[string]bool{}
	keyFields := map[*types.Var]bool{}

	for _, fn := range c.engine.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				f, args := handlers.SSACall(&call.Call)
				if f == nil {
					continue
				}
				for _, ef := range EnvFuncs {
					if ef.Matches(f) && ef.Name < len(args) && args[ef.Name].IsConst && c.isKeyEnv(args[ef.Name].Const) {
						envs = append(envs, source{
							desc:  fmt.Sprintf("%s(%q)", displayName(f), args[ef.Name].Const),
							pos:   call.Pos(),
							seeds: []ssaflow.Seed{{Value: call}},
						})
					}
				}
				for _, kv := range c.keyArgs(call, f) {
					base := origin(kv)
					switch x := base.(type) {
					case *ssa.Const:
						if x.Value != nil && x.Value.Kind() == constant.String {
							literalKeys[constant.StringVal(x.Value)] = true
						}
					case *ssa.FieldAddr:
						if fv := fieldOf(x.X.Type(), x.Field); fv != nil {
							keyFields[fv] = true
						}
					case *ssa.Field:
						if fv := fieldOf(x.X.Type(), x.Field); fv != nil {
							keyFields[fv] = true
						}
					default:
						seed := ssaflow.Seed{Value: base}
						if ld, ok := base.(*ssa.UnOp); ok && ld.Op == token.MUL {
							if a, ok := ld.X.(*ssa.Alloc); ok {
								seed = ssaflow.Seed{Value: a, All: true} // a captured variable
							}
						}
						keyArgs = append(keyArgs, source{
							desc:  "the key passed to " + displayName(f),
							pos:   call.Pos(),
							seeds: []ssaflow.Seed{seed},
						})
					}
				}
			}
		}
	}
	for _, fv := range c.engine.FieldsRead() {
		if keyFields[fv] || c.isKeyField(fv) {
			fields = append(fields, source{
				desc:  "config field " + fieldDisplay(fv),
				pos:   fv.Pos(),
				seeds: c.engine.FieldSeeds(fv),
			})
		}
	}
	fields = append(fields, c.structSources()...)
	fields = append(fields, c.globalSources()...)
	slices.SortFunc(fields, func(a, b source) int { return int(a.pos - b.pos) })
	if len(literalKeys) > 0 || len(c.proj.Profile.SecretKeyPrefixes) > 0 {
		byValue := map[string]*source{}
		var order []string
		for _, fn := range c.engine.Funcs() {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					var ops []*ssa.Value
					for _, op := range instr.Operands(ops) {
						if op == nil {
							continue
						}
						k, ok := (*op).(*ssa.Const)
						if !ok || k.Value == nil || k.Value.Kind() != constant.String {
							continue
						}
						s := c.literalKey(constant.StringVal(k.Value), literalKeys)
						if s == "" {
							continue
						}
						src := byValue[s]
						if src == nil {
							src = &source{desc: fmt.Sprintf("literal %q", sdk.Redact(s))}
							byValue[s] = src
							order = append(order, s)
						}
						src.seeds = append(src.seeds, ssaflow.Seed{Value: k, At: instr})
					}
				}
			}
		}
		for _, s := range order {
			literals = append(literals, *byValue[s])
		}
	}
	return slices.Concat(envs, fields, literals, keyArgs)
}

// globalSources are the package-level string variables, of this package
// or another, named like a key (config.TurnstileSecretKey, stripeAPIKey):
// every load of one is the key.
func (c *checker) globalSources() []source {
	seen := map[*ssa.Global]bool{}
	var out []source
	var ops []*ssa.Value
	for _, fn := range c.engine.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(ops[:0]) {
					if op == nil {
						continue
					}
					g, ok := (*op).(*ssa.Global)
					if !ok || seen[g] {
						continue
					}
					seen[g] = true
					v, ok := g.Object().(*types.Var)
					if !ok || !basicString(v.Type()) || !keyName(v.Name()) {
						continue
					}
					desc := "variable " + v.Name()
					if v.Pkg() != nil && v.Pkg() != c.pass.Pkg {
						desc = "variable " + v.Pkg().Name() + "." + v.Name()
					}
					out = append(out, source{desc: desc, pos: v.Pos(), seeds: []ssaflow.Seed{{Value: g, All: true}}})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b source) int { return strings.Compare(a.desc, b.desc) })
	return out
}

// structSources are the values of the package's struct types that hold the
// key (in a field named or tagged like one, or in a nested struct that
// does): encoding such a value whole sends the key with it. Only the key
// fields are tracked when other fields are read.
func (c *checker) structSources() []source {
	type keyStruct struct {
		tn     *types.TypeName
		fields []int      // the key fields
		nested bool       // a field is a struct holding the key
		key    *types.Var // the key field, for the message
	}
	var structs []*keyStruct
	byType := map[*types.TypeName]*keyStruct{}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		ks := &keyStruct{tn: tn, fields: []int{}}
		for i := range st.NumFields() {
			if fv := st.Field(i); c.isKeyField(fv) && encoded(fv, st.Tag(i)) {
				ks.fields = append(ks.fields, i)
				if ks.key == nil {
					ks.key = fv
				}
			}
		}
		structs = append(structs, ks)
		byType[tn] = ks
	}
	// Nested structs holding a key hold it too.
	for changed := true; changed; {
		changed = false
		for _, ks := range structs {
			st := ks.tn.Type().Underlying().(*types.Struct)
			for i := range st.NumFields() {
				n := namedStruct(st.Field(i).Type())
				if n == nil || ks.nested {
					continue
				}
				if inner := byType[n.Obj()]; inner != nil && (len(inner.fields) > 0 || inner.nested) {
					// Its own values are sources (by type); this struct's
					// values leak it when they are used whole.
					ks.nested = true
					if ks.key == nil {
						ks.key = inner.key
					}
					changed = true
				}
			}
		}
	}
	var out []source
	for _, ks := range structs {
		if len(ks.fields) == 0 && !ks.nested {
			continue
		}
		t := ks.tn.Type()
		var seeds []ssaflow.Seed
		add := func(v ssa.Value) {
			vt := types.Unalias(v.Type())
			if p, ok := vt.(*types.Pointer); ok {
				vt = types.Unalias(p.Elem())
			}
			if types.Identical(vt, t) {
				seeds = append(seeds, ssaflow.Seed{Value: v, Fields: ks.fields})
			}
		}
		for _, fn := range c.engine.Funcs() {
			for _, p := range fn.Params {
				add(p)
			}
			for _, fv := range fn.FreeVars {
				add(fv)
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if v, ok := instr.(ssa.Value); ok {
						add(v)
					}
				}
			}
		}
		for _, m := range c.engine.Globals() {
			add(m)
		}
		if len(seeds) > 0 {
			out = append(out, source{desc: "config field " + fieldDisplay(ks.key), pos: ks.key.Pos(), seeds: seeds})
		}
	}
	return out
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

// keyArgs returns the values a call passes as the API key of a client:
// the key argument of an SDK constructor, the argument of a key option.
func (c *checker) keyArgs(call *ssa.Call, f *types.Func) []ssa.Value {
	if f.Pkg() == nil || !c.proj.Profile.IsGoSDK(f.Pkg().Path()) || f.Signature().Recv() != nil {
		return nil
	}
	p := c.proj.Profile
	switch {
	case slices.Contains(p.GoConstructors, f.Name()) && p.GoKeyArg >= 0:
		v := handlers.ArgValue(&call.Call, p.GoKeyArg)
		if v == nil {
			return nil
		}
		if f.Signature().Variadic() && p.GoKeyArg == f.Signature().Params().Len()-1 {
			return variadicValues(v)
		}
		return []ssa.Value{v}
	case slices.Contains(p.GoKeyOptions, f.Name()):
		if v := handlers.ArgValue(&call.Call, 0); v != nil {
			return []ssa.Value{v}
		}
	}
	return nil
}

// variadicValues returns the values stored into a variadic call's slice.
func variadicValues(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	a, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range *a.Referrers() {
		if ia, ok := r.(*ssa.IndexAddr); ok {
			for _, rr := range *ia.Referrers() {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
					out = append(out, st.Val)
				}
			}
		}
	}
	return out
}

// origin strips conversions and loads: the field a value is read from, the
// constant it is, or the value itself.
func origin(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			if fa, ok := x.X.(*ssa.FieldAddr); ok {
				return fa
			}
			return v
		default:
			return v
		}
	}
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

// call decides what a call does with the key.
func (c *checker) call(s ssaflow.Site) ssaflow.Decision {
	f := s.Func
	if f == nil {
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	if d, ok := ssaflow.ResponseWrite(c.types, s); ok {
		return d
	}
	for _, b := range Buffers {
		if b.Matches(f) && s.Arg != handlers.Receiver {
			return ssaflow.Decision{Effect: ssaflow.Into, Into: handlers.ArgValue(s.Common, handlers.Receiver)}
		}
	}
	if sanitizerName(f.Name()) || f.Pkg() == nil {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	path := f.Pkg().Path()
	switch {
	case c.proj.Profile.IsGoSDK(path), slices.Contains(SanitizerPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	case path == "fmt" && !strings.HasPrefix(f.Name(), "Sprint") && !strings.HasPrefix(f.Name(), "Append"):
		return ssaflow.Decision{Effect: ssaflow.Ignore} // Print*, Errorf
	case s.Local:
		return ssaflow.Decision{Effect: ssaflow.Follow}
	case c.types.ResponseHelper(s.Common, s.Arg):
		return ssaflow.Decision{Effect: ssaflow.Use, Label: handlers.FuncName(f)}
	case slices.Contains(ThroughPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Through}
	case s.Arg == handlers.Receiver && path != "net/http":
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	// Logs, outgoing requests (net/http), signing, and the rest.
	return ssaflow.Decision{Effect: ssaflow.Ignore}
}

func sanitizerName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range SanitizerWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
