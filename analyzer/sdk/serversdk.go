package sdk

import (
	"slices"
	"strings"
)

// ServerSDK is a third-party SDK whose client holds a secret key and must
// run only on a server (DYP105): the same mistake as an API-key client in
// browser code, with another vendor's key. The catalogue is data, active in
// every profile.
type ServerSDK struct {
	Name string // as messages name it: "OpenAI"
	// Modules are the module specifiers that export the constructors; a
	// trailing "*" matches a prefix (@aws-sdk/client-*).
	Modules []string
	// Exports are the constructors by exported name; "default" is the
	// default export, "*" any export whose name ends in Client (AWS).
	Exports []string
	// KeyArg is the positional argument holding the key (-1: none);
	// KeyOptions are the option properties holding it, in an object
	// argument.
	KeyArg     int
	KeyOptions []string
	// AnyImport: importing the module at all in browser code is the
	// mistake (firebase-admin holds a service account).
	AnyImport bool
	// PublicPrefixes mark keys made for browsers (Stripe's pk_),
	// TokenPrefixes short-lived tokens minted by a server for the browser
	// (OpenAI's ephemeral ek_ keys): both are fine in browser code.
	PublicPrefixes []string
	TokenPrefixes  []string
	// SecretPrefixes are the literal forms of its secret keys that are
	// unambiguous wherever they appear (gitleaks' rules are the model), for
	// DYP103 in built bundles; TestPrefixes those of test-mode keys, which
	// are noted rather than reported.
	SecretPrefixes []string
	TestPrefixes   []string

	// Go SDK, where the vendor ships one. GoModule is its module path (a
	// /vN major-version element after it is ignored). Its functions are
	// named relative to the module: "NewClient" in the root package,
	// "client.New" in a subpackage, "client.API.Init" for a method.
	// GoConstructors build a client, with the key as argument GoKeyArg
	// (-1: none) or given through one of GoKeyOptions (whose first
	// argument is the key); GoKeyVars are package variables whose value
	// every call sends as the key (stripe.Key).
	GoModule       string
	GoConstructors []string
	GoKeyArg       int
	GoKeyOptions   []string
	GoKeyVars      []string
}

