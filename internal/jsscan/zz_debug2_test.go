package jsscan

import (
	"os"
	"slices"
	"testing"

	"github.com/dypai/dypailint/analyzer/config"
)

func TestZZClientInputs(t *testing.T) {
	root := os.Getenv("DUMP_ROOT")
	if root == "" {
		t.Skip()
	}
	ps, _ := discover([]string{root}, &config.Config{})
	for _, p := range ps {
		p.setup(&config.Config{})
		st := newBuildState()
		b, err := p.build(st, true, viteAlias(p.root))
		if err != nil {
			t.Fatal(err)
		}
		var in []string
		for f := range b.shipped {
			in = append(in, p.rel(f))
		}
		slices.Sort(in)
		for _, f := range in {
			t.Log(f)
		}
	}
}
