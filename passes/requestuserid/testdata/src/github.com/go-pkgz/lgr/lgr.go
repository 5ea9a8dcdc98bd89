// Package lgr is a minimal stand-in for github.com/go-pkgz/lgr, a logger
// (remark42 imports it as log). It is test data: no behaviour.
package lgr

// Printf logs a formatted message.
func Printf(format string, args ...any) {}

// L is a logger interface.
type L interface {
	Logf(format string, args ...any)
}
