package keytobrowser

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

// sources lists the key's origins in the package, env reads first.
func (c *checker) sources() []source {
	calls := c.callSources()
	var fields []source
	for _, fv := range c.engine.FieldsRead() {
		if calls.keyFields[fv] || c.isKeyField(fv) {
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
	var literals []source
	if len(calls.literalKeys) > 0 || len(c.proj.Profile.SecretKeyPrefixes) > 0 {
		literals = c.literalSources(calls.literalKeys)
	}
	return slices.Concat(calls.envs, fields, literals, calls.keyArgs)
}

// callSources is what the calls of the package say about keys.
type callSources struct {
	envs, keyArgs []source            // env reads of a key's name; keys passed to a client constructor
	literalKeys   map[string]bool     // literals passed as a key
	keyFields     map[*types.Var]bool // fields passed as a key
}

// callSources finds the env reads of a key and what is passed as a key to
// a client constructor: a literal or a field (a key wherever it is used),
// or another value (a source of its own).
func (c *checker) callSources() callSources {
	out := callSources{literalKeys: map[string]bool{}, keyFields: map[*types.Var]bool{}}
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
						out.envs = append(out.envs, source{
							desc:  fmt.Sprintf("%s(%q)", displayName(f), args[ef.Name].Const),
							pos:   call.Pos(),
							seeds: []ssaflow.Seed{{Value: call}},
						})
					}
				}
				for _, kv := range c.keyArgs(call, f) {
					out.keyArg(call, f, origin(kv))
				}
			}
		}
	}
	return out
}

// keyArg records base, the origin of a key passed to f at call.
func (out *callSources) keyArg(call *ssa.Call, f *types.Func, base ssa.Value) {
	switch x := base.(type) {
	case *ssa.Const:
		if x.Value != nil && x.Value.Kind() == constant.String {
			out.literalKeys[constant.StringVal(x.Value)] = true
		}
	case *ssa.FieldAddr:
		if fv := fieldOf(x.X.Type(), x.Field); fv != nil {
			out.keyFields[fv] = true
		}
	case *ssa.Field:
		if fv := fieldOf(x.X.Type(), x.Field); fv != nil {
			out.keyFields[fv] = true
		}
	default:
		seed := ssaflow.Seed{Value: base}
		if ld, ok := base.(*ssa.UnOp); ok && ld.Op == token.MUL {
			if a, ok := ld.X.(*ssa.Alloc); ok {
				seed = ssaflow.Seed{Value: a, All: true} // a captured variable
			}
		}
		out.keyArgs = append(out.keyArgs, source{
			desc:  "the key passed to " + displayName(f),
			pos:   call.Pos(),
			seeds: []ssaflow.Seed{seed},
		})
	}
}

// literalSources are the string constants of the package that are keys:
// one passed as a key somewhere, or one of the profile's secret key forms.
// Each value is one source, seeded at every use.
func (c *checker) literalSources(literalKeys map[string]bool) []source {
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
	literals := make([]source, 0, len(order))
	for _, s := range order {
		literals = append(literals, *byValue[s])
	}
	return literals
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
	v = ssautil.Strip(v, ssautil.Conversions)
	if x, ok := v.(*ssa.UnOp); ok && x.Op == token.MUL {
		if fa, ok := x.X.(*ssa.FieldAddr); ok {
			return fa
		}
	}
	return v
}
