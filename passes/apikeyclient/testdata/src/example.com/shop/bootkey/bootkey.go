// Package bootkey constructs an API-key client when it initialises.
package bootkey

import (
	"os"

	"example.com/dypai"
)

// Admin is built at init.
var Admin = dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY"))
