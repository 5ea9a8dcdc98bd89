// Package build runs the esbuild builds of one project and parses their
// output. A server build bundles every source file; a client build bundles
// the client entry points only, with 'use server' modules replaced by stubs
// as Next.js does and what the frameworks' compilers keep out of the browser
// removed (package transform). Each is one esbuild build whose virtual entry
// re-exports every entry point as a namespace (so all their exports stay
// alive, and every module is printed once), with packages external, an
// external source map, and nothing written to disk or executed.
//
// A file with a syntax error, an import that does not resolve or leads out
// of the tree, or an output chunk sobek's parser rejects is reported as an
// input error or a note and stubbed (or compiled down), and the build is
// retried, so one bad file costs that file only. Output is an Output of
// parsed Chunks with their source maps and the module graph; OriginAt maps a
// position back to the original file.
package build
