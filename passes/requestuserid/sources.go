package requestuserid

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

// isIdentity reports whether an input name is an identity field: user_id,
// userId, X-User-Id (headers may carry an X- prefix).
func (c *checker) isIdentity(name string, kind handlers.Kind) bool {
	n := session.Normalize(name)
	if c.ids[n] {
		return true
	}
	return kind == handlers.Header && strings.HasPrefix(n, "x") && c.ids[n[1:]]
}

// sources lists the identity reads of the package, in source order.
func (c *checker) sources() []source {
	var out []source
	bound := map[ssa.Value]handlers.Kind{} // allocations the request is bound into
	funcs := c.engine.Funcs()
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				f, args := handlers.SSACall(&call.Call)
				if bd := c.bindHelper(call, f); bd != nil {
					c.bindCalls[call] = true
					dst := ssautil.Strip(handlers.ArgValue(&call.Call, bd.Dst), ssautil.Boxing)
					if a, ok := dst.(*ssa.Alloc); ok {
						bound[a] = bd.Kind
						out = append(out, c.boundFields(fn, call, a, bd.Kind)...)
					}
					continue
				}
				if bd, _ := handlers.MatchBind(f); bd != nil {
					if bd.Src != handlers.NoArg {
						if _, ok := c.types.RequestInput(handlers.ArgValue(&call.Call, bd.Src)); !ok {
							continue
						}
					}
					dst := ssautil.Strip(handlers.ArgValue(&call.Call, bd.Dst), ssautil.Boxing)
					if a, ok := dst.(*ssa.Alloc); ok {
						bound[a] = bd.Kind
						out = append(out, c.boundFields(fn, call, a, bd.Kind)...)
					}
					continue
				}
				rd, _ := handlers.MatchRead(f)
				if rd == nil || rd.Key < 0 || rd.Key >= len(args) || !args[rd.Key].IsConst {
					continue
				}
				kind := rd.Kind
				if rd.FromRequest {
					k, ok := c.types.RequestInput(handlers.ArgValue(&call.Call, handlers.Receiver))
					if !ok {
						continue
					}
					if kind == handlers.Unknown {
						kind = k
					}
				}
				if !c.isIdentity(args[rd.Key].Const, kind) {
					continue
				}
				out = append(out, source{
					kind:  kind,
					key:   args[rd.Key].Const,
					pos:   call.Pos(),
					node:  ssaflow.CallExpr(c.pass.Files, call),
					fn:    fn,
					seeds: []ssaflow.Seed{{Value: call}},
				})
			}
		}
	}
	// Map reads: r.URL.Query()["user_id"], mux.Vars(r)["uid"], a bound map.
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				lk, ok := instr.(*ssa.Lookup)
				if !ok {
					continue
				}
				k, ok := lk.Index.(*ssa.Const)
				if !ok || k.Value == nil || k.Value.Kind() != constant.String {
					continue
				}
				name := constant.StringVal(k.Value)
				kind, ok := handlers.Unknown, false
				if ld, isLoad := lk.X.(*ssa.UnOp); isLoad {
					kind, ok = bound[ld.X]
				}
				if !ok {
					kind, ok = c.types.RequestInput(lk.X)
				}
				if !ok || !c.isIdentity(name, kind) {
					continue
				}
				out = append(out, source{
					kind:  kind,
					key:   name,
					pos:   lk.Pos(),
					node:  c.indexExpr(lk.Pos()),
					fn:    fn,
					seeds: []ssaflow.Seed{{Value: lk}},
				})
			}
		}
	}
	slices.SortFunc(out, func(a, b source) int { return int(a.pos - b.pos) })
	return out
}

// BindWords are words of a helper's name that say it decodes the request
// into the value it is given: common.Bind(c, &req), readJSON(w, r, &dst),
// web.Decode(r, &v), render.DecodeJSON(r.Body, &v).
var BindWords = []string{"bind", "decode", "unmarshal", "parse", "read"}

// NotBindWords make such a helper read the session instead:
// readSession(r, &s), parseToken(r, &claims).
var NotBindWords = []string{"session", "sess", "auth", "token", "claims", "claim", "jwt", "principal", "identity", "viewer", "current", "login", "cookie", "credentials"}

func isContext(t types.Type) bool {
	n := namedObj(t)
	return n != nil && n.Pkg() != nil && n.Pkg().Path() == "context" && n.Name() == "Context"
}

