package boot // want package:"constructs an API-key client at init: boot.init → dypai.CreateClient"

// boot constructs an API-key client when it initialises.

import (
	"os"

	"example.com/dypai"
)

var admin = dypai.CreateClient(os.Getenv("DYPAI_URL"), os.Getenv("DYPAI_API_KEY")) // want admin:"holds an API-key client"

// handler is stored, not called, at init: it does not count for init, but
// the variable holding it is a function value.
var handler = func() *dypai.Client { return dypai.CreateClient("u", "k") }

func Get() *dypai.Client { return admin } // want Get:"returns an API-key client"
