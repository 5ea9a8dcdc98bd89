package handlers

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/internal/gostd"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

// Types answers questions about the SSA values of one package: where a
// value comes from (the request, the session) and where a writer goes (the
// response). Build one per pass with [NewTypes].
type Types struct {
	responseWriter *types.Interface // nil when net/http is not imported
	pkg            *ssa.Package
	callers        map[*ssa.Function][]ssa.CallInstruction
	closures       map[*ssa.Function][]*ssa.MakeClosure
	sessionMemo    map[*ssa.Function]int8 // 0 unknown, 1 busy, 2 yes, 3 no
}

// NewTypes indexes the functions of an SSA package (the package's source
// functions and closures, as buildssa lists them).
func NewTypes(pkg *ssa.Package, funcs []*ssa.Function) *Types {
	t := &Types{
		pkg:         pkg,
		callers:     map[*ssa.Function][]ssa.CallInstruction{},
		closures:    map[*ssa.Function][]*ssa.MakeClosure{},
		sessionMemo: map[*ssa.Function]int8{},
	}
	if pkg != nil {
		if p := findPackage(pkg.Pkg, pathHTTP); p != nil {
			if obj, ok := p.Scope().Lookup("ResponseWriter").(*types.TypeName); ok {
				t.responseWriter, _ = obj.Type().Underlying().(*types.Interface)
			}
		}
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case ssa.CallInstruction:
					if callee := x.Common().StaticCallee(); callee != nil {
						t.callers[callee] = append(t.callers[callee], x)
					}
				case *ssa.MakeClosure:
					if f, ok := x.Fn.(*ssa.Function); ok {
						t.closures[f] = append(t.closures[f], x)
					}
				}
			}
		}
	}
	return t
}

// Callers returns the calls of fn in the package, as NewTypes indexed them.
func (t *Types) Callers(fn *ssa.Function) []ssa.CallInstruction { return t.callers[fn] }

// Closures returns the MakeClosure instructions that create fn.
func (t *Types) Closures(fn *ssa.Function) []*ssa.MakeClosure { return t.closures[fn] }

func findPackage(pkg *types.Package, path string) *types.Package {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) *types.Package
	walk = func(p *types.Package) *types.Package {
		if p == nil || seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		for _, q := range p.Imports() {
			if r := walk(q); r != nil {
				return r
			}
		}
		return nil
	}
	return walk(pkg)
}

// IsResponseType reports whether a value of type typ writes the HTTP
// response: it implements http.ResponseWriter (gin.ResponseWriter,
// *echo.Response), or is a framework's handler context.
func (t *Types) IsResponseType(typ types.Type) bool {
	if typ == nil {
		return false
	}
	if FrameworkOfContext(typ) != nil {
		return true
	}
	return t.responseWriter != nil && types.Implements(typ, t.responseWriter)
}

// IsResponse reports whether a writer value is the HTTP response, or wraps
// it (json.NewEncoder(w), bufio.NewWriter(w)), or is its header map
// (w.Header()). A parameter of a function of the package is the response
// when a caller passes the response.
func (t *Types) IsResponse(v ssa.Value) bool {
	return t.isResponse(v, map[ssa.Value]bool{}, 0)
}

// writerWrappers return a writer that writes to their first argument.
var writerWrappers = []Func{
	fn(pathJSON, "", "NewEncoder"),
	fn(pathXML, "", "NewEncoder"),
	fn("bufio", "", "NewWriter"),
	fn("bufio", "", "NewWriterSize"),
	fn("compress/gzip", "", "NewWriter"),
	fn("compress/gzip", "", "NewWriterLevel"),
	fn("io", "", "MultiWriter"),
}

