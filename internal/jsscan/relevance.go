package jsscan

import (
	"strings"

	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/source"
)

// passesNeeded says which of a project's builds can produce a finding, from
// a byte search of every source file they may read (its own and its Reach):
// a build that cannot is not run — what keeps a monorepo's unrelated
// packages, and the server side of apps that only risk browser leaks,
// cheap.
//
// The server pass reports endpoint calls (DYP201, DYP301, DYP403–DYP405),
// which need the SDK or an API-key header, and secrets read from public env
// vars (DYP102), which need such a name. The client pass reports those, keys
// (DYP101) and server-only SDKs in browser code (DYP105), which need one of
// their modules. A suppression directive makes both run, so that the
// findings it silences are the ones the build would make.
func (p *proj) passesNeeded(files *source.Files) (server, client bool) {
	if !p.ReachKnown && p.Monorepo != nil {
		return true, true // part of what the builds read was not walked
	}
	prof := p.profile()
	var shared []string
	for _, m := range prof.JSModules {
		shared = append(shared, strings.ToLower(m))
	}
	shared = append(shared, prof.KeyHeaders...) // lower case already
	shared = append(shared, strings.ToLower(directive.JSPrefix))
	var serverSDKs []string
	for _, srv := range sdk.ServerSDKs {
		for _, m := range srv.Modules {
			serverSDKs = append(serverSDKs, strings.ToLower(strings.TrimSuffix(m, "*")))
		}
	}
	check := func(f string) {
		if server {
			return
		}
		found, err := files.Mentions(f, shared)
		if err != nil || found || readsSecretEnv(files, f, prof) {
			server, client = true, true // an unreadable file: let the build report it
			return
		}
		if !client {
			client, _ = files.Mentions(f, serverSDKs)
		}
	}
	for _, f := range p.Files {
		check(f)
	}
	for _, f := range p.Reach {
		check(f)
	}
	return server, client
}

// readsSecretEnv reports whether a file names an env var that the project's
// build tool exposes to the browser (prof, the project's profile) and that
// looks secret (DYP102).
func readsSecretEnv(files *source.Files, f string, prof *sdk.Profile) bool {
	names, err := files.EnvNames(f)
	if err != nil {
		return true
	}
	for _, n := range names {
		if prof.IsPublicSecretEnv(n) {
			return true
		}
	}
	return false
}
