package clientmodel

import (
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/dypai/dypailint/analyzer/sdk"
)

// sdkInfo is the surface of one SDK package, resolved to objects.
type sdkInfo struct {
	pkg          *types.Package
	client       *types.TypeName // the constructors' result type
	api, auth    *types.TypeName // the types of the client's API and Auth fields
	apiField     *types.Var
	authField    *types.Var
	option       *types.TypeName // the key option's result type
	constructors map[*types.Func]bool
	keyOptions   map[*types.Func]bool
	userOptions  map[*types.Func]bool
}

// sdkTable resolves SDK packages for one pass; it is not shared between
// passes because each pass may have its own types.Package objects.
type sdkTable struct {
	pass  *analysis.Pass
	prof  *sdk.Profile
	cache map[*types.Package]*sdkInfo
}

// of returns the SDK surface of pkg, or nil when pkg is not the SDK: its
// import path is not the profile's, or it does not declare the SDK's
// client type (a helper package named like the SDK, internal/dypaiclient,
// that wraps it).
func (t *sdkTable) of(pkg *types.Package) *sdkInfo {
	if pkg == nil {
		return nil
	}
	if info, ok := t.cache[pkg]; ok {
		return info
	}
	var info *sdkInfo
	if t.prof.IsGoSDK(pkg.Path()) {
		info = t.resolve(pkg)
		if info.client == nil {
			info = nil
		}
	}
	t.cache[pkg] = info
	return info
}

// exportSurface marks the client and option types of the SDK package
// being analysed.
func (t *sdkTable) exportSurface(info *sdkInfo) {
	t.pass.ExportObjectFact(info.client, &sdkTypeFact{})
	if info.option != nil && info.option.Pkg() == t.pass.Pkg {
		t.pass.ExportObjectFact(info.option, &sdkTypeFact{Option: true})
	}
}

// importSurface finds the client and option types of an SDK package seen
// through export data, by the facts on them.
func (t *sdkTable) importSurface(info *sdkInfo) {
	scope := info.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		var f sdkTypeFact
		if !ok || !t.pass.ImportObjectFact(tn, &f) {
			continue
		}
		switch {
		case !f.Option && info.client == nil:
			info.client = tn
		case f.Option && info.option == nil:
			info.option = tn
		}
	}
}

func (t *sdkTable) resolve(pkg *types.Package) *sdkInfo {
	info := &sdkInfo{
		pkg:          pkg,
		constructors: map[*types.Func]bool{},
		keyOptions:   map[*types.Func]bool{},
		userOptions:  map[*types.Func]bool{},
	}
	scope := pkg.Scope()
	funcs := func(names []string, into map[*types.Func]bool) {
		for _, n := range names {
			if fn, ok := scope.Lookup(n).(*types.Func); ok {
				into[fn] = true
			}
		}
	}
	funcs(t.prof.GoConstructors, info.constructors)
	funcs(t.prof.GoKeyOptions, info.keyOptions)
	funcs(t.prof.GoUserOptions, info.userOptions)
	for fn := range info.constructors {
		if res := fn.Signature().Results(); res.Len() > 0 {
			if n := namedOf(res.At(0).Type()); n != nil && n.Obj().Pkg() == pkg {
				info.client = n.Obj()
				break
			}
		}
	}
	for fn := range info.keyOptions {
		if res := fn.Signature().Results(); res.Len() > 0 {
			if n := namedOf(res.At(0).Type()); n != nil {
				info.option = n.Obj()
			}
		}
	}
	// Seen through another package's export data, the SDK package holds
	// only the objects that package refers to: facts name the types.
	if info.client == nil && pkg != t.pass.Pkg {
		t.importSurface(info)
	}
	if info.client != nil {
		if st, ok := info.client.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				f := st.Field(i)
				switch f.Name() {
				case t.prof.GoAPIField:
					info.apiField = f
					if n := namedOf(f.Type()); n != nil {
						info.api = n.Obj()
					}
				case t.prof.GoAuthField:
					info.authField = f
					if n := namedOf(f.Type()); n != nil {
						info.auth = n.Obj()
					}
				}
			}
		}
	}
	return info
}

// namedOf returns the named type of t after removing aliases and one level
// of pointer, or nil. Instances are mapped to their generic origin.
func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Origin()
	}
	return nil
}

// isClientType reports whether values of type t are, or contain, SDK
// clients or client options (the values the model tracks).
func (t *sdkTable) isClientType(typ types.Type) bool {
	for range 4 {
		switch u := types.Unalias(typ).(type) {
		case *types.Pointer:
			typ = u.Elem()
			continue
		case *types.Slice:
			typ = u.Elem()
			continue
		case *types.Array:
			typ = u.Elem()
			continue
		case *types.Map:
			typ = u.Elem()
			continue
		case *types.Named:
			obj := u.Origin().Obj()
			info := t.of(obj.Pkg())
			return info != nil && obj != nil &&
				(obj == info.client || obj == info.api || obj == info.auth || obj == info.option)
		}
		return false
	}
	return false
}

// recvNamed returns the receiver's named type of a method, or nil.
func recvNamed(fn *types.Func) *types.TypeName {
	recv := fn.Signature().Recv()
	if recv == nil {
		return nil
	}
	if n := namedOf(recv.Type()); n != nil {
		return n.Obj()
	}
	return nil
}

// isTypeNamed reports whether t (or *t) is the named type pkgPath.name.
func isTypeNamed(t types.Type, pkgPath, name string) bool {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	return n.Obj().Name() == name && n.Obj().Pkg().Path() == pkgPath
}

// isFunc reports whether fn is the package-level function pkgPath.name (or
// a method named name of the type pkgPath.recv when recv is set).
func isFunc(fn *types.Func, pkgPath, recv, name string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Name() != name || fn.Pkg().Path() != pkgPath {
		return false
	}
	r := recvNamed(fn)
	if recv == "" {
		return r == nil
	}
	return r != nil && r.Name() == recv
}

// trimMajor drops a trailing /vN from an import path.
func trimMajor(p string) string {
	last := path.Base(p)
	if len(last) >= 2 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return path.Dir(p)
	}
	return p
}

// qualifiedName renders a function for chains and messages:
// pkg.F, pkg.T.M (receiver without pointer or type parameters).
func qualifiedName(fn *types.Func) string {
	name := fn.Name()
	if r := recvNamed(fn); r != nil {
		name = r.Name() + "." + name
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