func (t *Types) isResponse(v ssa.Value, seen map[ssa.Value]bool, depth int) bool {
	if v == nil || seen[v] || depth > 12 {
		return false
	}
	seen[v] = true
	if t.IsResponseType(v.Type()) {
		return true
	}
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return t.isResponse(x.X, seen, depth+1)
	case *ssa.ChangeInterface:
		return t.isResponse(x.X, seen, depth+1)
	case *ssa.ChangeType:
		return t.isResponse(x.X, seen, depth+1)
	case *ssa.TypeAssert:
		return t.isResponse(x.X, seen, depth+1)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if t.isResponse(e, seen, depth+1) {
				return true
			}
		}
	case *ssa.Slice:
		// io.MultiWriter(w, &buf): the variadic slice.
		return t.isResponse(x.X, seen, depth+1)
	case *ssa.Alloc:
		for _, s := range storesInto(x) {
			if t.isResponse(s, seen, depth+1) {
				return true
			}
		}
	case *ssa.Call:
		f := Callee(&x.Call)
		if f == nil {
			return false
		}
		for _, w := range writerWrappers {
			if w.Matches(f) {
				for _, a := range x.Call.Args {
					if t.isResponse(a, seen, depth+1) {
						return true
					}
				}
				return false
			}
		}
		// w.Header() of a response writer: the response's header.
		if f.Name() == "Header" && f.Signature().Recv() != nil && f.Signature().Params().Len() == 0 {
			return t.isResponse(ArgValue(&x.Call, Receiver), seen, depth+1)
		}
	case *ssa.Parameter:
		fn := x.Parent()
		idx := -1
		for i, p := range fn.Params {
			if p == x {
				idx = i
			}
		}
		for _, c := range t.callers[fn] {
			if args := c.Common().Args; idx >= 0 && idx < len(args) && t.isResponse(args[idx], seen, depth+1) {
				return true
			}
		}
	case *ssa.FreeVar:
		if b := t.binding(x); b != nil {
			for _, v := range b {
				if t.isResponse(v, seen, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// storesInto returns the values stored into an allocation, directly or
// through an element address (the elements of a variadic slice).
func storesInto(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == a {
				out = append(out, r.Val)
			}
		case *ssa.IndexAddr:
			for _, rr := range *r.Referrers() {
				if s, ok := rr.(*ssa.Store); ok && s.Addr == r {
					out = append(out, s.Val)
				}
			}
		}
	}
	return out
}

// binding returns the values a closure's free variable is bound to.
func (t *Types) binding(fv *ssa.FreeVar) []ssa.Value {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var out []ssa.Value
	for _, mc := range t.closures[fn] {
		if idx < len(mc.Bindings) {
			out = append(out, mc.Bindings[idx])
		}
	}
	return out
}

// RequestInput reports whether v comes from the incoming request (the
// request, a framework context, or something read from them) and, when it
// can tell, which kind of input it holds: r.URL.Query() is Query, r.Form is
// Form, r.Header is Header, mux.Vars(r) is PathParam.
func (t *Types) RequestInput(v ssa.Value) (Kind, bool) {
	return t.fromRequest(v, map[ssa.Value]bool{}, 0)
}

var requestFieldKinds = map[string]Kind{
	"Form":          Form,
	"PostForm":      Form,
	"MultipartForm": Form,
	"Header":        Header,
	"Trailer":       Header,
	"URL":           Query,
	"Body":          Body,
}

func (t *Types) fromRequest(v ssa.Value, seen map[ssa.Value]bool, depth int) (Kind, bool) {
	if v == nil || seen[v] || depth > 12 {
		return Unknown, false
	}
	seen[v] = true
	rec := func(x ssa.Value) (Kind, bool) { return t.fromRequest(x, seen, depth+1) }
	var from []ssa.Value // what v may hold: any of them from the request makes it so
	switch x := v.(type) {
	case *ssa.Parameter:
		if IsRequestType(x.Type()) {
			return Unknown, true
		}
		from = t.paramArgs(x)
	case *ssa.FreeVar:
		if IsRequestType(x.Type()) {
			return Unknown, true
		}
		from = t.binding(x)
	case *ssa.Alloc:
		from = storesInto(x)
	case *ssa.Phi:
		from = x.Edges
	case *ssa.FieldAddr:
		if k, ok := rec(x.X); ok {
			if (TypeName{Pkg: pathHTTP, Name: "Request", Pointer: true}).Matches(x.X.Type()) {
				if fk, known := requestFieldKinds[fieldName(x.X.Type(), x.Field)]; known {
					return fk, true
				}
			}
			return k, true
		}
	case *ssa.Call:
		return t.requestCall(x, rec, seen, depth)
	default:
		if op, ok := operand(v); ok {
			return rec(op)
		}
	}
	for _, f := range from {
		if k, ok := rec(f); ok {
			return k, true
		}
	}
	return Unknown, false
}

// requestCall is fromRequest of a call's result: what a request read
// returns, or what a function given request input passes on.
func (t *Types) requestCall(x *ssa.Call, rec func(ssa.Value) (Kind, bool), seen map[ssa.Value]bool, depth int) (Kind, bool) {
	f, args := SSACall(&x.Call)
	if _, ok := SessionReadOf(f, args); ok {
		return Unknown, false // the verified session, not request input
	}
	kind := Unknown
	if r, _ := MatchRead(f); r != nil {
		kind = r.Kind
	} else if !IsRequestAPI(f) && !passesInput(f) {
		// A function given the request is not the request's input: a
		// session store (sess.Acquire(ctx, c, c)), an auth helper, a
		// service. A function of the package is looked into.
		if callee := x.Call.StaticCallee(); callee != nil && callee.Pkg == t.pkg && len(callee.Blocks) > 0 {
			return t.returnsRequest(callee, seen, depth+1)
		}
		return Unknown, false
	}
	operands := make([]ssa.Value, 0, len(args)+1)
	if recv := ArgValue(&x.Call, Receiver); recv != nil {
		operands = append(operands, recv)
	}
	for _, a := range args {
		operands = append(operands, a.Value)
	}
	for _, o := range operands {
		if k, ok := rec(o); ok {
			if kind == Unknown {
				kind = k
			}
			return kind, true
		}
	}
	return Unknown, false
}

// operand returns the one value an instruction's result is derived from: a
// field, element or slice of it, its dereference, a conversion, a type
// assertion or a tuple's element.
func operand(v ssa.Value) (ssa.Value, bool) {
	switch x := v.(type) {
	case *ssa.Field:
		return x.X, true
	case *ssa.UnOp:
		return x.X, true
	case *ssa.Extract:
		return x.Tuple, true
	case *ssa.MakeInterface:
		return x.X, true
	case *ssa.ChangeType:
		return x.X, true
	case *ssa.Convert:
		return x.X, true
	case *ssa.ChangeInterface:
		return x.X, true
	case *ssa.TypeAssert:
		return x.X, true
	case *ssa.Slice:
		return x.X, true
	case *ssa.Lookup:
		return x.X, true
	case *ssa.Index:
		return x.X, true
	case *ssa.IndexAddr:
		return x.X, true
	}
	return nil, false
}

// paramArgs returns what the callers of a function of the package pass
// for one of its parameters.
func (t *Types) paramArgs(x *ssa.Parameter) []ssa.Value {
	fn := x.Parent()
	var out []ssa.Value
	for i, p := range fn.Params {
		if p != x {
			continue
		}
		for _, c := range t.callers[fn] {
			if args := c.Common().Args; i < len(args) {
				out = append(out, args[i])
			}
		}
	}
	return out
}

// InputPackages return (part of) the request input they are given: a
// decoder or reader over the body (json.NewDecoder(r.Body),
// io.ReadAll(http.MaxBytesReader(w, r.Body, n))), parsed values
// (url.ParseQuery(r.URL.RawQuery)), a copy of the input.
var InputPackages = []string{"io", "io/ioutil", "bufio", "bytes", "strings", "strconv", "net/url", "net/http", "net/textproto",
	"mime", "mime/multipart", "compress/gzip", "compress/flate", "compress/zlib", "encoding/json", "encoding/xml",
	"encoding/base64", "encoding/hex", "encoding/csv", "maps", "slices"}

func passesInput(f *types.Func) bool {
	return f != nil && f.Pkg() != nil && slices.Contains(InputPackages, f.Pkg().Path())
}

// returnsRequest reports whether a function of the package returns request
// input (a helper returning r.URL.Query() or the body's bytes).
func (t *Types) returnsRequest(fn *ssa.Function, seen map[ssa.Value]bool, depth int) (Kind, bool) {
	if depth > 12 {
		return Unknown, false
	}
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, r := range ret.Results {
				if k, ok := t.fromRequest(r, seen, depth+1); ok {
					return k, true
				}
			}
		}
	}
	return Unknown, false
}

