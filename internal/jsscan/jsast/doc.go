// Package jsast holds small helpers over sobek's JavaScript AST: visiting a
// node's children (sobek has no walker) and reading binding and property
// names.
package jsast
