package goload

import (
	"errors"
	"fmt"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dypai/dypailint/internal/testtree"
)

// TestTestVariants loads packages whose external tests use a helper only
// their in-package tests declare: an external test must be checked against
// the test variant ("p [p.test]"), not against p, which shares its path.
// A loader that told the two apart by path failed when p's check happened
// to finish last, about one run in six with these six packages: a race no
// test can force, so this one guards the behaviour, not every schedule.
func TestTestVariants(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"go.mod": "module example.com/m\n\ngo 1.22\n"}
	const n = 6 // packages, each a chance for the race to show
	for i := range n {
		p := fmt.Sprintf("p%d", i)
		files[p+"/p.go"] = "package " + p + "\n\nfunc Name() string { return \"p\" }\n"
		files[p+"/helper_test.go"] = "package " + p + "\n\nfunc Helper() string { return Name() }\n"
		files[p+"/p_test.go"] = "package " + p + "_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/" + p + "\"\n)\n\nfunc TestName(t *testing.T) { _ = " + p + ".Helper() }\n"
	}
	testtree.Write(t, dir, files)
	// -trimpath: the build cache keeps the fixtures' compiles across temp dirs.
	res := load(t, Request{Dir: dir, Patterns: []string{"./..."}, Env: []string{"GOWORK=off", "GOFLAGS=-trimpath"}, Tests: true, Offline: true})
	// Each package, its test variant, its external test and the test main.
	if len(res.Roots) != 4*n {
		t.Fatalf("roots = %q, want %d", rootIDs(res), 4*n)
	}
}

// TestSourceNotCompiled: the go command compiles only what export data is
// read from, never the packages checked from source. A go list that asked
// for every package's export data compiled the whole module on a fresh
// checkout: golangci-lint's 183 packages took 17.7 s to lint, 2.5 s now.
func TestSourceNotCompiled(t *testing.T) {
	dir := t.TempDir()
	tool, log := compileLog(t)
	testtree.Write(t, dir, map[string]string{
		"go.mod": "module example.com/fresh\n\ngo 1.22\n",
		"a/a.go": "package a\n\nimport \"strings\"\n\nfunc Up(s string) string { return strings.ToUpper(s) }\n",
		"b/b.go": "package b\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/fresh/a\"\n)\n\nfunc Show() string { return fmt.Sprint(a.Up(\"b\")) }\n",
	})
	res := load(t, Request{Dir: dir, Patterns: []string{"./..."}, Env: []string{"GOWORK=off", "GOFLAGS=-toolexec=" + tool}, Offline: true})
	if len(res.Roots) != 2 {
		t.Fatalf("%d roots, want 2", len(res.Roots))
	}
	data, _ := os.ReadFile(log)
	if !strings.Contains(string(data), "-V=full") {
		t.Fatalf("the tool log shows no run of the go command's tools:\n%s", data)
	}
	if strings.Contains(string(data), "-p example.com/fresh/") {
		t.Errorf("the go command compiled a package checked from source:\n%s", data)
	}
}

