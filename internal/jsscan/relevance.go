package jsscan

import (
	"strings"

	"github.com/dypai/dypailint/analyzer/directive"
	"github.com/dypai/dypailint/analyzer/sdk"
	"github.com/dypai/dypailint/internal/jsscan/source"
)

// passesNeeded says which of a project's builds can produce a finding, from
// a search of every source file they may read (its own and its Reach; bytes,
// and a key header's name as a whole token, namesHeader):
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
	n := newNeedles(p.profile())
	found := n.search(files, p.Files, n.search(files, p.Reach, passes{}))
	return found.server, found.client
}

// passes says which builds a search found a reason to run.
type passes struct{ server, client bool }

// needles are what passesNeeded looks for, lower case.
type needles struct {
	prof *sdk.Profile
	// shared make both builds run: the SDK's modules, the directive
	// prefix.
	shared []string
	// headers, the SDK's key headers, make both builds run where a file
	// names one (namesHeader).
	headers []string
	// serverSDKs make the client build run: the modules of server-only
	// SDKs.
	serverSDKs []string
}

func newNeedles(prof *sdk.Profile) *needles {
	n := &needles{prof: prof, headers: prof.KeyHeaders} // lower case already
	for _, m := range prof.JSModules {
		n.shared = append(n.shared, strings.ToLower(m))
	}
	n.shared = append(n.shared, strings.ToLower(directive.JSPrefix))
	for _, srv := range sdk.ServerSDKs {
		for _, m := range srv.Modules {
			n.serverSDKs = append(n.serverSDKs, strings.ToLower(strings.TrimSuffix(m, "*")))
		}
	}
	return n
}

// search adds to found what the files ask for.
func (n *needles) search(files *source.Files, list []string, found passes) passes {
	for _, f := range list {
		if found.server {
			break
		}
		hit, err := files.Mentions(f, n.shared)
		if err == nil && !hit {
			hit, err = n.namesHeader(files, f)
		}
		if err != nil || hit || readsSecretEnv(files, f, n.prof) {
			return passes{true, true} // an unreadable file: let the build report it
		}
		if !found.client {
			found.client, _ = files.Mentions(f, n.serverSDKs)
		}
	}
	return found
}

// namesHeader reports whether file f names one of the SDK's key headers.
// In JS/TS it must be a whole token (Files.MentionsToken): a string, a template
// literal or an identifier, not a word of a comment or of a longer text
// ({"X-API-KEY": "…"} as an input's placeholder made both of chatbot-ui's
// builds run). In a component, whose markup holds code inside attribute
// strings, a mention is enough.
func (n *needles) namesHeader(files *source.Files, f string) (bool, error) {
	if source.IsComponent(f) {
		return files.Mentions(f, n.headers)
	}
	return files.MentionsToken(f, n.headers)
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
