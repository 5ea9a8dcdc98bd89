// Package sdk describes, as data, the client SDK surface the rules recognise:
// which packages and modules are the SDK, which constructors make a client,
// which argument or option carries the API key, which methods call an
// endpoint, which keys are privileged, and which environment variable names
// are public or secret. A Profile selects one such surface: "dypai" is the
// default; "supabase" applies the same rules to Supabase apps, where only
// the service-role key is privileged.
package sdk

import (
	"encoding/base64"
	"encoding/json"
	"path"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/rules"
)

// Profile is one platform's client surface.
type Profile struct {
	Name string

	// HasManifest is whether the platform has an endpoint manifest
	// (dypai.yaml endpoints). Rules that need one are silent otherwise.
	HasManifest bool

	// Go SDK.
	GoPackagePrefix string   // last path element equal to or starting with this
	GoPackages      []string // further import paths that are the SDK (a /vN suffix is ignored)
	GoConstructors  []string // functions returning a client
	GoKeyArg        int      // index of the positional API-key argument, -1 if none
	GoKeyOptions    []string // option functions whose argument is the API key
	GoUserOptions   []string // option functions that make a user (jwt) client
	GoAPIField      string   // the client's field holding endpoint methods ("": none)
	GoAuthField     string   // the client's field holding auth methods
	GoSignUp        string   // the sign-up method of the auth field
	// GoAuthStateChange is the auth field's method that registers a
	// callback for auth events ("": the Go SDK has none).
	GoAuthStateChange string

	// JS/TS SDK. A named import of one of JSConstructors from one of
	// JSModules (or the namespace's member of that name) is a constructor
	// whose argument JSKeyArg is the key.
	JSModules      []string // module specifiers that are the SDK
	JSConstructors []string // exported functions returning a client
	JSKeyArg       int      // index of the positional API-key argument
	// JSKeyOptions are option properties that carry the key when the
	// constructor takes an options object instead (supabaseKey).
	JSKeyOptions []string
	JSAPIField   string // client.<field>.get(...) ("": no endpoint calls)
	JSAuthField  string
	JSSignUp     string
	// JSAuthStateChange is the auth field's method that registers a
	// callback for auth events: client.auth.onAuthStateChange(cb).
	JSAuthStateChange string
	// SetPasswordEvent is the auth event an invitation link makes the SDK
	// emit, where the app must show a set-password screen (DYP407).
	SetPasswordEvent string
	// JSSessionMethods are the methods of client.<JSAuthField> that return
	// the signed-in user's session: a function calling one on a user
	// client serves that user (DYP301).
	JSSessionMethods []string

	// CallMethods are the endpoint-calling methods, lower-case (matched
	// case-insensitively so Go's Post and JS's post are the same).
	CallMethods []string

	// KeyHeaders are request header names (lower-case) that carry the key.
	// With PrivilegedKeyMarkers empty their presence makes a request an
	// API-key call; otherwise their value must be a privileged key
	// ("Authorization: Bearer <service key>").
	KeyHeaders []string

	// PrivilegedKeyMarkers, when set, make a client privileged only when its
	// key is a privileged one (supabase: the service-role key): read from an
	// environment variable whose name contains a marker, held in a variable,
	// field, property or helper function so named when its value is not
	// known, or a literal secret key (SecretKeyPrefixes, SecretJWTRoles).
	// When empty, any key makes a client privileged.
	PrivilegedKeyMarkers []string
	// SecretKeyPrefixes are literal key prefixes that are always secret.
	SecretKeyPrefixes []string
	// SecretJWTRoles are "role" claims of a JWT that make it a server-only
	// credential wherever it appears (Supabase's service-role key).
	SecretJWTRoles []string
	// PublicKeyPrefixes mark keys made to be public (publishable keys).
	PublicKeyPrefixes []string

	// PublicEnvPrefixes are env-var prefixes that bundlers inline into
	// browser code; SecretEnvMarkers are substrings of env-var names that
	// hold secrets (DYP102).
	PublicEnvPrefixes []string
	SecretEnvMarkers  []string
	// PublicKeyEnvMarkers mark secret-looking names of keys made to be
	// public, which are not secrets (a Firebase web config's apiKey).
	PublicKeyEnvMarkers []string

	// ImplicitCaller is whether the platform hands every user call the
	// caller's identity and keeps privileged keys for server-to-server work
	// (DYPAI: current_user_id), so that a user call sending the caller's id
	// (DYP201) and a privileged call made for a user (DYP301) are mistakes.
	// Supabase: false — rows carry user ids under row level security, and
	// server code uses the service-role key for a user it has checked.
	ImplicitCaller bool

	// Terms are the words messages use for the privileged key and client.
	Terms rules.Terms
}