// FromSession reports whether v is, or is read from, the signed-in user's
// verified session: a SessionReadOf call (auth.UserFromContext(ctx),
// c.MustGet("claims"), r.Context().Value(userKey)), a function of the
// package returning one, or a field or method result of such a value.
func (t *Types) FromSession(v ssa.Value) bool {
	return t.fromSession(v, map[ssa.Value]bool{}, 0)
}

func (t *Types) fromSession(v ssa.Value, seen map[ssa.Value]bool, depth int) bool {
	if v == nil || seen[v] || depth > 12 {
		return false
	}
	seen[v] = true
	rec := func(x ssa.Value) bool { return t.fromSession(x, seen, depth+1) }
	switch x := v.(type) {
	case *ssa.Call:
		return t.sessionCall(x, rec)
	case *ssa.FreeVar:
		return slices.ContainsFunc(t.binding(x), rec)
	case *ssa.Alloc:
		return slices.ContainsFunc(storesInto(x), rec) || t.sessionFilled(x, rec)
	case *ssa.Parameter:
		// A parameter of a function of the package that its callers give
		// the session's identity: canView(me, id).
		return slices.ContainsFunc(t.paramArgs(x), rec)
	case *ssa.FieldAddr:
		return rec(x.X)
	case *ssa.Phi:
		return slices.ContainsFunc(x.Edges, rec)
	}
	if op, ok := operand(v); ok {
		return rec(op)
	}
	return false
}

