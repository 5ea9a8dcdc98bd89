// Package checks holds the JS/TS scanner's rules and runs them over the
// chunks of one esbuild build (Analysis): for each chunk, in import order, an
// eval.Walker follows the values and calls the chunk's checker at each site
// a rule judges (checks.go maps the eval.Checks sites to the checks). One
// file per rule family:
//
//   - keys.go: DYP101 (an API-key client, or a request with the key header,
//     in client code) and DYP102 (a secret read from a public env var);
//     configexpose.go: DYP102 in build configs (next.config env, Nuxt's
//     runtimeConfig.public, Vite's define);
//   - secretsdk.go: DYP105 (a server-only SDK client given its secret key in
//     browser code);
//   - endpoints.go: endpoint calls, DYP201 (a user call sends the caller's
//     id), DYP301 (an API-key call for a user's action), DYP403 (sign-up in
//     an invite-only app), DYP404 (unknown endpoint) and DYP405 (api_key
//     endpoint called by a user client or browser code), with session.go
//     (who the caller is: a signed-in user's session read in the function);
//   - recovery.go: where client code handles the set-password auth event
//     (DYP407, judged per app by the manifest checks);
//   - shipped.go: server-only modules that client code imports (input
//     errors: the framework's build fails);
//   - fixes.go: the suggested fixes; chains.go: the import chain from a
//     client entry point that a message shows.
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
package checks
