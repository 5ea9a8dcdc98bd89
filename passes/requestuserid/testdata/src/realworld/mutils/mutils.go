// Package mutils is a project's helpers: a printf wrapper that logs when
// verbose, and a JSON response writer (genetic-algorithms/mendel-web-ui).
package mutils

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// IsVerbose turns verbose logging on.
var IsVerbose bool

// Verbose prints a message when verbose.
func Verbose(msg string, args ...interface{}) {
	if IsVerbose {
		fmt.Printf(msg, args...)
	}
}

// WriteJsonResponse writes v as JSON.
func WriteJsonResponse(w http.ResponseWriter, v any) {
	json.NewEncoder(w).Encode(v)
}
