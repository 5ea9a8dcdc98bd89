package goload

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"
)

// LoadError is a module whose packages could not all be listed: the go
// command failed, or reported errors for some packages or their
// dependencies (a module missing from the cache, a go.sum mismatch, a go
// line newer than the local toolchain). The packages it names were not
// analysed, so the module must not look clean.
type LoadError struct {
	Dir     string // where the go command ran
	Module  string // the module's path, when known
	First   string // the go command's first error
	More    int    // further packages with errors
	Offline bool   // modules could not be downloaded (-offline)
}

func (e *LoadError) Error() string {
	where := "the Go module in " + e.Dir
	if e.Module != "" {
		where = fmt.Sprintf("module %s (%s)", e.Module, e.Dir)
	}
	msg := where + " could not be loaded: " + strings.Join(strings.Fields(e.First), " ")
	if e.More > 0 {
		msg += fmt.Sprintf(" (and %d more packages with errors)", e.More)
	}
	switch {
	case strings.Contains(e.First, "requires go >="):
		msg += "; install that Go version: dypailint runs the local toolchain and never downloads one"
	case e.Offline && isMissingModule(e.First):
		msg += "; run `go mod download` first: -offline never downloads modules"
	}
	return msg
}

// isMissingModule reports a go command error saying a module is not in the
// module cache and could not be fetched.
func isMissingModule(msg string) bool {
	for _, s := range []string{"GOPROXY=off", "module lookup disabled", "-mod=mod", "missing go.sum entry", "not in cache", "cannot find module providing"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// listErrors reports the packages of the loaded graph that go list could
// not give (failed), dependencies first, as one LoadError (nil when there
// are none).
func listErrors(req Request, listed []*packages.Package, failed func(*packages.Package) bool) *LoadError {
	var first string
	n := 0
	packages.Visit(listed, nil, func(p *packages.Package) {
		if !failed(p) {
			return
		}
		if n == 0 {
			for _, e := range p.Errors {
				if e.Kind == packages.ListError {
					first = e.Error()
					break
				}
			}
		}
		n++
	})
	if n == 0 {
		return nil
	}
	return &LoadError{Dir: req.Dir, Module: modulePath(req.Dir, listed), First: first, More: n - 1, Offline: req.Offline}
}

// commandError turns a failure of the go command, as go/packages reports
// it ("err: exit status 1: stderr: go: …"), into a LoadError.
func commandError(req Request, err error) *LoadError {
	msg := err.Error()
	if _, stderr, ok := strings.Cut(msg, "stderr: "); ok {
		msg = stderr
	}
	return &LoadError{Dir: req.Dir, Module: modulePath(req.Dir, nil), First: firstError(msg), Offline: req.Offline}
}

// diagnoseEmpty explains an empty listing: go/packages ignores a failing go
// command when it asks for export data, so run the listing again and read
// its exit status and standard error. Nil when it succeeds.
func diagnoseEmpty(req Request, env []string) *LoadError {
	cmd := exec.Command("go", append([]string{"list", "-e", "-export", "-f", "{{.ImportPath}}", "--"}, req.Patterns...)...)
	cmd.Dir, cmd.Env = req.Dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err == nil || !errors.As(err, &exit) && stderr.Len() == 0 {
		return nil
	}
	msg := firstError(stderr.String())
	if msg == "" {
		msg = err.Error()
	}
	return &LoadError{Dir: req.Dir, Module: modulePath(req.Dir, nil), First: msg, Offline: req.Offline}
}

// firstError is the first line of the go command's standard error that is
// not a progress message.
func firstError(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "go: downloading ") {
			return line
		}
	}
	return ""
}

// modulePath names the module of dir: from the listed packages, or from
// the nearest go.mod.
func modulePath(dir string, listed []*packages.Package) string {
	for _, p := range listed {
		if p.Module != nil && p.Module.Main {
			return p.Module.Path
		}
	}
	for d := dir; ; d = filepath.Dir(d) {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			return modfile.ModulePath(data)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}
