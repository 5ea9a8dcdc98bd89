package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dypai/dypailint/analyzer/finding"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sampleRun is a run over testdata/src with findings of three kinds.
func sampleRun(t *testing.T) *Run {
	root, err := filepath.Abs("testdata/src")
	if err != nil {
		t.Fatal(err)
	}
	ts := filepath.Join(root, "web", "lib", "admin.ts")
	goFile := filepath.Join(root, "main.go.txt")
	return &Run{
		Root:    root,
		Version: "test",
		Findings: finding.Sort([]finding.Finding{
			{RuleID: "DYP201", Loc: finding.Location{File: goFile, Line: 5, Col: 2}, Message: "user call to create_order sends user_id"},
			{RuleID: "DYP101", Loc: finding.Location{File: ts, Line: 2, Col: 22}, Message: "API-key client constructed in browser code",
				Related: []finding.Related{{Location: finding.Location{File: filepath.Join(root, "web", "app", "page.tsx"), Line: 1, Col: 1}, Message: "client entry point ('use client')"}}},
			{RuleID: "DYP101", Loc: finding.Location{File: goFile, Line: 4, Col: 11}, Message: "API-key client in wasm code"},
			{RuleID: "DYP401", Loc: finding.Location{File: "/elsewhere/dypai.yaml", Line: 3, Col: 3}, Message: "endpoint health has no auth_mode"},
		}),
		Errors: []error{errors.New("web/broken.ts:1:7: syntax error")},
	}
}

func golden(t *testing.T, name string, got []byte, root string) {
	t.Helper()
	got = bytes.ReplaceAll(got, []byte(dirURI(root)), []byte("file://$ROOT/")) // escaped in URIs
	got = bytes.ReplaceAll(got, []byte(root), []byte("$ROOT"))
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", name, got)
	}
}

func TestFormatsGolden(t *testing.T) {
	run := sampleRun(t)
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, run); err != nil {
			t.Fatal(err)
		}
		golden(t, "golden."+format, buf.Bytes(), run.Root)
	}
	if err := Write(&bytes.Buffer{}, "xml", run); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestTextFormat(t *testing.T) {
	var buf bytes.Buffer
	Write(&buf, "text", sampleRun(t))
	lines := strings.Split(buf.String(), "\n")
	if lines[1] != "main.go.txt:4:11: API-key client in wasm code (DYP101)" {
		t.Errorf("relative path line = %q", lines[1])
	}
	if lines[0] != "/elsewhere/dypai.yaml:3:3: endpoint health has no auth_mode (DYP401)" {
		t.Errorf("path outside the root = %q", lines[0])
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	schemaPath, _ := filepath.Abs("../../testdata/sarif/sarif-2.1.0.json")
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []*Run{sampleRun(t), {Root: t.TempDir()}} {
		var buf bytes.Buffer
		if err := Write(&buf, "sarif", run); err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("SARIF does not validate: %v", err)
		}
	}
}

func TestSARIFContents(t *testing.T) {
	var buf bytes.Buffer
	run := sampleRun(t)
	Write(&buf, "sarif", run)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID, HelpURI          string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int }
					}
				}
				PartialFingerprints map[string]string
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0]
	if got := r.OriginalURIBaseIDs["SRCROOT"].URI; got != dirURI(run.Root) || !strings.HasSuffix(got, filepath.ToSlash(filepath.Base(run.Root))+"/") {
		t.Errorf("SRCROOT = %q", got)
	}
	res := r.Results[3]
	loc := res.Locations[0].PhysicalLocation
	if res.RuleID != "DYP101" || res.Level != "error" || loc.ArtifactLocation.URI != "web/lib/admin.ts" || loc.ArtifactLocation.URIBaseID != "SRCROOT" || loc.Region.StartLine != 2 || loc.Region.StartColumn != 22 {
		t.Errorf("result = %+v", res)
	}
	if r.Tool.Driver.Rules[res.RuleIndex].ID != "DYP101" || r.Tool.Driver.Rules[res.RuleIndex].HelpURI == "" {
		t.Error("ruleIndex does not point at the rule")
	}
	if res.PartialFingerprints["dypailint/v1"] == "" {
		t.Error("no partial fingerprint")
	}
	outside := r.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if outside.URI != "file:///elsewhere/dypai.yaml" || outside.URIBaseID != "" {
		t.Errorf("file outside SRCROOT = %+v", outside)
	}
}

func TestFingerprintsSurviveLineShifts(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.go")
	os.WriteFile(a, []byte("package a\n\nvar k = dypai.CreateClient(u, key)\nvar k2 = dypai.CreateClient(u, key)\n"), 0o644)
	before := Fingerprints(dir, []finding.Finding{
		{RuleID: "DYP101", Loc: finding.Location{File: a, Line: 3}},
		{RuleID: "DYP101", Loc: finding.Location{File: a, Line: 4}},
	})
	os.WriteFile(a, []byte("package a\n\n// a new comment\n\nvar k = dypai.CreateClient(u, key)\nvar k2 = dypai.CreateClient(u, key)\n"), 0o644)
	after := Fingerprints(dir, []finding.Finding{
		{RuleID: "DYP101", Loc: finding.Location{File: a, Line: 5}},
		{RuleID: "DYP101", Loc: finding.Location{File: a, Line: 6}},
	})
	if before[0] != after[0] || before[1] != after[1] {
		t.Error("fingerprints changed when lines moved")
	}
	if before[0] == before[1] {
		t.Error("different lines share a fingerprint")
	}
}

// SARIF columns count UTF-16 code units (columnKind), findings bytes.
func TestSARIFColumnsUTF16(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.ts")
	// "é" is 2 bytes, 1 unit; "😀" is 4 bytes, 2 units: byte column 14 is unit column 11.
	if err := os.WriteFile(f, []byte("const s = 'é😀'; createClient(u, k)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	col := strings.Index("const s = 'é😀'; createClient(u, k)", "createClient") + 1
	var buf bytes.Buffer
	run := &Run{Root: dir, Findings: []finding.Finding{{RuleID: "DYP101", Loc: finding.Location{File: f, Line: 1, Col: col}, Message: "m"}}}
	if err := Write(&buf, "sarif", run); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			ColumnKind string
			Results    []struct {
				Locations []struct {
					PhysicalLocation struct{ Region struct{ StartColumn int } }
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0]
	if got := r.Results[0].Locations[0].PhysicalLocation.Region.StartColumn; r.ColumnKind != "utf16CodeUnits" || got != col-3 {
		t.Errorf("columnKind %q, column %d, want utf16CodeUnits and %d (byte column %d)", r.ColumnKind, got, col-3, col)
	}
}

// FuzzEscape: escaped text has no byte a terminal acts on.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"a\x1b[2Jevil.js", "line\rforged", "x\u202ey", "ok: \"quoted\" é", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Escape(s)
		if !utf8.ValidString(out) {
			t.Fatalf("Escape(%q) = %q: invalid UTF-8", s, out)
		}
		for _, r := range out {
			if unsafeRune(r) {
				t.Fatalf("Escape(%q) = %q keeps %U", s, out, r)
			}
		}
		if !needsEscape(s) && out != s {
			t.Fatalf("Escape changed safe text %q to %q", s, out)
		}
	})
}
