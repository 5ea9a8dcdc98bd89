package goload

import (
	"fmt"
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
	res, err := Load(Request{Dir: dir, Patterns: []string{"./..."}, Env: []string{"GOWORK=off", "GOFLAGS=-trimpath"}, Tests: true, Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.NotLoaded != nil {
		t.Fatal(res.NotLoaded)
	}
	for _, err := range res.Errors {
		t.Error(err)
	}
	// Each package, its test variant, its external test and the test main.
	if len(res.Roots) != 4*n {
		var ids []string
		for _, p := range res.Roots {
			ids = append(ids, p.ID)
		}
		t.Fatalf("roots = %q, want %d", ids, 4*n)
	}
}