// ServerSDKs is the catalogue of server-only SDKs.
var ServerSDKs = []*ServerSDK{
	{Name: "OpenAI", Modules: []string{"openai"}, Exports: []string{"default", "OpenAI", "AzureOpenAI"}, KeyArg: -1, KeyOptions: []string{"apiKey"}, TokenPrefixes: []string{"ek_"},
		SecretPrefixes: []string{"sk-proj-", "sk-svcacct-", "sk-admin-"},
		// openai.NewClient(option.WithAPIKey(key))
		GoModule: "github.com/openai/openai-go", GoConstructors: []string{"NewClient"}, GoKeyArg: -1, GoKeyOptions: []string{"option.WithAPIKey", "azure.WithAPIKey"}},
	{Name: "Anthropic", Modules: []string{"@anthropic-ai/sdk"}, Exports: []string{"default", "Anthropic"}, KeyArg: -1, KeyOptions: []string{"apiKey", "authToken"},
		SecretPrefixes: []string{"sk-ant-"},
		// anthropic.NewClient(option.WithAPIKey(key))
		GoModule: "github.com/anthropics/anthropic-sdk-go", GoConstructors: []string{"NewClient"}, GoKeyArg: -1, GoKeyOptions: []string{"option.WithAPIKey", "option.WithAuthToken"}},
	{Name: "Mistral", Modules: []string{"@mistralai/mistralai"}, Exports: []string{"Mistral", "default"}, KeyArg: -1, KeyOptions: []string{"apiKey"}},
	{Name: "Groq", Modules: []string{"groq-sdk"}, Exports: []string{"default", "Groq"}, KeyArg: -1, KeyOptions: []string{"apiKey"}, SecretPrefixes: []string{"gsk_"}},
	{Name: "Google Gen AI", Modules: []string{"@google/genai"}, Exports: []string{"GoogleGenAI"}, KeyArg: -1, KeyOptions: []string{"apiKey"}},
	{Name: "Google Generative AI", Modules: []string{"@google/generative-ai"}, Exports: []string{"GoogleGenerativeAI"}, KeyArg: 0},
	{Name: "Stripe", Modules: []string{"stripe"}, Exports: []string{"default", "Stripe"}, KeyArg: 0, PublicPrefixes: []string{"pk_live_", "pk_test_"},
		SecretPrefixes: []string{"sk_live_", "rk_live_"}, TestPrefixes: []string{"sk_test_", "rk_test_"},
		// stripe.Key = key; client.New(key, backends) and (&client.API{}).Init(key, backends)
		// before v82; stripe.NewClient(key, opts...) since.
		GoModule: "github.com/stripe/stripe-go", GoConstructors: []string{"NewClient", "client.New", "client.API.Init"}, GoKeyArg: 0, GoKeyVars: []string{"Key"}},
	{Name: "Resend", Modules: []string{"resend"}, Exports: []string{"Resend"}, KeyArg: 0},
	{Name: "SendGrid", Modules: []string{"@sendgrid/mail", "@sendgrid/client"}, Exports: []string{"setApiKey"}, KeyArg: 0}, // SG. keys: too like minified code for a prefix search
	{Name: "Twilio", Modules: []string{"twilio"}, Exports: []string{"default", "Twilio"}, KeyArg: 1},
	{Name: "Mailgun", Modules: []string{"mailgun.js"}, Exports: []string{"client"}, KeyArg: -1, KeyOptions: []string{"key"}},
	{Name: "Replicate", Modules: []string{"replicate"}, Exports: []string{"default", "Replicate"}, KeyArg: -1, KeyOptions: []string{"auth"}, SecretPrefixes: []string{"r8_"}},
	{Name: "Pinecone", Modules: []string{"@pinecone-database/pinecone"}, Exports: []string{"Pinecone"}, KeyArg: -1, KeyOptions: []string{"apiKey"}, SecretPrefixes: []string{"pcsk_"}},
	{Name: "AWS SDK", Modules: []string{"@aws-sdk/client-*"}, Exports: []string{"*"}, KeyArg: -1, KeyOptions: []string{"credentials"}},
	{Name: "Firebase Admin", Modules: []string{"firebase-admin", "firebase-admin/*"}, AnyImport: true, KeyArg: -1},
}

// ServerKeyPrefixes returns the literal key prefixes of the catalogue:
// those of secret keys and those of test-mode keys.
func ServerKeyPrefixes() (secret, test []string) {
	for _, s := range ServerSDKs {
		secret = append(secret, s.SecretPrefixes...)
		test = append(test, s.TestPrefixes...)
	}
	return secret, test
}

// ServerSDKByKeyPrefix returns the SDK whose secret or test keys start with
// prefix, or nil.
func ServerSDKByKeyPrefix(prefix string) *ServerSDK {
	for _, s := range ServerSDKs {
		if slices.Contains(s.SecretPrefixes, prefix) || slices.Contains(s.TestPrefixes, prefix) {
			return s
		}
	}
	return nil
}

// IsTestKey reports whether a literal is a test-mode key of a catalogued
// SDK (Stripe's sk_test_).
func IsTestKey(v string) bool {
	_, test := ServerKeyPrefixes()
	return slices.ContainsFunc(test, func(p string) bool { return strings.HasPrefix(v, p) })
}

// ServerSDKFor returns the catalogue entry of a module specifier, or nil.
// npm: specifiers (Deno) count as the package.
func ServerSDKFor(spec string) *ServerSDK {
	spec = strings.TrimPrefix(spec, "npm:")
	if at := strings.LastIndexByte(spec, '@'); at > 0 {
		spec = spec[:at] // npm:openai@4
	}
	for _, s := range ServerSDKs {
		for _, m := range s.Modules {
			if prefix, ok := strings.CutSuffix(m, "*"); ok && strings.HasPrefix(spec, prefix) || spec == m {
				return s
			}
		}
	}
	return nil
}

