package e2e

// The tests build dypailint, the vet tool and a golangci-lint with the
// plugin from source, which go test's result cache does not see: importing
// what they are made of makes an edit of it run the tests again instead of
// reporting a stale "(cached)".
import (
	_ "github.com/dypai/dypailint/internal/cli"
	_ "github.com/dypai/dypailint/internal/vettool"
	_ "github.com/dypai/dypailint/plugin"
)
