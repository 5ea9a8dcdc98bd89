// Package useridtest has a handler only in its tests: test files are not
// checked.
package useridtest
