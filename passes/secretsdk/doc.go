// Package secretsdk defines the Go pass behind rule DYP105: a client of a
// server-only third-party SDK holding its secret key, constructed in Go
// code that runs in the browser (the JS/TS half is internal/jsscan).
//
// The SDKs are those of the catalogue (analyzer/sdk.ServerSDKs) that ship
// a Go module: openai-go (openai.NewClient(option.WithAPIKey(key))),
// anthropic-sdk-go (anthropic.NewClient(option.WithAPIKey(key)) or
// option.WithAuthToken), and stripe-go (the global stripe.Key = key,
// client.New(key, backends) and client.API.Init before v82,
// stripe.NewClient(key) since), whatever their major version.
//
// Client-reachable Go is what it is for DYP101 (passes/apikeyclient): a
// package importing syscall/js or a Go browser UI framework, a wasm main,
// a file built only for js/wasm or wasip1. The key is followed as DYP101
// follows the DYPAI key — variables, struct fields, options built in a
// slice, parameters of functions called here, results of this package's
// functions — and is a secret when it is read from an env var not named
// as a browser key (os.Getenv("OPENAI_API_KEY"); a wasm build has no such
// variable unless the page hands it one, which ships it), a literal that
// is not publishable (Stripe's pk_ keys are), or a value named like a
// secret key (apiKey, cfg.StripeSecretKey, `env:"OPENAI_API_KEY"`).
//
// Server code (a server main or package) is not reported, nor a client
// given no key (the SDK reads its env var, on a server), a publishable one,
// or one read from the page through syscall/js (a user's own key typed into
// an input). A call in browser code of a function of a server package that
// builds such a client, directly or through the functions it calls, is
// reported at the call with the chain ("wasm main → billing.NewStripe →
// stripe.NewClient") and the construction as related information; an
// import of a package whose initialisation builds one, at the import.
package secretsdk
