// Package gostd tells the standard library's import paths from the rest:
// the one test golint, the handler finder and the client model share.
// A dot-less first element is not enough on its own, since modules are
// often named "myapp" or "server" (go mod init myapp); the first element
// must also be one of the standard library's.
package gostd

import "strings"

// IsStdlib reports whether an import path is in the standard library.
func IsStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return roots[first]
}

// roots are the first elements of the standard library's import paths
// (vendor: the packages it vendors, vendor/golang.org/x/net/idna; arena and
// simd: packages behind a GOEXPERIMENT).
var roots = map[string]bool{}

func init() {
	for _, r := range strings.Fields(`archive arena bufio builtin bytes cmp compress container context crypto database debug embed
		encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime net os
		path plugin reflect regexp runtime simd slices sort strconv strings structs sync syscall testing
		text time unicode unique unsafe vendor weak`) {
		roots[r] = true
	}
}
