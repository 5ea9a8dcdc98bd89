package handlers

import (
	"strings"
)

// isStdlib reports whether an import path is in the standard library. A
// dot-less first element is not enough: modules are often named "myapp"
// or "server" (go mod init myapp).
func isStdlib(path string) bool { return IsStdlib(path) }

// IsStdlib reports whether an import path is in the standard library (a
// dot-less first element that is one of the standard library's).
func IsStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && stdRoots[first]
}

// stdRoots are the first elements of the standard library's import paths.
var stdRoots = map[string]bool{}

func init() {
	for _, r := range strings.Fields(`archive bufio bytes cmp compress container context crypto database debug
		embed encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime
		net os path plugin reflect regexp runtime slices sort strconv strings structs sync syscall testing
		text time unicode unique unsafe weak`) {
		stdRoots[r] = true
	}
}
