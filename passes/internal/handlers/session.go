package handlers

import (
	"go/ast"
	"go/types"
)

type sessionMemo struct {
	busy bool
	what string
	ok   bool
}

// session records where h reads the signed-in user.
func (f *finder) session(h *Handler) {
	body := h.Body()
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if what, ok := f.callReadsSession(call, 0); ok {
			h.SessionReads = append(h.SessionReads, SessionUse{Pos: call.Pos(), What: what})
		}
		if !h.IsMiddleware && f.passesOn(call) {
			h.IsMiddleware = true
		}
		return true
	})
}

// callReadsSession classifies one call; for a function of the package
// called with the request, it looks into the function's body.
func (f *finder) callReadsSession(call *ast.CallExpr, depth int) (string, bool) {
	fn, args := ASTCall(f.info, call)
	if what, ok := SessionReadOf(fn, args); ok {
		return what, true
	}
	if fn == nil || depth > 4 {
		return "", false
	}
	d := f.decls[fn]
	if d == nil || d.Body == nil || !passesRequest(args) {
		return "", false
	}
	m := f.memo[fn]
	if m == nil {
		m = &sessionMemo{busy: true}
		f.memo[fn] = m
		m.what, m.ok = f.bodyReadsSession(d.Body, depth+1)
		m.busy = false
	} else if m.busy {
		return "", false
	}
	if !m.ok {
		return "", false
	}
	return fn.Name() + " (" + m.what + ")", true
}

func (f *finder) bodyReadsSession(body *ast.BlockStmt, depth int) (string, bool) {
	var what string
	var found bool
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			what, found = f.callReadsSession(call, depth)
		}
		return !found
	})
	return what, found
}

// passesRequest reports whether a call passes the request, its context or a
// framework context.
func passesRequest(args []Arg) bool {
	for _, a := range args {
		if IsRequestType(a.Type) || isContextType(a.Type) {
			return true
		}
	}
	return false
}

// passesOn reports whether a call hands the request to the next handler.
func (f *finder) passesOn(call *ast.CallExpr) bool {
	fn, args := ASTCall(f.info, call)
	if fn != nil && fn.Name() == "Next" && fn.Signature().Recv() != nil && FrameworkOfContext(fn.Signature().Recv().Type()) != nil {
		return true
	}
	if fn != nil && fn.Name() == "ServeHTTP" && len(args) == 2 {
		return true
	}
	// next(c) in echo middleware: a call of a handler-typed value.
	if fn == nil {
		if t := f.info.TypeOf(call.Fun); t != nil {
			if sig, ok := t.Underlying().(*types.Signature); ok {
				if _, ok := handlerSig(sig); ok {
					return true
				}
			}
		}
	}
	return false
}