// IsConstructor reports whether an export of the SDK's module builds a
// client.
func (s *ServerSDK) IsConstructor(export string) bool {
	if slices.Contains(s.Exports, "*") {
		return strings.HasSuffix(export, "Client") && export != "Client"
	}
	return slices.Contains(s.Exports, export)
}

// BrowserSafeLiteral reports whether a literal key is one made for
// browsers: a publishable key or a short-lived token.
func (s *ServerSDK) BrowserSafeLiteral(v string) bool {
	for _, p := range append(slices.Clone(s.PublicPrefixes), s.TokenPrefixes...) {
		if strings.HasPrefix(v, p) {
			return true
		}
	}
	return false
}

// secretKeyNameMarkers mark a name (a variable, a property, an env var)
// that holds a server-only key; publicKeyNameMarkers one made for browsers.
var (
	secretKeyNameMarkers = []string{"secret", "apikey", "api_key", "accesskey", "access_key", "authtoken", "auth_token", "token", "privatekey", "private_key", "key"}
	publicKeyNameMarkers = []string{"publishable", "public", "ephemeral", "client_secret", "clientsecret", "anon"}
)

// SecretKeyName reports whether a name says it holds a secret key
// (OPENAI_API_KEY, stripeSecretKey, apiKey) rather than a key made for
// browsers (STRIPE_PUBLISHABLE_KEY, ephemeralKey) or something else.
func SecretKeyName(name string) bool {
	n := strings.ToLower(name)
	for _, m := range publicKeyNameMarkers {
		if strings.Contains(n, m) {
			return false
		}
	}
	if slices.ContainsFunc(PublicKeyEnvMarkers, func(m string) bool { return strings.Contains(strings.ToUpper(name), m) }) {
		return false
	}
	return slices.ContainsFunc(secretKeyNameMarkers, func(m string) bool { return strings.Contains(n, m) })
}

// GoServerSDK returns the catalogue entry whose Go module holds the package
// at import path, and the path below the module ("" for its root, "client"
// for github.com/stripe/stripe-go/v82/client), or nil.
func GoServerSDK(path string) (*ServerSDK, string) {
	for _, s := range ServerSDKs {
		if s.GoModule == "" {
			continue
		}
		rest, ok := strings.CutPrefix(path, s.GoModule)
		if !ok || rest != "" && rest[0] != '/' {
			continue
		}
		rest = strings.TrimPrefix(rest, "/")
		if major, sub, _ := strings.Cut(rest, "/"); len(major) >= 2 && major[0] == 'v' && strings.Trim(major[1:], "0123456789") == "" {
			rest = sub
		}
		return s, rest
	}
	return nil, ""
}

// GoName is how the catalogue names a Go function or variable of the SDK:
// sub is its package's path below the module, recv its receiver type's
// name ("" for none).
func GoName(sub, recv, name string) string {
	parts := []string{}
	for _, p := range []string{sub, recv, name} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ".")
}

// SecretLiteral reports whether a literal key is one of the SDK's secrets:
// long enough to be a key, not a placeholder, not made for browsers.
func (s *ServerSDK) SecretLiteral(v string) bool {
	v = strings.TrimSpace(v)
	return len(v) >= 8 && !PlaceholderKey(v) && !s.BrowserSafeLiteral(v)
}

// BrowserKeyEnvName reports an env var named as a key made for browsers
// (STRIPE_PUBLISHABLE_KEY), which a server SDK would not take as its
// secret; any other env var given to one is its secret.
func BrowserKeyEnvName(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "publishable") || strings.Contains(n, "public_key") || strings.Contains(n, "ephemeral")
}

// PlaceholderKey reports a stand-in for a key: "your-api-key", "sk-...".
func PlaceholderKey(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "your") || strings.Contains(l, "...") || strings.Contains(l, "xxx") || strings.Contains(l, "<") || strings.Contains(l, "changeme")
}
