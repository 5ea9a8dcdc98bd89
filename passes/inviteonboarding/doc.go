// Package inviteonboarding defines the Go half of rule DYP407: it finds,
// per package, whether Go browser code handles the set-password auth event
// (PASSWORD_RECOVERY) that an invitation link makes the SDK emit.
//
// The rule judges an app (a dypai.yaml) by all of its front ends, Go and
// JS/TS alike, so this pass reports nothing itself. Its result, for a
// package that runs in a browser, is a finding.Frontend saying where
// its code handles the event (nil when nowhere); the CLI hands those to the
// manifest checks, which report DYP407 at the app: line. A handler counts
// when it is in the browser package or in a package it imports, directly
// or not: a package fact carries "handles PASSWORD_RECOVERY at …" up the
// import graph. A handler is a callback given to the SDK's
// Auth.OnAuthStateChange — a function literal, or a function or method of
// its package — that compares its first parameter with the event, a
// constant of that value, with ==, != or a switch case.
//
// The vet tool and the golangci-lint plugin do not run it: like the other
// dypai.yaml checks, DYP407 is reported by the CLI.
package inviteonboarding
