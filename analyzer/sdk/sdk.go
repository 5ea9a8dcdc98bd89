// Package sdk describes, as data, the client SDK surface the rules recognise:
// which packages and modules are the SDK, which constructors make a client,
// which argument or option carries the API key, which methods call an
// endpoint, and which environment variable names are public or secret. A
// Profile selects one such surface; "dypai" is the default.
package sdk

import (
	"path"
	"slices"
	"strings"
)

// Profile is one platform's client surface.
type Profile struct {
	Name string

	// HasManifest is whether the platform has an endpoint manifest
	// (dypai.yaml endpoints). Rules that need one are silent otherwise.
	HasManifest bool

	// Go SDK.
	GoPackagePrefix string   // last path element equal to or starting with this
	GoPackages      []string // further import paths that are the SDK
	GoConstructors  []string // functions returning a client
	GoKeyArg        int      // index of the positional API-key argument, -1 if none
	GoKeyOptions    []string // option functions whose argument is the API key
	GoUserOptions   []string // option functions that make a user (jwt) client
	GoAPIField      string   // the client's field holding endpoint methods
	GoAuthField     string   // the client's field holding auth methods
	GoSignUp        string   // the sign-up method of the auth field

	// JS/TS SDK.
	JSModules      []string // module specifiers that are the SDK
	JSConstructors []string // exported functions returning a client
	JSKeyArg       int      // index of the positional API-key argument
	JSAPIField     string   // client.<field>.get(...)
	JSAuthField    string
	JSSignUp       string

	// CallMethods are the endpoint-calling methods, lower-case (matched
	// case-insensitively so Go's Post and JS's post are the same).
	CallMethods []string

	// KeyHeaders are request header names (lower-case) whose presence makes a
	// request an API-key call.
	KeyHeaders []string

	// PrivilegedKeyMarkers, when set, make a client privileged only when its
	// key comes from an environment variable whose name contains one of them
	// (supabase: the service-role key); when empty, any key makes it privileged.
	PrivilegedKeyMarkers []string
	// SecretKeyPrefixes are literal key prefixes that are always secret.
	SecretKeyPrefixes []string
}

// PublicEnvPrefixes are env-var prefixes that bundlers inline into browser code.
var PublicEnvPrefixes = []string{"NEXT_PUBLIC_", "VITE_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_"}

// SecretEnvMarkers are substrings of env-var names that hold secrets.
var SecretEnvMarkers = []string{"API_KEY", "APIKEY", "SECRET", "SERVICE_KEY", "SERVICE_ROLE", "PRIVATE"}

// DefaultIdentityFields are payload keys that carry the acting user's identity.
var DefaultIdentityFields = []string{"user_id", "userId", "userID", "current_user_id", "owner_id", "uid"}

// Dypai is the default profile (SPEC §1).
var Dypai = &Profile{
	Name:            "dypai",
	HasManifest:     true,
	GoPackagePrefix: "dypai",
	GoConstructors:  []string{"CreateClient", "NewClient"},
	GoKeyArg:        1,
	GoKeyOptions:    []string{"WithAPIKey"},
	GoUserOptions:   []string{"WithAccessToken"},
	GoAPIField:      "API",
	GoAuthField:     "Auth",
	GoSignUp:        "SignUp",
	JSModules:       []string{"@dypai/client", "@dypai/sdk", "dypai"},
	JSConstructors:  []string{"createClient"},
	JSKeyArg:        1,
	JSAPIField:      "api",
	JSAuthField:     "auth",
	JSSignUp:        "signUp",
	CallMethods:     []string{"get", "post", "put", "patch", "delete"},
	KeyHeaders:      []string{"x-api-key"},
}

// Profiles lists the selectable profiles by name.
var Profiles = map[string]*Profile{
	Dypai.Name: Dypai,
}

// Names returns the profile names, sorted.
func Names() []string {
	var names []string
	for n := range Profiles {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// WithOverrides returns a copy of p with extra Go packages and JS modules
// (from dypai.yaml's sdk section) added.
func (p *Profile) WithOverrides(goPackages, jsModules []string) *Profile {
	if len(goPackages) == 0 && len(jsModules) == 0 {
		return p
	}
	q := *p
	q.GoPackages = append(slices.Clip(p.GoPackages), goPackages...)
	q.JSModules = append(slices.Clip(p.JSModules), jsModules...)
	return &q
}

// IsGoSDK reports whether importPath is the profile's Go SDK package.
func (p *Profile) IsGoSDK(importPath string) bool {
	if slices.Contains(p.GoPackages, importPath) {
		return true
	}
	if p.GoPackagePrefix == "" {
		return false
	}
	last := path.Base(importPath)
	// Major-version suffixes (…/dypai-go/v2) name the element before them.
	if len(last) >= 2 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = path.Base(path.Dir(importPath))
	}
	return strings.HasPrefix(last, p.GoPackagePrefix)
}

// IsJSModule reports whether a module specifier is the profile's JS SDK.
func (p *Profile) IsJSModule(spec string) bool { return slices.Contains(p.JSModules, spec) }

// IsCallMethod reports whether name (any case) is an endpoint-calling method.
func (p *Profile) IsCallMethod(name string) bool {
	return slices.Contains(p.CallMethods, strings.ToLower(name))
}

// IsKeyHeader reports whether a header name (any case) makes an API-key call.
func (p *Profile) IsKeyHeader(name string) bool {
	return slices.Contains(p.KeyHeaders, strings.ToLower(name))
}

// IsPublicSecretEnv reports whether an env-var name is browser-exposed and
// secret-like (DYP102).
func IsPublicSecretEnv(name string) bool {
	return IsPublicEnv(name) && IsSecretEnv(name)
}

// IsPublicEnv reports whether bundlers inline the variable into browser code.
func IsPublicEnv(name string) bool {
	for _, p := range PublicEnvPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// IsSecretEnv reports whether an env-var name looks like it holds a secret.
func IsSecretEnv(name string) bool {
	up := strings.ToUpper(name)
	for _, m := range SecretEnvMarkers {
		if strings.Contains(up, m) {
			return true
		}
	}
	return false
}

// Redact shows at most the first four characters of a secret.
func Redact(secret string) string {
	r := []rune(secret)
	if len(r) > 4 {
		r = r[:4]
	}
	return string(r) + "…"
}
