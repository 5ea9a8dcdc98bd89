// Package eval follows values through the chunks of a JS/TS build, the
// evaluation half of the JS/TS scanner (its rules are in package checks).
//
// A Walker walks one parsed chunk (sobek's AST of esbuild's output) twice:
// the first pass computes what each binding holds, so that a function
// walked before the declaration it uses still sees it; the second is the
// one whose findings count. It knows:
//
//   - the SDK's bindings (value.go, eval.go, sdkbind.go): imports of the
//     profile's SDK module (named, renamed and namespace imports and
//     esbuild's collision renames), of a server-only SDK (sdk.ServerSDKs)
//     and of SvelteKit's env modules; chunk exports, shared in import
//     order by the walkers of one build;
//   - values (evalexpr.go): variables, function returns, parameters, class
//     fields (this.admin), object literals, env reads (process.env,
//     import.meta.env, Deno.env.get, env helpers), strings and templates,
//     and the alternatives of a || b, a ?? b and c ? a : b;
//   - keys (keyvalue.go): whether a value can be a key and how privileged
//     it is under the profile (KeyPrivilege).
//
// At each site a rule judges, the Walker calls its Checks with the values
// it has: the checks decide what a client construction gives and report
// what they find. This package reports nothing itself.
package eval
