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
//   - eval follows values through the parsed chunks (SDK bindings,
//     variables, function returns, class fields, env reads, chunk exports in
//     import order) and tells checks of each site a rule judges, through
//     the eval.Checks interface.
//   - checks holds the rules, one file per rule family (see its doc), and
//     runs the walk over a build's chunks (checks.Analysis).
//   - This package runs each project (scanproject.go): a server pass over
//     the server build and a client pass over the client build, which
//     decides what ships (what tree shaking drops is not reported), then
//     applies the project's directives, ignore globs and only-directory.
//     Findings are mapped back to the original file:line:col through the
//     source map. cache.go is the hook of the re-run cache.
//
// The scanner never runs the project's code and never uses the network.
package jsscan
