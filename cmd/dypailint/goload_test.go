package main_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dypai/dypailint/internal/testtree"
)

// A Go module that cannot be loaded is an input error naming the module and
// the go command's first error, never "0 packages analysed" and exit 0; the
// go command never downloads a toolchain, nor a module under -offline.

// moduleProxy is a module proxy that has nothing and counts the requests
// it gets: set as GOPROXY, it shows whether the go command went to the
// network.
func moduleProxy(t *testing.T) (string, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &n
}

// dypailintEnv is dypailint with extra environment.
func dypailintEnv(t *testing.T, dir string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
}

// writeModule writes files to a new directory and returns it.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	testtree.Write(t, dir, files)
	return dir
}

// TestGoModuleMissingFromCache: a required module that is not in the module
// cache. Under -offline nothing is asked of the network and the error says
// to run go mod download; without it the go command uses the user's
// GOPROXY, as go vet does, and its failure is reported the same way.
func TestGoModuleMissingFromCache(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/offline\n\ngo 1.22\n\nrequire example.com/absent v1.0.0\n",
		"go.sum":  "example.com/absent v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nexample.com/absent v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
		"main.go": "package main\n\nimport \"example.com/absent\"\n\nfunc main() { absent.Do() }\n",
		// A package that does not depend on the missing module is still
		// analysed.
		"clean/clean.go": "package clean\n\nvar X = 1\n",
	})
	proxy, requests := moduleProxy(t)
	env := []string{"GOPROXY=" + proxy, "GOSUMDB=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local"}

	_, errOut, code := dypailintEnv(t, dir, env, "-offline", "-v", "./...")
	if code != 2 {
		t.Errorf("-offline: exit %d, want 2; stderr:\n%s", code, errOut)
	}
	for _, want := range []string{
		"dypailint: go: " + dir + " (./...): 1 packages analysed; the module could not be loaded (see the error)\n",
		"dypailint: module example.com/offline (" + dir + ") could not be loaded: ",
		"main.go:3:8: module lookup disabled by GOPROXY=off; run `go mod download` first: -offline never downloads modules\n",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("-offline: stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "could not import") {
		t.Errorf("-offline: main.go's type errors are reported beside the module's error:\n%s", errOut)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("-offline: the go command made %d requests to GOPROXY", n)
	}

	_, errOut, code = dypailintEnv(t, dir, env, "./...")
	if code != 2 || !strings.Contains(errOut, "dypailint: module example.com/offline ("+dir+") could not be loaded: ") || !strings.Contains(errOut, "404 Not Found") {
		t.Errorf("without -offline: exit %d, want 2 and the proxy's answer; stderr:\n%s", code, errOut)
	}
	if requests.Load() == 0 {
		t.Error("without -offline: GOPROXY was not used")
	}
}

// TestGoChecksumMismatch: go list fails outright (a go.sum that does not
// match the module cache) and go/packages, asked for export data, returns
// no packages and no error: that is an error too.
func TestGoChecksumMismatch(t *testing.T) {
	dir := writeModule(t, map[string]string{
		// A module this repository depends on, so it is in the cache.
		"go.mod":  "module example.com/mismatch\n\ngo 1.22\n\nrequire github.com/goccy/go-yaml v1.19.2\n",
		"go.sum":  "github.com/goccy/go-yaml v1.19.2 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ngithub.com/goccy/go-yaml v1.19.2/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
		"main.go": "package main\n\nimport _ \"github.com/goccy/go-yaml\"\n\nfunc main() {}\n",
	})
	_, errOut, code := dypailintEnv(t, dir, nil, "-offline", "-v", "./...")
	if code != 2 || !strings.Contains(errOut, "dypailint: module example.com/mismatch ("+dir+") could not be loaded: verifying github.com/goccy/go-yaml@v1.19.2") ||
		!regexp.MustCompile(`dypailint: go: `+regexp.QuoteMeta(dir)+` \(\./\.\.\.\): .*could not be loaded \(see the error\)`).MatchString(errOut) {
		t.Errorf("exit %d, want 2 and the checksum error; stderr:\n%s", code, errOut)
	}
}

// TestGoVersionNewerThanToolchain: a go line newer than the local toolchain
// is a clear error naming the version, and no toolchain is downloaded even
// when the user's GOTOOLCHAIN allows it.
func TestGoVersionNewerThanToolchain(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"go.mod":  "module example.com/future\n\ngo 1.99.1\n",
		"main.go": "package main\n\nfunc main() {}\n",
	})
	proxy, requests := moduleProxy(t)
	_, errOut, code := dypailintEnv(t, dir, []string{"GOTOOLCHAIN=auto", "GOPROXY=" + proxy, "GOSUMDB=off"}, "./...")
	if code != 2 || !strings.Contains(errOut, "module example.com/future ("+dir+") could not be loaded: go: go.mod requires go >= 1.99.1") ||
		!strings.Contains(errOut, "never downloads one") {
		t.Errorf("exit %d, want 2 and the version; stderr:\n%s", code, errOut)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("the go command made %d requests to GOPROXY (a toolchain download)", n)
	}
}
