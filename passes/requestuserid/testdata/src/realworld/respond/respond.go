// Package respond writes responses.
package respond

import (
	"encoding/json"
	"net/http"
)

// Send writes v as JSON.
func Send(w http.ResponseWriter, v any) { json.NewEncoder(w).Encode(v) }
