// Package jsscan is dypailint's scanner for JavaScript and TypeScript
// sources. It finds the JS/TS projects under the directories it is given,
// decides with esbuild which modules really ship to the browser, and applies
// the rules of the catalogue (analyzer/rules) that concern JS/TS code: DYP101 (API-key client in
// client code), DYP102 (secret read from a public env var), DYP201 (user
// call sends the caller's id), DYP301 (API-key call for a user's action),
// DYP403 (sign-up in an invite-only app), DYP404 (unknown endpoint) and
// DYP405 (api_key endpoint called by a user client or browser code), plus
// DYP001 for its own suppression directives. It also records, per project,
// where client code handles the set-password auth event (recovery.go): the
// manifest checks judge DYP407 per app from it.
//
// How it works, per project (a directory with a package.json, or with a
// dypai.yaml naming js.client_entries):
//
//   - Discovery walks the project's sources, skipping node_modules, .git,
//     vendor, build output (dist, build, out, .next: the bundle scanner's
//     business) and symlink loops, and finds the client entry points (the README's
//     "What counts as browser code"): 'use client' modules, Next.js pages (wrapped so that
//     getServerSideProps and what only it imports are dropped), index.html
//     module scripts and src/main.* / src/index.* of SPAs, the modules of
//     Expo / React Native apps, React Router (Remix) and TanStack Start
//     routes, Nuxt's pages, components and composables, SvelteKit's route
//     modules (see frameworks), or dypai.yaml's js.client_entries, which
//     override detection. Vue and Svelte single-file components are loaded
//     as their script blocks, at their positions in the file
//     (componentScript); templates are not analysed.
//   - A "server" build bundles every source file; a "client" build bundles
//     the client entry points only, with 'use server' modules replaced by
//     stubs as Next.js does, and what the frameworks' compilers keep out of
//     the browser removed (stripServerCode: route loaders and actions,
//     TanStack server functions, and what only they use). Each is one
//     esbuild build whose virtual entry re-exports every entry point as a
//     namespace (so all their exports stay alive, as for real entries, and
//     every module is printed once: code splitting over thousands of
//     entries makes esbuild's output quadratic),
//     with packages external (no node_modules needed or read; a monorepo's
//     own workspace packages are followed into their sources, see
//     workspace) and an external source map; nothing is written to disk or
//     executed. esbuild lowers the syntax sobek's parser does not read (for
//     await, async generators, using, decorators, class fields: see
//     lowered). A file with a syntax error, or an import that does not
//     resolve, is reported as an input error and stubbed, and the build is
//     retried, so one bad file does not hide the rest.
//   - The output chunks are parsed with sobek's parser. Should it still
//     reject a chunk, the error is mapped through the source map to the
//     original file, which is compiled down to ES2020 and, if that does not
//     help, reported as not analysed and replaced by a stub that requires
//     what it imports; the project is rebuilt, so one file the parser
//     cannot read costs that file only. Then SDK bindings are
//     resolved from the chunks' import statements (named, renamed and
//     namespace imports and esbuild's collision renames), values are followed
//     through variables, function returns and chunk exports, and every
//     finding is mapped back to the original file:line:col through the
//     source map. The client build decides what ships: what tree shaking
//     drops is not reported.
//   - The SDK surface is the project's profile (sdk.Profile). Under a
//     profile where only some keys are privileged (supabase: the
//     service-role key), a key is followed to where it comes from — env
//     reads (process.env, import.meta.env, Deno.env.get, env helpers),
//     literals (a service_role JWT, an sb_secret_ key), object properties,
//     function returns, alternatives (a ?? b, c ? a : b), template and +
//     concatenations ("Bearer " + key) — and, where it cannot be followed,
//     judged by the name it is read from (serviceRoleKey). A helper building
//     a client from its parameter is judged at each call. Key headers
//     (apikey, Authorization) are reported only with a privileged value.
//     The identity rules (DYP201, DYP301) apply only where the profile
//     says the platform knows the caller (ImplicitCaller).
//
// The scanner never runs the project's code and never uses the network.
package jsscan
