// Package directives defines the pass behind rule DYP001: it reports
// //dypai:ignore directives that give no reason or name an unknown rule, and
// well-formed directives that suppressed no finding of the passes it runs
// after (a stale suppression hides the next real problem on its line).
package directives
