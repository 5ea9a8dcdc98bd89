package checks

import (
	"slices"

	"github.com/dypai/dypailint/analyzer/finding"
)

// ShippedServerModules reports the server-only modules (serverModule) the
// client build reached, as a Vite-built app's build would: an error naming
// the chain from the client entry point. Remix's classic compiler replaces
// them with empty modules, a supported way to share a barrel file between
// loaders and components: nothing to report there.
func (a *Analysis) ShippedServerModules() []error {
	if !a.p.Frameworks.RemixVite && !a.p.Frameworks.Kit {
		return nil
	}
	var files []string
	for f := range a.b.Inputs {
		if a.p.ServerModule(f) {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	var errs []error
	for _, f := range files {
		chain, _ := a.chain(f)
		// At the import in client code when it is known: that is the line
		// to change.
		at, line, col := a.importSite(f)
		subject := "is a .server module but client code imports it"
		if a.p.Frameworks.Kit {
			subject = "is a server-only module ($lib/server or .server) but client code imports it"
		}
		if at != f {
			subject = "client code imports " + a.p.Rel(f) + ", a server-only module"
		}
		msg := subject + " (" + chain + "): the React Router / Remix Vite build fails; use it only from loader, action and other .server modules"
		if a.p.Frameworks.Kit {
			msg = subject + " (" + chain + "): the SvelteKit build fails; use it only from +page.server, +layout.server, +server and hooks.server modules"
		}
		errs = append(errs, &finding.Problem{File: at, Line: line, Col: col, Msg: msg})
	}
	return errs
}

// ShippedKitPrivate reports the client modules importing SvelteKit's
// private env modules or $app/server, whose build fails: kitPrivate maps
// each importer to the first such specifier.
func (a *Analysis) ShippedKitPrivate(kitPrivate map[string]string) []error {
	var files []string
	for f := range kitPrivate {
		if a.b.Inputs[f] && !a.p.ServerModule(f) {
			files = append(files, f)
		}
	}
	slices.Sort(files)
	var errs []error
	for _, f := range files {
		chain, _ := a.chain(f)
		line, col, ok := a.specifierAt(f, kitPrivate[f])
		if !ok {
			line, col = 1, 1
		}
		errs = append(errs, &finding.Problem{File: f, Line: line, Col: col,
			Msg: "imports " + kitPrivate[f] + " but is client code (" + chain + "): the SvelteKit build fails; use it only in +page.server, +layout.server, +server, hooks.server and $lib/server modules"})
	}
	return errs
}

// ShippedServerOnly reports the modules importing server-only (files, put
// in order here) that the client build reached: the Next.js build fails.
func (a *Analysis) ShippedServerOnly(files []string) []error {
	slices.Sort(files)
	var errs []error
	for _, f := range files {
		chain, _ := a.chain(f)
		line, col, ok := a.specifierAt(f, "server-only")
		if !ok {
			line, col = 1, 1
		}
		errs = append(errs, &finding.Problem{File: f, Line: line, Col: col,
			Msg: "imports server-only but client code imports it (" + chain + "): the Next.js build fails; keep it out of client components"})
	}
	return errs
}
