// Package transform rewrites one source file before it is bundled, as the
// project's own compiler would: StripServerCode removes what frameworks keep
// out of the browser (Next.js's getServerSideProps and friends, React Router
// / Remix loaders and actions, TanStack Start server functions, and what only
// they use), keeping every remaining position where it was; Compile lowers a
// file to older syntax the parser reads; LoadComponent loads a Vue or Svelte
// component's script blocks; ReadUTF16 converts a UTF-16 source. Each
// result carries a source map back to the original file.
package transform
