package golint

import (
	"testing"

	"github.com/dypai/dypailint/internal/testtree"
)

// TestHasPackages counts the directories of Go files "./..." lists: not a
// nested module's, not testdata's, and a directory once however many
// files it holds.
func TestHasPackages(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":              "module example.com/m\n",
		"main.go":             "package main\n",
		"a/a.go":              "package a\n",
		"a/b.go":              "package a\n",
		"a/c/c.go":            "package c\n",
		"a/testdata/t/t.go":   "package t\n",
		"nested/go.mod":       "module example.com/nested\n",
		"nested/n.go":         "package n\n",
		"nested/more/more.go": "package more\n",
		"docs/README.md":      "no Go here\n",
		"_skipped/skipped.go": "package skipped\n",
	})
	for n, want := range map[int]bool{1: true, 3: true, 4: false} {
		if got := hasPackages(dir, n); got != want {
			t.Errorf("hasPackages(%d) = %v, want %v (three packages: ., a, a/c)", n, got, want)
		}
	}
}

// TestImportsDependencyBlank: a blank import of a dependency (a database
// driver) has a small module listed in two steps, so that the driver is
// never compiled; standard packages and named imports do not.
func TestImportsDependencyBlank(t *testing.T) {
	for files, want := range map[string]bool{
		"package db\n\nimport _ \"github.com/mattn/go-sqlite3\"\n":                            true,
		"package db\n\nimport (\n\t_ \"embed\"\n\t_ \"net/http/pprof\"\n)\n":                  false,
		"package db\n\nimport sqlite3 \"github.com/mattn/go-sqlite3\"\n\nvar _ = sqlite3.X\n": false,
	} {
		dir := t.TempDir()
		testtree.Write(t, dir, map[string]string{"go.mod": "module example.com/m\n", "db/db.go": files, "vendor/v/v.go": "package v\n\nimport _ \"example.com/x\"\n"})
		if got := importsDependencyBlank(dir); got != want {
			t.Errorf("importsDependencyBlank = %v, want %v for\n%s", got, want, files)
		}
	}
}
