package main_test

// The tests run a binary that TestMain builds with go build, which go
// test's result cache does not see: importing what the binary is made of
// makes an edit of it run the tests again instead of reporting a stale
// "(cached)".
import _ "github.com/dypai/dypailint/internal/cli"
