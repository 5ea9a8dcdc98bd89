package keytobrowser

import (
	"go/types"
	"slices"
	"strings"

	"github.com/dypai/dypailint/analyzer/session"
	"github.com/dypai/dypailint/passes/internal/handlers"
	"github.com/dypai/dypailint/passes/internal/ssaflow"
)

// call decides what a call does with the key.
func (c *checker) call(s ssaflow.Site) ssaflow.Decision {
	f := s.Func
	if f == nil {
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	if d, ok := ssaflow.ResponseWrite(c.types, s); ok {
		return d
	}
	for _, b := range Buffers {
		if b.Matches(f) && s.Arg != handlers.Receiver {
			return ssaflow.Decision{Effect: ssaflow.Into, Into: handlers.ArgValue(s.Common, handlers.Receiver)}
		}
	}
	if sanitizerName(f.Name()) || f.Pkg() == nil || slices.ContainsFunc(OpaqueMethods, func(m handlers.Func) bool { return m.Matches(f) }) {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	path := f.Pkg().Path()
	switch {
	case c.proj.Profile.IsGoSDK(path), slices.Contains(SanitizerPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	case path == "fmt" && !strings.HasPrefix(f.Name(), "Sprint") && !strings.HasPrefix(f.Name(), "Append"):
		return ssaflow.Decision{Effect: ssaflow.Ignore} // Print*, Errorf
	case s.Local:
		return ssaflow.Decision{Effect: ssaflow.Follow}
	case c.types.ResponseHelper(s.Common, s.Arg):
		return ssaflow.Decision{Effect: ssaflow.Use, Label: handlers.FuncName(f)}
	case slices.Contains(ThroughPackages, path):
		return ssaflow.Decision{Effect: ssaflow.Through}
	case s.Arg == handlers.Receiver && path != "net/http":
		return receiverResult(s)
	}
	// Logs, outgoing requests (net/http), signing, and the rest.
	return ssaflow.Decision{Effect: ssaflow.Ignore}
}

// OpaqueMethods are methods of well-known types holding a secret whose
// results never carry it: an OAuth2 client's consent URL holds its client
// id, not its secret; the token it exchanges a code for, the HTTP client
// and the token source it makes sign outgoing requests with it.
var OpaqueMethods = []handlers.Func{
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "AuthCodeURL"},
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "Exchange"},
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "Client"},
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "TokenSource"},
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "PasswordCredentialsToken"},
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "DeviceAuth"},
	{Pkg: "golang.org/x/oauth2", Recv: "Config", Name: "DeviceAccessToken"},
	{Pkg: "golang.org/x/oauth2/clientcredentials", Recv: "Config", Name: "Token"},
	{Pkg: "golang.org/x/oauth2/clientcredentials", Recv: "Config", Name: "Client"},
	{Pkg: "golang.org/x/oauth2/clientcredentials", Recv: "Config", Name: "TokenSource"},
}

// AccessorPrefixes may begin the name of a method that returns a field:
// GetAPIKey, ClientSecret.
var AccessorPrefixes = []string{"get"}

// receiverResult decides a method of another package called on a value
// holding the key. A value that holds it as a whole (a buffer the key was
// written into, a named string type) gives it back in any method's result
// (buf.String()). A struct only some fields of which hold it gives it back
// only through an accessor of such a field (cfg.APIKey(),
// cfg.GetClientSecret()): the results of its other methods are computed
// from the other fields (oauth2.Config.AuthCodeURL from the client id),
// and taint does not flow from one field through an unrelated method.
func receiverResult(s ssaflow.Site) ssaflow.Decision {
	if s.Fields == nil {
		return ssaflow.Decision{Effect: ssaflow.Through}
	}
	st := structOf(handlers.ArgValue(s.Common, handlers.Receiver).Type())
	if st == nil {
		return ssaflow.Decision{Effect: ssaflow.Ignore}
	}
	name := session.Normalize(s.Func.Name())
	for _, p := range AccessorPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && rest != "" {
			name = rest
		}
	}
	for _, i := range s.Fields {
		if i < st.NumFields() && session.Normalize(st.Field(i).Name()) == name {
			return ssaflow.Decision{Effect: ssaflow.Through}
		}
	}
	return ssaflow.Decision{Effect: ssaflow.Ignore}
}

// structOf returns the struct a value of type t is or points to.
func structOf(t types.Type) *types.Struct {
	for {
		p, ok := types.Unalias(t).Underlying().(*types.Pointer)
		if !ok {
			break
		}
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st
}

func sanitizerName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range SanitizerWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}
