// Package e2e holds the end-to-end tests of dypailint's integrations, each
// run the way its users run it: the pre-commit framework refusing a commit,
// and a golangci-lint v2 binary built with the module plugin. They need the
// tools (pre-commit from Debian's packages; golangci-lint's source from the
// Go module proxy) and skip with a message saying which is missing.
package e2e
