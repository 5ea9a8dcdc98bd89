// Package baseline records the findings a team has accepted for now, so that
// a linter can be adopted on an existing code base: later runs report and
// fail only on findings that are not in the baseline. Findings are matched by
// fingerprint (rule, file, normalised source line, occurrence), which
// survives unrelated edits that move lines.
package baseline

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/internal/output"
)

// version is the file format's version.
const version = 1

// File is the baseline file's content.
type File struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Entry is one accepted finding. Only Fingerprint is used for matching; the
// rest makes the file reviewable.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Message     string `json:"message"`
}

// Write records fs (found in a run started in root) to path.
func Write(path, root string, fs []finding.Finding) error {
	fps := output.Fingerprints(root, fs)
	f := File{Version: version, Tool: "dypailint", Findings: []Entry{}}
	for i, x := range fs {
		f.Findings = append(f.Findings, Entry{
			Fingerprint: fps[i], Rule: x.RuleID, File: output.Rel(root, x.Loc.File), Line: x.Loc.Line, Message: x.Message,
		})
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}

// Filter drops the findings recorded in the baseline at path and returns the
// rest with the number dropped.
func Filter(path, root string, fs []finding.Finding) ([]finding.Finding, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, fmt.Errorf("baseline: %v", err)
	}
	var f File
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, 0, fmt.Errorf("baseline %s: not a dypailint baseline: %v", path, err)
	}
	if f.Version != version {
		return nil, 0, fmt.Errorf("baseline %s: version %d, want %d (write it again with -write-baseline)", path, f.Version, version)
	}
	known := map[string]bool{}
	for _, e := range f.Findings {
		known[e.Fingerprint] = true
	}
	fps := output.Fingerprints(root, fs)
	var kept []finding.Finding
	dropped := 0
	for i, x := range fs {
		if known[fps[i]] {
			dropped++
			continue
		}
		kept = append(kept, x)
	}
	return kept, dropped, nil
}