// bindHelper recognises a call of a helper (of the package or another)
// that decodes the request into a value: it is named for it (BindWords),
// is given the request, a framework context or the body, and a pointer to
// a local value. It returns the bind with the value's argument as Dst.
func (c *checker) bindHelper(call *ssa.Call, f *types.Func) *handlers.Bind {
	if f == nil || handlers.IsRequestAPI(f) {
		return nil
	}
	if bd, _ := handlers.MatchBind(f); bd != nil {
		return nil
	}
	words := session.Words(f.Name())
	if !slices.ContainsFunc(words, func(w string) bool { return slices.Contains(BindWords, w) }) ||
		slices.ContainsFunc(words, func(w string) bool { return slices.Contains(NotBindWords, w) }) {
		return nil
	}
	req, dst := false, -1
	for i := range f.Signature().Params().Len() {
		v := handlers.ArgValue(&call.Call, i)
		if v == nil {
			continue
		}
		if _, ok := ssautil.Strip(v, ssautil.Boxing).(*ssa.Alloc); ok && dst < 0 {
			dst = i
			continue
		}
		// The request, a framework context, or the body's reader or
		// bytes — not the request's context.Context, which a store's
		// ReadOrders(ctx, &out) is given too.
		t := ssautil.Strip(v, ssautil.Boxing).Type()
		if handlers.IsRequestType(t) {
			req = true
		} else if _, ok := c.types.RequestInput(v); ok && !isContext(t) {
			req = true
		}
	}
	if !req || dst < 0 {
		return nil
	}
	kind := handlers.Body
	for _, w := range words {
		switch w {
		case "query":
			kind = handlers.Query
		case "form":
			kind = handlers.Form
		case "uri", "path", "params":
			kind = handlers.PathParam
		case "header", "headers":
			kind = handlers.Header
		}
	}
	return &handlers.Bind{Func: handlers.Func{Name: f.Name()}, Kind: kind, Dst: dst, Src: handlers.NoArg}
}

// boundFields returns the reads of identity fields of a value the request
// is bound into (req.UserID, req.Order.OwnerID), and the bound value as a
// whole (reported at the bind when it is passed on whole).
func (c *checker) boundFields(fn *ssa.Function, bind *ssa.Call, a *ssa.Alloc, kind handlers.Kind) []source {
	st, ok := types.Unalias(a.Type()).(*types.Pointer).Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []source
	var idFields []int
	var idNames []string
	var firstKey string
	// The reads of each identity field, and of them all: a comparison of
	// one read with the verified identity guards the others and the
	// value's whole uses (if user.ID != req.UserID { return }).
	reads := map[*types.Var][]ssaflow.Seed{}
	var allReads []ssaflow.Seed
	var visit func(addr ssa.Value, st *types.Struct, depth int)
	visit = func(addr ssa.Value, st *types.Struct, depth int) {
		for _, ref := range *addr.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok || fa.X != addr {
				continue
			}
			fv := st.Field(fa.Field)
			if name, ok := c.identityField(fv, st.Tag(fa.Field)); ok {
				if depth == 0 && c.overwritten(a, fa.Field, bind) {
					continue
				}
				out = append(out, source{
					kind:  kind,
					key:   name,
					pos:   fa.Pos(),
					node:  c.selectorAt(fa.Pos()),
					fn:    fa.Parent(),
					seeds: []ssaflow.Seed{{Value: fa}},
					field: fv,
				})
				reads[fv] = append(reads[fv], ssaflow.Seed{Value: fa})
				allReads = append(allReads, ssaflow.Seed{Value: fa})
				continue
			}
			if inner, ok := fv.Type().Underlying().(*types.Struct); ok && depth < 2 {
				visit(fa, inner, depth+1)
			}
		}
	}
	visit(a, st, 0)
	for i := range out {
		if rs := reads[out[i].field]; len(rs) > 1 {
			out[i].guard = rs
		}
	}
	for i := range st.NumFields() {
		if name, ok := c.identityField(st.Field(i), st.Tag(i)); ok && !c.overwritten(a, i, bind) {
			idFields = append(idFields, i)
			idNames = append(idNames, st.Field(i).Name())
			if firstKey == "" {
				firstKey = name
			}
		}
	}
	if len(idFields) > 0 {
		// Whole uses of the bound value: store.Create(ctx, req).
		out = append(out, source{
			kind:     kind,
			key:      firstKey,
			pos:      bind.Pos(),
			node:     ssaflow.CallExpr(c.pass.Files, bind),
			fn:       fn,
			seeds:    []ssaflow.Seed{{Value: a, Fields: []int{}}},
			guard:    allReads,
			idFields: idNames,
		})
	}
	return out
}

