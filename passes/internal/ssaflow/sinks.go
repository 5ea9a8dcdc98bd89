package ssaflow

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/dypai/dypailint/passes/internal/handlers"
)

// ResponseWrite decides a call that writes data (handlers.MatchWrite) for
// a flow whose sink is the HTTP response: the tracked argument written to
// the response (or by a call that always writes to it) is a Use; written
// as a header, cookie or redirect of something else (an outgoing request),
// it is ignored; written into another writer (a buffer, a file), that
// writer — or the one an encoder wraps — holds it. ok is false when the
// call writes nothing.
func ResponseWrite(t *handlers.Types, s Site) (d Decision, ok bool) {
	if s.Func == nil {
		return Decision{}, false
	}
	w, _ := handlers.MatchWrite(s.Func)
	if w == nil {
		return Decision{}, false
	}
	switch {
	case !slices.Contains(w.Data, s.Arg):
		return Decision{Effect: Ignore}, true
	case w.Writer == handlers.Always || t.IsResponse(handlers.ArgValue(s.Common, w.Writer)):
		return Decision{Effect: Use, Label: w.Func.String()}, true
	case w.What == "header" || w.What == "cookie" || w.What == "redirect":
		return Decision{Effect: Ignore}, true
	}
	return Decision{Effect: Into, Into: writerTarget(s.Common, w.Writer)}, true
}

// writerTarget is what a write into a non-response writer fills: the
// writer, or the writer an encoder wraps (json.NewEncoder(&buf)).
func writerTarget(c *ssa.CallCommon, idx int) ssa.Value {
	w := handlers.ArgValue(c, idx)
	if call, ok := w.(*ssa.Call); ok {
		if f := handlers.Callee(&call.Call); f != nil && f.Name() == "NewEncoder" && len(call.Call.Args) == 1 {
			return call.Call.Args[0]
		}
	}
	return w
}
