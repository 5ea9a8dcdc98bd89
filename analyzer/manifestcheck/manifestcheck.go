// Package manifestcheck is what is left of the manifest engine's old home:
// the engine itself is internal/manifestcheck, and the front ends it judges
// are finding.Frontend. These aliases keep internal/golint building until
// its change (made on another branch) imports analyzer/finding; then this
// package goes.
package manifestcheck

import "github.com/dypai/dypailint/analyzer/finding"

// Frontend is finding.Frontend.
//
// Deprecated: use finding.Frontend.
type Frontend = finding.Frontend

// Front end kinds.
//
// Deprecated: use finding.KindJS and finding.KindGo.
const (
	KindJS = finding.KindJS
	KindGo = finding.KindGo
)
