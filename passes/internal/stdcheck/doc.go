// Package stdcheck holds a smoke test that runs the client-model rule
// passes (DYP101, DYP201, DYP301, DYP403, DYP404, DYP405) over the whole
// standard library: they must neither fail nor report anything there.
package stdcheck