// PublicEnvPrefixes are env-var prefixes that bundlers inline into browser code.
var PublicEnvPrefixes = []string{"NEXT_PUBLIC_", "VITE_", "REACT_APP_", "VUE_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_", "GATSBY_"}

// SecretEnvMarkers are substrings of env-var names that hold secrets.
var SecretEnvMarkers = []string{"API_KEY", "APIKEY", "SECRET", "SERVICE_KEY", "SERVICE_ROLE", "PRIVATE"}

// PublicKeyEnvMarkers are substrings of env-var names that hold keys made
// to be shipped to browsers, despite API_KEY in their name: the Firebase web
// config's apiKey, a Google Maps JavaScript API key (restricted by referrer),
// an Algolia search-only key.
var PublicKeyEnvMarkers = []string{"FIREBASE_API_KEY", "FIREBASE_APIKEY", "GOOGLE_MAPS_API_KEY", "ALGOLIA_SEARCH_API_KEY", "ALGOLIA_SEARCH_KEY"}

// DefaultIdentityFields are payload keys that carry the acting user's identity.
var DefaultIdentityFields = []string{"user_id", "userId", "userID", "current_user_id", "owner_id", "uid"}

// Key forms shared by the profiles: a Supabase service-role JWT or a
// publishable key is recognised whatever the platform.
var (
	secretJWTRoles    = []string{"service_role", "supabase_admin"}
	publicKeyPrefixes = []string{"sb_publishable_", "pk_live_", "pk_test_"}
)

// Dypai is the default profile: the DYPAI SDK, whose endpoints dypai.yaml
// declares (jwt or api_key), with the project key sent in X-API-KEY.
var Dypai = &Profile{
	Name:                "dypai",
	HasManifest:         true,
	GoPackagePrefix:     "dypai",
	GoConstructors:      []string{"CreateClient", "NewClient"},
	GoKeyArg:            1,
	GoKeyOptions:        []string{"WithAPIKey"},
	GoUserOptions:       []string{"WithAccessToken"},
	GoAPIField:          "API",
	GoAuthField:         "Auth",
	GoSignUp:            "SignUp",
	GoAuthStateChange:   "OnAuthStateChange",
	JSModules:           []string{"@dypai/client", "@dypai/sdk", "dypai"},
	JSConstructors:      []string{"createClient"},
	JSKeyArg:            1,
	JSAPIField:          "api",
	JSAuthField:         "auth",
	JSSignUp:            "signUp",
	JSAuthStateChange:   "onAuthStateChange",
	SetPasswordEvent:    "PASSWORD_RECOVERY",
	JSSessionMethods:    []string{"getSession", "getUser"},
	CallMethods:         []string{"get", "post", "put", "patch", "delete"},
	KeyHeaders:          []string{"x-api-key"},
	SecretJWTRoles:      secretJWTRoles,
	PublicKeyPrefixes:   publicKeyPrefixes,
	PublicEnvPrefixes:   PublicEnvPrefixes,
	SecretEnvMarkers:    SecretEnvMarkers,
	ImplicitCaller:      true,
	PublicKeyEnvMarkers: PublicKeyEnvMarkers,
	Terms:               rules.DypaiTerms,
}

