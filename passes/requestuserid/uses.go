package requestuserid

import (
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/accesscheck"
	"github.com/dypai/dypailint/passes/internal/fielduse"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
	"github.com/dypai/dypailint/passes/internal/ssautil"
)

// call decides what a call does with the user id.
func (c *checker) call(s ssaflow.Site) ssaflow.Decision {
	use := ssaflow.Decision{Effect: ssaflow.Use}
	f := s.Func
	if f == nil {
		return use // a function value
	}
	if handlers.IsRequestAPI(f) || c.bindCalls[s.Instr] {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if w, _ := handlers.MatchWrite(f); w != nil || !s.Local && c.types.ResponseHelper(s.Common, s.Arg) {
		return ssaflow.Decision{Effect: ssaflow.Ignore} // echoed to the client
	}
	for _, cf := range CompareFuncs {
		if cf.Matches(f) {
			for i := range f.Signature().Params().Len() {
				if i != s.Arg && c.types.FromSession(handlers.ArgValue(s.Common, i)) {
					c.verified = true
				}
			}
			return ssaflow.Decision{Effect: ssaflow.Ignore}
		}
	}
	// A function of the project that compares it with the verified
	// identity, whatever its name or its package's
	// (helper.MatchUserTypeToUid(c, id) in a module named golang-jwt-project).
	if c.pass.ResultOf[accesscheck.Analyzer].(*accesscheck.Facts).Of(f).Checks(s.Arg) {
		c.verified = true
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if f.Pkg() == nil {
		return use
	}
	path := f.Pkg().Path()
	if lib := c.libraryPath(f.Pkg()); !s.Local && (isLogger(f) || pathHasWord(lib, ObservePathMarkers) || pathHasWord(lib, VerifyPathMarkers) || isFrameworkCall(f)) {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if !s.Local && validator(s) {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if c.accessCheck(s) {
		c.verified = true
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if c.fieldsUnread(s) {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	if userLookup(f) {
		c.lookups = append(c.lookups, s) // the record is followed (read.go)
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	if !s.Local && f.Signature().Recv() == nil && isConstructor(f.Name()) {
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	switch {
	case path == "fmt":
		if strings.HasPrefix(f.Name(), "Sprint") || f.Name() == "Append" || f.Name() == "Appendf" {
			return ssaflow.Decision{Effect: ssaflow.Through}
		}
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	case slices.Contains(IgnoredPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	case slices.Contains(ThroughPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Through}
	case c.proj.Profile.IsGoSDK(path):
		if c.adminEndpoint(s) {
			return ssaflow.Decision{Effect: ssaflow.Ignore}
		}
		return use
	case s.Local:
		if recv := f.Signature().Recv(); recv != nil && !c.handlerTypes[namedObj(recv.Type())] {
			return use // a method of the package: a store, a repository
		}
		return ssaflow.Decision{Effect: ssaflow.Follow} // a helper, or a method of the server

	}
	return use
}

// fieldsUnread reports whether a call given a struct whose identity
// fields carry the id — the fields the flow marks, or those of a bound
// value passed whole — reads none of them: its function's fact (package
// fielduse) says it reads other fields only (a service renaming a file by
// its ID, given the body that also holds the uploader's id).
func (c *checker) fieldsUnread(s ssaflow.Site) bool {
	if s.Fields == nil || s.Arg < 0 {
		return false
	}
	st := structOf(ssautil.Strip(handlers.ArgValue(s.Common, s.Arg), ssautil.Boxing).Type())
	if st == nil {
		return false
	}
	var names []string
	for _, i := range s.Fields {
		names = append(names, st.Field(i).Name())
	}
	for _, n := range c.cur.idFields {
		for i := range st.NumFields() {
			if st.Field(i).Name() == n {
				names = append(names, n)
			}
		}
	}
	fact := c.pass.ResultOf[fielduse.Analyzer].(*fielduse.Facts).Of(s.Func)
	if fact == nil && s.Arg == 0 && slices.ContainsFunc(fielduse.PrimaryKeyOnly, func(f handlers.Func) bool { return f.Matches(s.Func) }) {
		fact = &fielduse.Fact{Params: []fielduse.Param{{Struct: true, Fields: fielduse.PrimaryKey(st)}}}
	}
	return len(names) > 0 && fact != nil && !fact.Reads(s.Arg, names)
}

// structOf returns the struct a value of type t is or points to.
func structOf(t types.Type) *types.Struct {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

// isLogger reports whether fn logs: a function or method of a logging
// package (go-pkgz/lgr imported as log, hclog, logr, glog), or a method of
// a logger type (Logger.Infof, AuditLog.Write).
func isLogger(fn *types.Func) bool {
	if pathHasWord(fn.Pkg().Path(), LogPackageMarkers) || printfLike(fn.Signature()) {
		return true
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if n := namedObj(recv.Type()); n != nil {
			for _, w := range session.Words(n.Name()) {
				if slices.Contains(LogTypeMarkers, w) {
					return true
				}
			}
		}
	}
	return false
}

// printfLike reports whether a function formats a message and returns
// nothing — func(format string, args ...any), a printf wrapper such as
// mutils.Verbose or debugf: all it can do with the values is print them.
// (A query or a store call returns a result or an error.)
func printfLike(sig *types.Signature) bool {
	ps := sig.Params()
	if sig.Results().Len() != 0 || !sig.Variadic() || ps.Len() < 2 {
		return false
	}
	last, ok := ps.At(ps.Len() - 1).Type().(*types.Slice)
	if !ok {
		return false
	}
	if it, ok := last.Elem().Underlying().(*types.Interface); !ok || !it.Empty() {
		return false
	}
	b, ok := ps.At(ps.Len() - 2).Type().Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// ValidatorWords begin the name of a function that validates a value:
// utils.Verify(req, rules), Validate(v).
var ValidatorWords = []string{"verify", "validate", "validation", "valid", "check"}

// validator reports whether a call validates the value it is given: a
// function named for it (ValidatorWords), given the value as an empty
// interface and returning only an error or a bool. It can only inspect the
// value; a store is given a typed value.
func validator(s ssaflow.Site) bool {
	sig := s.Func.Signature()
	words := session.Words(s.Func.Name())
	if len(words) == 0 || !slices.Contains(ValidatorWords, words[0]) || sig.Results().Len() != 1 || s.Arg < 0 || s.Arg >= sig.Params().Len() {
		return false
	}
	r := sig.Results().At(0).Type()
	b, isBasic := r.Underlying().(*types.Basic)
	if !types.Identical(r, types.Universe.Lookup("error").Type()) && !(isBasic && b.Kind() == types.Bool) {
		return false
	}
	p := sig.Params().At(s.Arg).Type()
	if sig.Variadic() && s.Arg == sig.Params().Len()-1 {
		p = p.(*types.Slice).Elem()
	}
	it, ok := p.Underlying().(*types.Interface)
	return ok && it.Empty()
}

// AccessWords are words of a function's name that make it an access check
// of the id it is given: CanAccessUser, isOwner, ensureOwnership,
// Authorize, checkPermission.
var AccessWords = []string{"access", "owner", "owns", "ownership", "owned", "permission", "permissions", "permitted", "permit",
	"allowed", "authorize", "authorized", "authorization", "authz", "acl", "policy", "enforce", "self", "belongs"}

// accessCheck reports whether a call checks whether the caller may act on
// the id it is given: it returns a bool or an error, and it is named for
// an access check (CanAccessUser, isOwner), or it is also given the
// verified identity (canView(me, uid)).
func (c *checker) accessCheck(s ssaflow.Site) bool {
	res := s.Func.Signature().Results()
	if res.Len() == 0 || res.Len() > 2 {
		return false
	}
	boolean := false
	for i := range res.Len() {
		if b, ok := res.At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool {
			boolean = true
		}
	}
	isErr := res.Len() == 1 && types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type())
	if !boolean && !isErr {
		return false
	}
	words := session.Words(s.Func.Name())
	if len(words) > 0 && words[0] == "can" || slices.ContainsFunc(words, func(w string) bool { return slices.Contains(AccessWords, w) }) {
		return true
	}
	if !boolean {
		return false
	}
	for i := range s.Func.Signature().Params().Len() {
		if i != s.Arg && c.types.FromSession(handlers.ArgValue(s.Common, i)) {
			return true
		}
	}
	return false
}

// userLookup reports whether a function's name says it looks up a user
// record by id: GetUser, FindUserByID, UserByID, LoadProfile, GetUserInfo,
// or Get, FindByID, One of a type named for users (UserStore.Get,
// AccountRepository.FindByID) — not GetUserOrders or DeleteUser.
func userLookup(f *types.Func) bool {
	words := session.Words(f.Name())
	verb := false
	for len(words) > 0 && slices.Contains(LookupVerbs, words[0]) {
		words = words[1:] // FindOneUser, MustGetUser
		verb = true
	}
	if len(words) == 0 || !slices.Contains(UserNouns, strings.TrimSuffix(words[0], "s")) {
		if !verb || !qualifiers(words) {
			return false
		}
		// Get, FindByID: of a store of users?
		recv := f.Signature().Recv()
		if recv == nil {
			return false
		}
		n := namedObj(recv.Type())
		return n != nil && slices.ContainsFunc(session.Words(n.Name()), func(w string) bool {
			return slices.Contains(UserNouns, strings.TrimSuffix(w, "s"))
		})
	}
	return qualifiers(words[1:])
}

func qualifiers(words []string) bool {
	for _, w := range words {
		if !slices.Contains(LookupQualifiers, w) {
			return false
		}
	}
	return true
}

func isConstructor(name string) bool {
	for _, p := range ConstructorPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && (rest == "" || rest[0] >= 'A' && rest[0] <= 'Z') {
			return true
		}
	}
	return false
}

// libraryPath is the path of a package whose words say what kind of
// library it is: for a package of the analysed module, its path inside the
// module (the module's own name, golang-jwt-project, does not make its
// helpers a JWT library); for another module's, the whole path
// (github.com/golang-jwt/jwt).
func (c *checker) libraryPath(pkg *types.Package) string {
	p := pkg.Path()
	if m := c.pass.Module; m != nil && m.Path != "" {
		if rest, ok := strings.CutPrefix(p, m.Path); ok && (rest == "" || rest[0] == '/') {
			return rest
		}
	}
	return p
}

// pathHasWord reports whether a word of an import path's elements (split
// at '/', '-', '.' and case changes: go-pkgz/lgr → go, pkgz, lgr) is one
// of words; a version element is skipped.
func pathHasWord(path string, words []string) bool {
	for _, w := range session.Words(path) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// isFrameworkCall reports whether fn is a function of an HTTP framework's
// package that is not a request read: error and response constructors
// (echo.NewHTTPError, fiber.NewError), which do not act as the user.
func isFrameworkCall(fn *types.Func) bool {
	fw := handlers.FrameworkOfPackage(fn.Pkg().Path())
	return fw != nil && fw != handlers.NetHTTP
}

// adminEndpoint reports whether an SDK call calls an endpoint whose
// allowed_roles are set in dypai.yaml: an admin acting on another user.
func (c *checker) adminEndpoint(s ssaflow.Site) bool {
	p := c.proj
	if !p.ManifestRulesApply() || !p.Profile.IsCallMethod(s.Func.Name()) {
		return false
	}
	for i := range s.Func.Signature().Params().Len() {
		if i == s.Arg {
			continue
		}
		if k, ok := ssautil.Strip(handlers.ArgValue(s.Common, i), ssautil.Boxing).(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.String {
			if ep := p.Manifest.Endpoint(constant.StringVal(k.Value)); ep != nil {
				return ep.HasRoles()
			}
		}
	}
	return false
}
