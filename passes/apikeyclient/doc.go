// Package apikeyclient defines the pass behind rule DYP101: an API-key
// client, or a request with an X-API-KEY header, constructed in Go code that
// runs in the browser.
//
// Client-reachable Go is a package that imports syscall/js or a Go browser
// UI framework (go-app, vecty); a wasm main — a main package that reaches
// one of those through the project's own packages, has files built only for
// js/wasm or wasip1, or declares //go:wasmexport or //go:wasmimport
// functions; and a file built only for js/wasm or wasip1 (a //go:build
// line, or a _js.go, _wasm.go or _wasip1.go name). The target GOOS alone
// does not make a package browser code: go vet with GOOS=js over ./...
// also builds the server's mains. In such code the pass reports:
//
//   - a construction of an API-key client (dypai.CreateClient(url, key),
//     dypai.NewClient(url, dypai.WithAPIKey(key)), options in a slice) or
//     an X-API-KEY header (http.Header Set/Add, index assignment, literal,
//     or a header map handed to JavaScript);
//   - a call of (or reference to) a function in another package that
//     constructs one, directly or through the functions it calls, with the
//     chain in the message ("wasm main → shopapi.NewAdminClient →
//     dypai.CreateClient") and the construction as related information;
//   - an import of a package whose initialisation constructs one.
//
// Under the supabase profile the client is supabase-go's NewClient(url, key,
// options) and the headers are apikey and Authorization; only the
// service-role key makes them privileged: an env var named for it
// (SERVICE_ROLE, SERVICE_KEY, SECRET), a service_role JWT or sb_secret_
// literal, followed through variables, struct fields, parameters of
// functions called here and results of this package's functions, or, where
// the value cannot be followed, a variable, field, struct tag or function
// named for it. The anon key is silent.
//
// Packages that do not run in the browser may construct API-key clients:
// they are not reported. A function value that is only stored (never
// called) at package initialisation does not count as initialisation.
package apikeyclient
