// Package rules is dypailint's rule catalogue: the one place that says which
// rules exist, what they are called, how severe they are and how they are
// documented. Go passes, the JS scanner, the manifest checks and every output
// format read their IDs, names and texts from here.
package rules

import (
	"fmt"
	"strings"
)

// Severity is how serious a finding is. Its string form is the SARIF level.
type Severity int

const (
	Warning Severity = iota
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// DocsBase is where the rule table of the README lives; each rule has an
// anchor there named after its lower-case ID.
const DocsBase = "https://github.com/dypai/dypailint#"

// Rule describes one check.
type Rule struct {
	ID       string   // stable identifier, e.g. DYP101
	Name     string   // analyzer name: a Go identifier
	Severity Severity // default severity
	Title    string   // one line, lower-case, no trailing period
	Doc      string   // what it finds and why it matters
	Bad      string   // an example that is reported
	Good     string   // the fix
	Planned  bool     // catalogued but not implemented yet
	// NeedsManifest is set for rules that are silent without dypai.yaml.
	NeedsManifest bool
	// Engines are the engines that check the rule. DYP001 has none: every
	// engine's suppression step reports it, about its own directives.
	Engines Engine
}

// Engine is a set of dypailint's engines.
type Engine uint8

// The engines.
const (
	Go       Engine = 1 << iota // the Go passes (passes)
	JS                          // the JS/TS scanner (internal/jsscan)
	Bundle                      // the bundle and .env scanner (internal/bundlescan)
	Manifest                    // the dypai.yaml checks (internal/manifestcheck)
)

// CheckedBy returns the IDs of the rules engine e checks, in ID order.
func CheckedBy(e Engine) []string {
	var ids []string
	for _, r := range catalogue {
		if r.Engines&e != 0 {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// URL is the link to the rule's documentation.
func (r *Rule) URL() string { return DocsBase + strings.ToLower(r.ID) }

// Explain renders the rule's documentation for `dypailint -explain`.
func (r *Rule) Explain() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %s): %s\n\n%s\n", r.ID, r.Name, r.Severity, r.Title, strings.TrimSpace(r.Doc))
	if r.NeedsManifest {
		b.WriteString("\nThis rule needs dypai.yaml; without it the rule is silent.\n")
	}
	if r.Planned {
		b.WriteString("\nPlanned: this rule is catalogued but not checked yet.\n")
	}
	if r.Bad != "" {
		fmt.Fprintf(&b, "\nReported:\n\n%s\n", indent(r.Bad))
	}
	if r.Good != "" {
		fmt.Fprintf(&b, "\nInstead:\n\n%s\n", indent(r.Good))
	}
	fmt.Fprintf(&b, "\nMore: %s\n", r.URL())
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}

// All returns every catalogued rule in ID order.
func All() []*Rule { return catalogue }

// ByID finds a rule by its ID (case-insensitive) or its analyzer name.
func ByID(idOrName string) *Rule {
	for _, r := range catalogue {
		if strings.EqualFold(r.ID, idOrName) || r.Name == idOrName {
			return r
		}
	}
	return nil
}

// Must is ByID for IDs known at compile time.
func Must(id string) *Rule {
	r := ByID(id)
	if r == nil {
		panic("rules: unknown rule " + id)
	}
	return r
}

// IsRuleID reports whether s has the shape of a rule ID (DYP and three digits).
func IsRuleID(s string) bool {
	if len(s) != 6 || !strings.HasPrefix(s, "DYP") {
		return false
	}
	for _, c := range s[3:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
