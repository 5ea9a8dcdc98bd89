// Package clientmodel is the shared model of DYPAI client code that the rule
// passes DYP101, DYP201, DYP301, DYP403, DYP404 and DYP405 read. It is itself
// an analysis pass (see For): it runs once per package, whatever the number
// of rules that need it, and carries what it learns across packages as facts.
//
// What it recognises, always by go/types objects and never by names alone:
//
//   - the SDK package: an import path that the profile's IsGoSDK accepts
//     and that declares a constructor returning its own client type (a
//     helper named like the SDK is not the SDK), however the import is
//     named, and types reached through aliases;
//   - client constructions: calls of the profile's constructors
//     (CreateClient, NewClient), classified as API-key clients (a key in the
//     positional key argument, or a key option such as WithAPIKey, including
//     options built in a slice and passed with ...) or user (jwt) clients;
//   - endpoint calls client.API.Get/Post/Put/Patch/Delete(ctx, "name", payload),
//     with the name constant-folded, and Auth.SignUp calls;
//   - raw net/http requests made API-key calls by an X-API-KEY header
//     (Header.Set/Add, req.Header[...] = ..., http.Header{...} literals);
//   - identity fields sent in payloads: map and struct literals, structs
//     whose fields carry a json tag or name from Project.IdentityFields,
//     url.Values, query strings in endpoint names, JSON bodies;
//   - client-reachable (browser) code: packages importing syscall/js or a Go
//     browser UI framework, wasm mains (mains reaching those through the
//     project's packages, with js/wasm- or wasip1-only files, or with
//     //go:wasmexport / //go:wasmimport functions), and files built only
//     for js/wasm or wasip1;
//   - server-only third-party SDK clients given their secret key
//     (serversdk.go: openai-go, anthropic-sdk-go, stripe-go from the
//     sdk.ServerSDKs catalogue), the key followed and judged as the
//     privileged key is, for DYP105;
//   - request handlers serving a signed-in user, as passes/internal/handlers
//     finds them (a handler that reads the user's token, session or
//     identity, or one registered behind authentication middleware).
//
// Client kinds are tracked as values, not names: through assignments,
// struct fields, package-level variables, function results, closures and
// method values, flow-insensitively within a package and across packages
// with facts. The facts are:
//
//   - "returns <kind> client" on functions and methods whose result is a client;
//   - "holds <kind> client" on package-level variables and struct fields;
//   - "constructs an API-key client: F → G → dypai.CreateClient" on
//     functions that construct an API-key client or X-API-KEY request,
//     directly or through the functions they call;
//   - "constructs an API-key client at init: …" on packages whose
//     initialisation does so, directly or through an import;
//   - "builds a server-only OpenAI client: F → G → openai.NewClient" on
//     functions that build a server-only SDK's client with its secret key,
//     directly or through the functions they call, and "builds a
//     server-only OpenAI client at init: …" on packages whose
//     initialisation does;
//   - "SDK client type" and "SDK option type" on the SDK's types, so that a
//     package seeing the SDK only through another package's export data
//     (go vet reads direct imports only) still knows them.
package clientmodel