// TestBlankImportNotCompiled: a dependency every importing file imports
// blank ("_", a database driver) is never compiled: the type checker needs
// no more than its name. One that another file also imports by name is read
// from export data as before.
func TestBlankImportNotCompiled(t *testing.T) {
	dir := t.TempDir()
	tool, log := compileLog(t)
	testtree.Write(t, dir, map[string]string{
		"go.mod":                   "module example.com/app\n\ngo 1.22\n\nrequire example.com/drivers v0.0.0\n\nreplace example.com/drivers => ./drivers\n",
		"drivers/go.mod":           "module example.com/drivers\n\ngo 1.22\n",
		"drivers/sqlish/sqlish.go": "package sqlish\n\nimport \"example.com/drivers/shim\"\n\nfunc init() { shim.Register() }\n",
		"drivers/shim/shim.go":     "package shim\n\nfunc Register() {}\n",
		"drivers/named/named.go":   "package named\n\nfunc Open() int { return 1 }\n",
		"db/db.go":                 "package db\n\nimport (\n\t_ \"example.com/drivers/named\"\n\t_ \"example.com/drivers/sqlish\"\n)\n",
		"db/open.go":               "package db\n\nimport \"example.com/drivers/named\"\n\nfunc Open() int { return named.Open() }\n",
	})
	res := load(t, Request{Dir: dir, Patterns: []string{"./..."}, Env: []string{"GOWORK=off", "GOFLAGS=-mod=mod -toolexec=" + tool}, Offline: true})
	if len(res.Roots) != 1 || res.Roots[0].Types.Scope().Lookup("Open") == nil {
		t.Fatalf("roots = %q, want example.com/app/db, type-checked", rootIDs(res))
	}
	data, _ := os.ReadFile(log)
	if !strings.Contains(string(data), "-p example.com/drivers/named ") {
		t.Errorf("the package imported by name was not compiled for its export data:\n%s", data)
	}
	if strings.Contains(string(data), "-p example.com/drivers/sqlish ") || strings.Contains(string(data), "-p example.com/drivers/shim ") {
		t.Errorf("the go command compiled a package imported blank only, or what it imports:\n%s", data)
	}
	// The stand-in's imports are the listing's: an analysis walking
	// imports sees through the blank import.
	var through []string
	for _, imp := range res.Roots[0].Types.Imports() {
		if imp.Path() == "example.com/drivers/sqlish" {
			for _, q := range imp.Imports() {
				through = append(through, q.Path())
			}
		}
	}
	if !slices.Equal(through, []string{"example.com/drivers/shim"}) {
		t.Errorf("the stand-in for the blank import imports %q, want example.com/drivers/shim", through)
	}
}

// compileLog returns a -toolexec program that logs each tool run of the go
// command, and the log's path.
func compileLog(t *testing.T) (tool, log string) {
	t.Helper()
	log = filepath.Join(t.TempDir(), "compiles")
	tool = filepath.Join(t.TempDir(), "toolexec")
	testtree.Write(t, filepath.Dir(tool), map[string]string{filepath.Base(tool): "#!/bin/sh\necho \"$*\" >> " + log + "\nexec \"$@\"\n"})
	if err := os.Chmod(tool, 0o755); err != nil {
		t.Fatal(err)
	}
	return tool, log
}

// TestExportOfTestVariant: a package that only the test variant of a root
// imports (q [p.test], recompiled against p's test files) cannot be listed
// by its path; its export data comes from listing the patterns again.
func TestExportOfTestVariant(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":       "module example.com/v\n\ngo 1.22\n",
		"p/p.go":       "package p\n\nfunc Name() string { return \"p\" }\n",
		"p/in_test.go": "package p\n\nfunc helper() string { return Name() }\n",
		"p/p_test.go":  "package p_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/v/q\"\n)\n\nfunc TestQ(t *testing.T) { _ = q.Name() }\n",
		"q/q.go":       "package q\n\nimport \"example.com/v/p\"\n\nfunc Name() string { return p.Name() }\n",
	})
	// Only the roots (./p and its tests) are checked from source: q is read
	// from export data, and for p_test it is the variant q [p.test].
	res := load(t, Request{Dir: dir, Patterns: []string{"./p"}, Env: []string{"GOWORK=off", "GOFLAGS=-trimpath"}, Tests: true, Offline: true})
	if ids := rootIDs(res); len(ids) != 4 {
		t.Fatalf("roots = %q, want p, p [p.test], p_test [p.test] and p.test", ids)
	}
}

