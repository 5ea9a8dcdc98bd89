// Package source reads what a JS/TS source file says before it is built:
// its prologue directives ('use client', 'use server'), its comments and the
// dypai-ignore directives among them, how deep its brackets nest, and, for
// Vue and Svelte single-file components, its script blocks at their
// positions in the file. Files caches the files read during a scan.
package source