// sessionCall is fromSession of a call's result.
func (t *Types) sessionCall(x *ssa.Call, rec func(ssa.Value) bool) bool {
	f, args := SSACall(&x.Call)
	if _, ok := SessionReadOf(f, args); ok {
		return true
	}
	if callee := x.Call.StaticCallee(); callee != nil && callee.Pkg == t.pkg && len(callee.Blocks) > 0 {
		if t.returnsSession(callee) {
			return true
		}
	}
	if recv := ArgValue(&x.Call, Receiver); recv != nil && f != nil && !IsRequestAPI(f) && rec(recv) {
		return true
	}
	// The token parsed and verified from the session's credentials:
	// jwt.Parse(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), kf).
	if f != nil && (isSessionPackage(f) || passesInput(f)) {
		for _, a := range args {
			if rec(a.Value) {
				return true
			}
		}
	}
	return false
}

// sessionFilled reports whether a session package fills an allocation
// from the session's credentials: jwt.ParseWithClaims(tokenStr, &claims, kf).
func (t *Types) sessionFilled(x *ssa.Alloc, rec func(ssa.Value) bool) bool {
	for _, call := range callsGiven(x) {
		f, args := SSACall(call.Common())
		if f == nil || !isSessionPackage(f) {
			continue
		}
		for _, a := range args {
			if ssautil.Strip(a.Value, ssautil.Boxing) != x && rec(a.Value) {
				return true
			}
		}
	}
	return false
}

// callsGiven returns the calls an allocation is passed to, directly or as
// an interface.
func callsGiven(a *ssa.Alloc) []ssa.CallInstruction {
	var out []ssa.CallInstruction
	var visit func(v ssa.Value, depth int)
	visit = func(v ssa.Value, depth int) {
		if depth > 3 || v.Referrers() == nil {
			return
		}
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case ssa.CallInstruction:
				out = append(out, r)
			case *ssa.MakeInterface:
				visit(r, depth+1)
			case *ssa.ChangeType:
				visit(r, depth+1)
			}
		}
	}
	visit(a, 0)
	return out
}

func (t *Types) returnsSession(fn *ssa.Function) bool {
	switch t.sessionMemo[fn] {
	case 1, 3:
		return false
	case 2:
		return true
	}
	t.sessionMemo[fn] = 1
	res := false
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			for _, r := range ret.Results {
				if t.FromSession(r) {
					res = true
				}
			}
		}
	}
	if res {
		t.sessionMemo[fn] = 2
	} else {
		t.sessionMemo[fn] = 3
	}
	return res
}

// ResponseHelperWords are words of a function's name that say it writes a
// response: render.JSON(w, r, v), web.Respond(ctx, w, v, code),
// response.SendJSON(c, code, v), httputil.WriteError(w, err).
var ResponseHelperWords = []string{"json", "render", "respond", "response", "reply", "send", "write", "encode", "html", "ok", "success", "text", "xml", "serve", "error", "fail"}

// ResponseHelper reports whether a call is one of a response helper of
// another package of the project, given something other than argument skip
// (the data): it is named for writing a response and is also given the
// response — the http.ResponseWriter, a framework context, or a context of
// the project's own web package whose methods hand out the ResponseWriter
// (shiori's WebContext.ResponseWriter()).
func (t *Types) ResponseHelper(c *ssa.CallCommon, skip int) bool {
	f := Callee(c)
	if f == nil || f.Pkg() == nil || gostd.IsStdlib(f.Pkg().Path()) || FrameworkOfPackage(f.Pkg().Path()) != nil {
		return false
	}
	if !slices.ContainsFunc(session.Words(f.Name()), func(w string) bool { return slices.Contains(ResponseHelperWords, w) }) {
		return false
	}
	for i := range f.Signature().Params().Len() {
		if i == skip {
			continue
		}
		if v := ArgValue(c, i); v != nil && (t.IsResponse(v) || t.givesResponse(v.Type())) {
			return true
		}
	}
	return false
}

// givesResponse reports whether a value of type typ hands out the
// response: it has a method without parameters returning an
// http.ResponseWriter.
func (t *Types) givesResponse(typ types.Type) bool {
	ms := types.NewMethodSet(typ)
	if _, isPtr := typ.Underlying().(*types.Pointer); !isPtr {
		if _, isIface := typ.Underlying().(*types.Interface); !isIface {
			ms = types.NewMethodSet(types.NewPointer(typ))
		}
	}
	for i := range ms.Len() {
		fn, ok := ms.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Signature()
		if sig.Params().Len() == 0 && sig.Results().Len() == 1 && t.IsResponseType(sig.Results().At(0).Type()) {
			return true
		}
	}
	return false
}
