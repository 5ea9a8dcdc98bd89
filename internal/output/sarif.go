package output

import (
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/dypai/dypailint/analyzer/finding"
	"github.com/dypai/dypailint/analyzer/rules"
	"github.com/dypai/dypailint/internal/textfile"
)

// A small typed model of the SARIF 2.1.0 subset dypailint writes; the test
// suite validates the output against the official schema.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	srcRoot      = "SRCROOT"
	toolInfoURI  = "https://github.com/dypai/dypailint"
	fingerprintK = "dypailint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
	ColumnKind         string                      `json:"columnKind"`
	Invocations        []sarifInvocation           `json:"invocations,omitempty"`
	Properties         map[string]any              `json:"properties,omitempty"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           map[string]any  `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

func writeSARIF(w io.Writer, run *Run) error {
	driver := sarifDriver{Name: "dypailint", InformationURI: toolInfoURI, Version: run.Version}
	index := map[string]int{}
	for i, r := range rules.All() {
		index[r.ID] = i
		desc := strings.Join(strings.Fields(r.Doc), " ")
		driver.Rules = append(driver.Rules, sarifRule{
			ID: r.ID, Name: r.Name,
			ShortDescription:     sarifText{r.Title},
			FullDescription:      sarifText{desc},
			Help:                 sarifText{r.Explain()},
			HelpURI:              r.URL(),
			DefaultConfiguration: sarifRuleConfig{Level: r.Severity.String()},
			Properties:           map[string]any{"tags": []string{"security"}},
		})
	}
	// Findings carry byte columns (as go vet does); SARIF consumers count
	// UTF-16 code units, so columns are converted from the files' lines.
	out := sarifRun{Tool: sarifTool{Driver: driver}, Results: []sarifResult{}, ColumnKind: "utf16CodeUnits"}
	cols := &columns{lines: map[string][]string{}}
	if run.Root != "" {
		out.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: dirURI(run.Root)}}
	}
	fps := Fingerprints(run.Root, run.Findings)
	for i, f := range run.Findings {
		r := rules.Must(f.RuleID)
		res := sarifResult{
			RuleID: r.ID, RuleIndex: index[r.ID], Level: r.Severity.String(),
			Message:             sarifText{f.Message},
			Locations:           []sarifLocation{{PhysicalLocation: physical(run.Root, f.Loc, cols)}},
			PartialFingerprints: map[string]string{fingerprintK: fps[i]},
		}
		for j, rel := range f.Related {
			id := j + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: physical(run.Root, rel.Location, cols), Message: &sarifText{rel.Message},
			})
		}
		out.Results = append(out.Results, res)
	}
	inv := sarifInvocation{ExecutionSuccessful: len(run.Errors) == 0}
	for _, e := range run.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifText{e.Error()}})
	}
	for _, e := range run.Notes {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "note", Message: sarifText{e.Error()}})
	}
	out.Invocations = []sarifInvocation{inv}
	if run.Baselined > 0 {
		out.Properties = map[string]any{"baselined": run.Baselined}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{out}})
}

func physical(root string, loc finding.Location, cols *columns) sarifPhysical {
	p := sarifPhysical{Region: &sarifRegion{StartLine: max(loc.Line, 1), StartColumn: cols.utf16(loc.File, loc.Line, loc.Col)}}
	rel := Rel(root, loc.File)
	if filepath.IsAbs(filepath.FromSlash(rel)) {
		p.ArtifactLocation = sarifArtifactLoc{URI: fileURI(loc.File)}
	} else {
		p.ArtifactLocation = sarifArtifactLoc{URI: escapePath(rel), URIBaseID: srcRoot}
	}
	return p
}

func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// dirURI is SRCROOT's URI: a file URI that ends in a slash, as SARIF requires.
func dirURI(dir string) string {
	u := fileURI(dir)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// columns converts byte columns to UTF-16 code units, reading each file's
// lines once. A file that cannot be read (a source map's original that is
// not on disk) keeps its byte columns, which agree for ASCII lines.
type columns struct {
	lines map[string][]string
}

func (c *columns) utf16(file string, line, col int) int {
	if col <= 1 || line < 1 {
		return col
	}
	ls, ok := c.lines[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			ls = strings.Split(string(data), "\n")
		}
		c.lines[file] = ls
	}
	if line > len(ls) || col-1 > len(ls[line-1]) {
		return col
	}
	return textfile.UTF16Len(ls[line-1][:col-1]) + 1
}
