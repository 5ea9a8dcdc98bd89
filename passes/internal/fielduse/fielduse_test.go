package fielduse_test

import (
	"testing"

	"github.com/dypai/dypailint/passes/internal/fielduse"
	"github.com/dypai/dypailint/passes/internal/passtest"
)

func TestFacts(t *testing.T) {
	passtest.RunDir(t, "testdata", fielduse.Analyzer, "svc/...")
}

func TestReads(t *testing.T) {
	f := &fielduse.Fact{Params: []fielduse.Param{
		{},
		{Struct: true, Fields: []string{"ID", "Name"}},
		{Struct: true, Whole: true},
		{Struct: true},
	}}
	for _, c := range []struct {
		i     int
		names []string
		want  bool
	}{
		{0, []string{"UserID"}, true},  // not a struct: unknown
		{1, []string{"UserID"}, false}, // reads other fields only
		{1, []string{"Name"}, true},
		{2, []string{"UserID"}, true}, // handed on whole
		{3, []string{"UserID"}, true}, // does nothing with it: a stub
		{4, []string{"UserID"}, true}, // out of range
	} {
		if got := f.Reads(c.i, c.names); got != c.want {
			t.Errorf("Reads(%d, %v) = %v, want %v", c.i, c.names, got, c.want)
		}
	}
	var none *fielduse.Fact
	if !none.Reads(0, []string{"UserID"}) {
		t.Error("a nil fact must read everything")
	}
}
