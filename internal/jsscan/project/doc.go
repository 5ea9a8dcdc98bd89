// Package project finds the JS/TS projects under the scanned directories and
// what each one ships to the browser: a directory with a package.json (or a
// dypai.yaml naming js.client_entries) is a Project, whose Files are its
// sources (node_modules, .git, vendor and build output skipped, ignore globs
// applied) and whose Entries are its client entry points — 'use client'
// modules, Next.js pages, index.html module scripts and SPA entries, Expo /
// React Native modules, React Router (Remix) and TanStack Start routes,
// Nuxt's pages, components and composables, SvelteKit route modules, or
// dypai.yaml's js.client_entries, which override detection (frameworks.go).
//
// It also reads what the build needs to resolve imports as the project's own
// tooling would, without node_modules: the monorepo's workspace packages,
// followed into their sources (workspace.go), tsconfig paths (tsconfig.go)
// and Vite aliases (vite.go). Nothing outside the scanned tree is read.
package project