// identityField reports whether a struct field carries the user's identity
// by its tag or its name, and the name the request uses for it. A field
// whose tags all say "-" (json:"-") is not bound from the request.
func (c *checker) identityField(fv *types.Var, tag string) (string, bool) {
	st := reflect.StructTag(tag)
	excluded := false
	for _, t := range BodyTags {
		if v, ok := st.Lookup(t); ok {
			name, _, _ := strings.Cut(v, ",")
			if name == "-" {
				excluded = true
				continue
			}
			if name != "" {
				return name, c.isIdentity(name, handlers.Body)
			}
		}
	}
	if excluded {
		return "", false
	}
	return fv.Name(), c.isIdentity(fv.Name(), handlers.Body)
}

// overwritten reports whether field i of the bound value a is assigned the
// verified identity (req.UserID = auth.UserID(ctx)) in the function, or by
// the package's bind helper that filled it (req.bind(c, &cm) setting
// cm.UserID = userIDFromToken(c)): the handler replaced what the request
// sent.
func (c *checker) overwritten(a *ssa.Alloc, i int, bind *ssa.Call) bool {
	if c.storesSession(a, i) {
		return true
	}
	callee := bind.Call.StaticCallee()
	if callee == nil || callee.Pkg != a.Parent().Pkg || len(callee.Params) != len(bind.Call.Args) {
		return false
	}
	for k, arg := range bind.Call.Args {
		if ssautil.Strip(arg, ssautil.Boxing) == a && c.storesSession(callee.Params[k], i) {
			return true
		}
	}
	return false
}

// storesSession reports whether field i of the struct addr points to is
// assigned a value of the verified session, or an id the server generates
// (req.ID = uuid.New()).
func (c *checker) storesSession(addr ssa.Value, i int) bool {
	return slices.ContainsFunc(fieldStores(addr, i), func(v ssa.Value) bool {
		return c.types.FromSession(v) || freshID(v, addr, 0)
	})
}

// fieldStores are the values stored into field i of the struct addr
// points to.
func fieldStores(addr ssa.Value, i int) []ssa.Value {
	var vals []ssa.Value
	for _, ref := range *addr.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fa.X != addr || fa.Field != i {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				vals = append(vals, st.Val)
			}
		}
	}
	return vals
}

// IDPackages generate ids: a function of theirs given nothing but other
// generated ids returns a new one (uuid.New(), primitive.NewObjectID(),
// uuid.Must(uuid.NewRandom())).
var IDPackages = []string{"github.com/google/uuid", "github.com/gofrs/uuid", "github.com/satori/go.uuid",
	"go.mongodb.org/mongo-driver/bson/primitive", "go.mongodb.org/mongo-driver/v2/bson", "github.com/rs/xid",
	"github.com/oklog/ulid", "github.com/segmentio/ksuid", "github.com/lithammer/shortuuid"}

// freshID reports whether v is an id the server generates: a call of an
// IDPackages function (or a method of its result: id.Hex(), id.String()),
// or another field of the struct at addr that is assigned one
// (user.User_id = user.ID.Hex() after user.ID = primitive.NewObjectID()).
func freshID(v ssa.Value, addr ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := ssautil.Strip(v, ssautil.Conversions).(type) {
	case *ssa.Extract:
		return freshID(x.Tuple, addr, depth+1)
	case *ssa.Call:
		fn := x.Call.StaticCallee()
		if fn == nil || fn.Pkg == nil || !idPackage(fn.Pkg.Pkg.Path()) {
			return false
		}
		for _, a := range x.Call.Args {
			if !freshID(a, addr, depth+1) {
				return false
			}
		}
		return true
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && fa.X == addr {
			return slices.ContainsFunc(fieldStores(addr, fa.Field), func(s ssa.Value) bool { return freshID(s, addr, depth+1) })
		}
	}
	return false
}

func idPackage(path string) bool {
	return slices.ContainsFunc(IDPackages, func(p string) bool { return path == p || strings.HasPrefix(path, p+"/") })
}