// TestSplitListing: the listing that asks the go command for neither
// compiled files nor export data still gives every source package its
// files, cgo's output for a package that uses cgo, and the type sizes of
// the GOARCH it builds for; as the single listing does.
func TestSplitListing(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod": "module example.com/split\n\ngo 1.22\n",
		"a/a.go": "package a\n\nimport \"strings\"\n\nfunc Up(s string) string { return strings.ToUpper(s) }\n",
		"c/c.go": "package c\n\n/*\nstatic int twice(int x) { return 2 * x; }\n*/\nimport \"C\"\n\nfunc Twice(x int) int { return int(C.twice(C.int(x))) }\n",
	})
	cgo := exec.Command("go", "env", "CGO_ENABLED")
	cgo.Dir = dir
	if out, err := cgo.Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is not enabled here (no C compiler?): install gcc")
	}
	decl := map[string]string{"example.com/split/a": "Up", "example.com/split/c": "Twice"}
	for _, exportAll := range []bool{false, true} {
		res := load(t, Request{Dir: dir, Patterns: []string{"./..."}, Env: []string{"GOWORK=off", "GOFLAGS=-trimpath"}, Offline: true, ExportAll: exportAll})
		if len(res.Roots) != len(decl) {
			t.Fatalf("ExportAll %v: %d roots, want %d", exportAll, len(res.Roots), len(decl))
		}
		for _, p := range res.Roots {
			if len(p.Syntax) == 0 || p.Types.Scope().Lookup(decl[p.PkgPath]) == nil {
				t.Errorf("ExportAll %v: %s has %d files and no %s", exportAll, p.PkgPath, len(p.Syntax), decl[p.PkgPath])
			}
		}
	}
	// Sizes follow GOARCH: int is 4 bytes on 386.
	res := load(t, Request{Dir: dir, Patterns: []string{"./a"}, Env: []string{"GOWORK=off", "GOARCH=386", "CGO_ENABLED=0"}, Offline: true})
	if len(res.Roots) != 1 {
		t.Fatalf("GOARCH=386: %d roots, want 1", len(res.Roots))
	}
	if n := res.Roots[0].TypesSizes.Sizeof(types.Typ[types.Int]); n != 4 {
		t.Errorf("GOARCH=386: int has size %d, want 4", n)
	}
}

// load runs Load and fails the test on any error it reports.
func load(t *testing.T, req Request) *Result {
	t.Helper()
	res, err := Load(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.NotLoaded != nil {
		t.Fatal(res.NotLoaded)
	}
	for _, err := range res.Errors {
		t.Error(err)
	}
	return res
}

// rootIDs returns the IDs of the roots, for a failure's message.
func rootIDs(res *Result) []string {
	var ids []string
	for _, p := range res.Roots {
		ids = append(ids, p.ID)
	}
	return ids
}

// TestTypeErrorsOneEach: a package that does not type-check is reported
// by its type errors, each its own error with its position, with one
// listing or two: not as one text with newlines, and not as the
// compiler's output, which a listing with export data also gives. What
// only the compiler refuses (q) stops neither listing's analysis.
func TestTypeErrorsOneEach(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":     "module example.com/broken\n\ngo 1.22\n",
		"p/p.go":     "package p\n\nimport \"time\"\n\nfunc F() { undefinedThing() }\n",
		"p/twice.go": "package p\n\nfunc F() {}\n",
		"q/q.go":     "package q\n\n//go:linkname f runtime.nanotime\nfunc f() int64\n\nfunc G() int64 { return f() }\n",
	})
	for _, exportAll := range []bool{false, true} {
		res, err := Load(Request{Dir: dir, Patterns: []string{"./..."}, Env: []string{"GOWORK=off"}, Offline: true, ExportAll: exportAll})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) != 1 {
			t.Fatalf("ExportAll %v: errors %q, want one for p", exportAll, res.Errors)
		}
		if len(res.Roots) != 1 || res.Roots[0].PkgPath != "example.com/broken/q" {
			t.Errorf("ExportAll %v: roots %q, want example.com/broken/q", exportAll, rootIDs(res))
		}
		joined, ok := res.Errors[0].(interface{ Unwrap() []error })
		if !ok {
			t.Fatalf("ExportAll %v: %q is not the type errors joined", exportAll, res.Errors[0])
		}
		var got []string
		for _, e := range joined.Unwrap() {
			var te types.Error
			if !errors.As(e, &te) {
				t.Errorf("ExportAll %v: %q is not a type error", exportAll, e)
				continue
			}
			p := te.Fset.Position(te.Pos)
			got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, te.Msg))
		}
		// The redeclaration's continuation ("\tother declaration of F")
		// is a line of its own, not indented.
		want := []string{"twice.go:3: F redeclared in this block", "p.go:5: other declaration of F", "p.go:5: undefined: undefinedThing", `p.go:3: "time" imported and not used`}
		if !slices.Equal(got, want) {
			t.Errorf("ExportAll %v: errors %q, want %q", exportAll, got, want)
		}
	}
}