// Supabase applies the rules to Supabase apps (the README's "Using
// dypailint with Supabase"):
// a client is privileged when its key is the service-role key; the anon
// (publishable) key makes a user client. Supabase has no endpoint manifest.
var Supabase = &Profile{
	Name:           "supabase",
	GoPackages:     []string{"github.com/supabase-community/supabase-go"},
	GoConstructors: []string{"NewClient"}, // NewClient(url, key string, options *ClientOptions)
	GoKeyArg:       1,
	GoAuthField:    "Auth",
	GoSignUp:       "Signup",
	// @supabase/supabase-js and @supabase/ssr, and the deprecated but
	// still common auth helpers, which wrap the same client.
	JSModules: []string{"@supabase/supabase-js", "@supabase/ssr",
		"@supabase/auth-helpers-nextjs", "@supabase/auth-helpers-sveltekit", "@supabase/auth-helpers-react", "@supabase/auth-helpers-remix"},
	// createClient(url, key, options) from @supabase/supabase-js;
	// createBrowserClient / createServerClient(url, key, options) from
	// @supabase/ssr and auth-helpers-remix; the Next.js and SvelteKit
	// helpers take { supabaseUrl, supabaseKey } options.
	JSConstructors: []string{"createClient", "createBrowserClient", "createServerClient",
		"createClientComponentClient", "createPagesBrowserClient", "createBrowserSupabaseClient",
		"createServerComponentClient", "createServerActionClient", "createRouteHandlerClient",
		"createMiddlewareClient", "createPagesServerClient", "createServerSupabaseClient",
		"createSupabaseLoadClient", "createSupabaseServerClient"},
	JSKeyArg:     1,
	JSKeyOptions: []string{"supabaseKey"},
	JSAuthField:  "auth",
	JSSignUp:     "signUp",
	// Supabase emits PASSWORD_RECOVERY for recovery links (invitation
	// links sign the user in); DYP407 is silent under this profile, which
	// has no app manifest, but -v shows the handlers found.
	JSAuthStateChange:    "onAuthStateChange",
	SetPasswordEvent:     "PASSWORD_RECOVERY",
	JSSessionMethods:     []string{"getSession", "getUser"},
	KeyHeaders:           []string{"apikey", "authorization"},
	PrivilegedKeyMarkers: []string{"SERVICE_ROLE", "SERVICE_KEY", "SECRET"},
	SecretKeyPrefixes:    []string{"sb_secret_"},
	SecretJWTRoles:       secretJWTRoles,
	PublicKeyPrefixes:    publicKeyPrefixes,
	PublicEnvPrefixes:    PublicEnvPrefixes,
	SecretEnvMarkers:     SecretEnvMarkers,
	PublicKeyEnvMarkers:  PublicKeyEnvMarkers,
	Terms:                rules.SupabaseTerms,
}

// Profiles lists the selectable profiles by name.
var Profiles = map[string]*Profile{
	Dypai.Name:    Dypai,
	Supabase.Name: Supabase,
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
	if slices.Contains(p.GoPackages, importPath) || slices.Contains(p.GoPackages, trimMajor(importPath)) {
		return true
	}
	if p.GoPackagePrefix == "" {
		return false
	}
	// Major-version suffixes (…/dypai-go/v2) name the element before them.
	return strings.HasPrefix(path.Base(trimMajor(importPath)), p.GoPackagePrefix)
}

// trimMajor drops a trailing /vN from an import path.
func trimMajor(importPath string) string {
	last := path.Base(importPath)
	if len(last) >= 2 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return path.Dir(importPath)
	}
	return importPath
}

// IsJSModule reports whether a module specifier is the profile's JS SDK,
// also as Deno and CDN imports name it (npm:@supabase/supabase-js@2,
// https://esm.sh/@supabase/supabase-js@2).
func (p *Profile) IsJSModule(spec string) bool {
	return slices.Contains(p.JSModules, spec) || slices.Contains(p.JSModules, packageOf(spec))
}

// registryPrefixes are the prefixes of module specifiers that name a
// package of the npm registry by URL or scheme.
var registryPrefixes = []string{"npm:", "jsr:", "https://esm.sh/", "https://cdn.skypack.dev/", "https://cdn.jsdelivr.net/npm/", "https://unpkg.com/"}

