// Package jsscan is dypailint's scanner for JavaScript and TypeScript
// sources. It finds the JS/TS projects under the directories it is given,
// decides with esbuild which modules really ship to the browser, and applies
// the rules of the catalogue (analyzer/rules) that concern JS/TS code: DYP101
// (API-key client in client code), DYP102 (secret read from a public env
// var), DYP105 (server-only SDK client in browser code), DYP201 (user call
// sends the caller's id), DYP301 (API-key call for a user's action), DYP403
// (sign-up in an invite-only app), DYP404 (unknown endpoint) and DYP405
// (api_key endpoint called by a user client or browser code), plus DYP001
// for its own suppression directives. It also records, per project, where
// client code handles the set-password auth event: the manifest checks judge
// DYP407 per app from it.
//
// Per project, the work is split over these packages:
//
//   - project finds the projects, their sources and their client entry
//     points (the README's "What counts as browser code"), per framework,
//     and how imports resolve (workspaces, tsconfig paths, Vite aliases).
//   - build runs a "server" build of every source file and a "client" build
//     of the client entry points with esbuild (packages external, nothing
//     written or executed), stubbing what is broken and retrying, and parses
//     the output chunks with sobek's parser; transform rewrites a file before
//     it is bundled as the framework's compiler would (server exports,
//     loaders, server functions removed); source reads prologues, comments
//     and component script blocks.
//   - This package analyses the parsed chunks (scanproject.go): a server pass
//     over the server build and a client pass over the client build, which
//     decides what ships (what tree shaking drops is not reported). Findings
//     are mapped back to the original file:line:col through the source map.
//
// The analysis has two halves. Evaluation, in package eval, follows values
// through the chunks: SDK bindings resolved from import statements (named,
// renamed and namespace imports and esbuild's collision renames),
// variables, function returns, class fields and chunk exports (in import
// order). At each site a rule judges it calls the checker (analyze.go) through
// the eval.Checks interface; checks.go says which check each site goes to.
// The checks, one file per rule family, judge what it finds: keys.go and
// configexpose.go (DYP101, DYP102), secretsdk.go (DYP105), endpoints.go
// (DYP201, DYP301, DYP403–DYP405) with session.go (who the caller is),
// recovery.go (DYP407), shipped.go (server-only modules in client code),
// fixes.go (the suggested fixes) and chains.go (the import chain a message
// shows).
//
// The SDK surface is the project's profile (sdk.Profile). Under a profile
// where only some keys are privileged (supabase: the service-role key), a key
// is followed to where it comes from — env reads (process.env,
// import.meta.env, Deno.env.get, env helpers), literals (a service_role JWT,
// an sb_secret_ key), object properties, function returns, alternatives (a ??
// b, c ? a : b), template and + concatenations ("Bearer " + key) — and, where
// it cannot be followed, judged by the name it is read from (serviceRoleKey).
// A helper building a client from its parameter is judged at each call. Key
// headers (apikey, Authorization) are reported only with a privileged value.
// The identity rules (DYP201, DYP301) apply only where the profile says the
// platform knows the caller (ImplicitCaller).
//
// The scanner never runs the project's code and never uses the network.
package jsscan
