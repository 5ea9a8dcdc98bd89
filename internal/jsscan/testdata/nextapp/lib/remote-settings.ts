// A top-level name that another client module uses too: esbuild renames
// one of them in the bundle (settings → settings2).
export const settings = { region: 'eu' }