// packageOf returns the package a registry specifier names, without its
// version and path: "npm:@supabase/supabase-js@2" -> "@supabase/supabase-js".
// Other specifiers are returned unchanged.
func packageOf(spec string) string {
	rest := ""
	for _, pre := range registryPrefixes {
		if r, ok := strings.CutPrefix(spec, pre); ok {
			rest = r
			break
		}
	}
	if rest == "" {
		return spec
	}
	n := 1
	if strings.HasPrefix(rest, "@") {
		n = 2 // @scope/name
	}
	parts := strings.SplitN(rest, "/", n+1)
	if len(parts) < n {
		return spec
	}
	last := parts[n-1]
	if i := strings.IndexByte(last, '@'); i > 0 {
		parts[n-1] = last[:i]
	}
	return strings.Join(parts[:n], "/")
}

// IsCallMethod reports whether name (any case) is an endpoint-calling method.
func (p *Profile) IsCallMethod(name string) bool {
	return slices.Contains(p.CallMethods, strings.ToLower(name))
}

// keyHeaderDisplay spells key headers in messages.
var keyHeaderDisplay = map[string]string{"x-api-key": "X-API-KEY", "apikey": "apikey", "authorization": "Authorization"}

// KeyHeaderDisplay spells a key header (given in any case) for messages.
func (p *Profile) KeyHeaderDisplay(name string) string {
	if d, ok := keyHeaderDisplay[strings.ToLower(name)]; ok {
		return d
	}
	return name
}

// NamesPlatform reports whether a text — a URL, an env var's name, an
// identifier — names the profile's platform: it holds the profile's name in
// any case (DYPAI_URL, cfg.DypaiKey, https://x.dypai.dev). Both engines ask
// it of a raw request's URL and key (DYP301).
func (p *Profile) NamesPlatform(text string) bool {
	return strings.Contains(strings.ToLower(text), p.Name)
}

// IsKeyHeader reports whether a header name (any case) makes an API-key call.
func (p *Profile) IsKeyHeader(name string) bool {
	return slices.Contains(p.KeyHeaders, strings.ToLower(name))
}

// IsKeyHeaderKey reports whether an object literal's key names a key
// header. Header names are case-insensitive, but a key spelled in camel
// case (apiKey, ApiKey) is an option of some API — an SDK's constructor
// options — not a header: headers are written in lower case, upper case,
// title case or with dashes (apikey, APIKEY, Authorization, X-Api-Key).
func (p *Profile) IsKeyHeaderKey(name string) bool {
	if !p.IsKeyHeader(name) {
		return false
	}
	if strings.Contains(name, "-") || name == strings.ToUpper(name) {
		return true
	}
	return len(name) < 2 || name[1:] == strings.ToLower(name[1:]) // no capital inside the word
}

// IsPublicSecretEnv reports whether an env-var name is browser-exposed and
// secret-like (DYP102).
func IsPublicSecretEnv(name string) bool { return Dypai.IsPublicSecretEnv(name) }

// IsPublicEnv reports whether bundlers inline the variable into browser code.
func IsPublicEnv(name string) bool { return Dypai.IsPublicEnv(name) }

// IsSecretEnv reports whether an env-var name looks like it holds a secret.
func IsSecretEnv(name string) bool { return Dypai.IsSecretEnv(name) }

// IsPublicSecretEnv reports whether an env-var name is browser-exposed and
// secret-like (DYP102).
func (p *Profile) IsPublicSecretEnv(name string) bool {
	return p.IsPublicEnv(name) && p.IsSecretEnv(name)
}

// PublicEnvPrefix returns the browser-exposing prefix of an env-var name,
// or "".
func (p *Profile) PublicEnvPrefix(name string) string {
	for _, pre := range p.PublicEnvPrefixes {
		if strings.HasPrefix(name, pre) {
			return pre
		}
	}
	return ""
}

// IsPublicEnv reports whether bundlers inline the variable into browser code.
func (p *Profile) IsPublicEnv(name string) bool { return p.PublicEnvPrefix(name) != "" }

