package output

import (
	"encoding/json"
	"io"

	"github.com/dypai/dypailint/analyzer/rules"
)

type jsonReport struct {
	Findings  []jsonFinding `json:"findings"`
	Errors    []string      `json:"errors"`
	Notes     []string      `json:"notes,omitempty"`
	Baselined int           `json:"baselined,omitempty"`
}

type jsonPos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

type jsonRelated struct {
	jsonPos
	Message string `json:"message"`
}

type jsonFinding struct {
	Rule        string        `json:"rule"`
	Name        string        `json:"name"`
	Severity    string        `json:"severity"`
	jsonPos                   // primary location
	Message     string        `json:"message"`
	URL         string        `json:"url"`
	Fingerprint string        `json:"fingerprint"`
	Related     []jsonRelated `json:"related,omitempty"`
}

func writeJSON(w io.Writer, run *Run) error {
	rep := jsonReport{Findings: []jsonFinding{}, Errors: []string{}, Baselined: run.Baselined}
	fps := Fingerprints(run.Root, run.Findings)
	for i, f := range run.Findings {
		r := rules.Must(f.RuleID)
		jf := jsonFinding{
			Rule: r.ID, Name: r.Name, Severity: r.Severity.String(),
			jsonPos: jsonPos{Rel(run.Root, f.Loc.File), f.Loc.Line, f.Loc.Col},
			Message: f.Message, URL: r.URL(), Fingerprint: fps[i],
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{jsonPos{Rel(run.Root, rel.File), rel.Line, rel.Col}, rel.Message})
		}
		rep.Findings = append(rep.Findings, jf)
	}
	for _, e := range run.Errors {
		rep.Errors = append(rep.Errors, e.Error())
	}
	for _, e := range run.Notes {
		rep.Notes = append(rep.Notes, e.Error())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
