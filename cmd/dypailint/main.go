// Command dypailint finds DYPAI auth-flow mistakes: API keys in browser
// code, secrets in public env vars and bundles, hand-sent user ids, API-key
// calls for user actions and unsafe endpoint configuration.
//
// It is one binary with two modes. Run directly, it is the CLI:
//
//	dypailint [flags] ./...
//
// Run by the go command as a vet tool, it speaks the unitchecker protocol:
//
//	go vet -vettool=$(command -v dypailint) ./...
package main

import (
	"os"

	"github.com/dypai/dypailint/internal/cli"
	"github.com/dypai/dypailint/internal/vettool"
)

func main() {
	args := os.Args[1:]
	if vettool.Invoked(args) {
		vettool.Main()
		return
	}
	os.Exit(cli.Run(args, os.Stdout, os.Stderr))
}