// IsSecretEnv reports whether an env-var name looks like it holds a secret
// (and is not a key made to be public).
func (p *Profile) IsSecretEnv(name string) bool {
	up := strings.ToUpper(name)
	for _, m := range p.PublicKeyEnvMarkers {
		if strings.Contains(up, m) {
			return false
		}
	}
	for _, m := range p.SecretEnvMarkers {
		if strings.Contains(up, m) {
			return true
		}
	}
	return false
}

// Privilege is what is known of whether a key is privileged.
type Privilege int

const (
	PrivUnknown Privilege = iota // nothing says (a parameter, an opaque call)
	PrivNo                       // a known key that is not privileged
	PrivYes                      // a privileged key
)

// Or combines the privilege of the alternatives or parts of one value: it
// is privileged when one of them is, not when all of them are not.
func (a Privilege) Or(b Privilege) Privilege {
	switch {
	case a == PrivYes || b == PrivYes:
		return PrivYes
	case a == PrivUnknown || b == PrivUnknown:
		return PrivUnknown
	}
	return PrivNo
}

// Gated reports whether only some keys make a client privileged (the
// profile has PrivilegedKeyMarkers); when false, any key does.
func (p *Profile) Gated() bool { return len(p.PrivilegedKeyMarkers) > 0 }

// IsPrivilegedName reports whether a name — of an env var, or of the
// variable, field, property or function holding a key — marks the
// privileged key: it contains a marker, compared without case and
// separators (SUPABASE_SERVICE_ROLE_KEY, serviceRoleKey, ServiceKey).
func (p *Profile) IsPrivilegedName(name string) bool {
	n := squash(name)
	if n == "" {
		return false
	}
	for _, m := range p.PrivilegedKeyMarkers {
		if strings.Contains(n, squash(m)) {
			return true
		}
	}
	return false
}

// squash upper-cases s and drops everything but letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IsSecretLiteral reports whether a literal is a secret key by its form:
// a SecretKeyPrefixes prefix, or a JWT whose role is in SecretJWTRoles.
func (p *Profile) IsSecretLiteral(v string) bool {
	v = strings.TrimSpace(v)
	if rest, ok := cutBearer(v); ok {
		v = rest
	}
	for _, pre := range p.SecretKeyPrefixes {
		if strings.HasPrefix(v, pre) && len(v) > len(pre) {
			return true
		}
	}
	role, ok := JWTRole(v)
	return ok && slices.Contains(p.SecretJWTRoles, role)
}

// IsPublicLiteral reports whether a literal is a key made to be public: a
// PublicKeyPrefixes prefix, or a JWT whose role is not a secret one (an
// anon key).
func (p *Profile) IsPublicLiteral(v string) bool {
	for _, pre := range p.PublicKeyPrefixes {
		if strings.HasPrefix(v, pre) {
			return true
		}
	}
	role, ok := JWTRole(v)
	return ok && !slices.Contains(p.SecretJWTRoles, role)
}

func cutBearer(v string) (string, bool) {
	if len(v) > 7 && strings.EqualFold(v[:7], "bearer ") {
		return strings.TrimSpace(v[7:]), true
	}
	return v, false
}

// JWTRole returns the "role" claim of a JWT's payload; ok is false when v
// is not a JWT (three dot-separated base64url parts, the first two JSON
// objects).
func JWTRole(v string) (role string, ok bool) {
	parts := strings.Split(v, ".")
	if len(parts) != 3 || !strings.HasPrefix(parts[0], "eyJ") || !strings.HasPrefix(parts[1], "eyJ") {
		return "", false
	}
	payload, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(parts[1], "="))
	if err != nil {
		return "", false
	}
	var claims struct {
		Role any `json:"role"`
	}
	if json.Unmarshal(payload, &claims) != nil {
		return "", false
	}
	role, _ = claims.Role.(string)
	return role, true
}

// Redact shows at most the first four characters of a secret.
func Redact(secret string) string {
	r := []rune(secret)
	if len(r) > 4 {
		r = r[:4]
	}
	return string(r) + "…"
}
