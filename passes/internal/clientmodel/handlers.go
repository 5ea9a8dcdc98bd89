package clientmodel

import "go/token"

// handlerAt returns the innermost request handler around pos when it serves
// a signed-in user, as passes/internal/handlers (shared with DYP203 and
// DYP104) decides: it reads the user's token, session or identity, or it is
// registered behind authentication middleware.
func (s *state) handlerAt(pos token.Pos) *Handler {
	h := s.handlerSet.Enclosing(pos)
	if h == nil || !h.SignedIn() {
		return nil
	}
	if len(h.SessionReads) > 0 {
		r := h.SessionReads[0]
		return &Handler{Name: h.Name, Why: "it reads " + r.What, Pos: r.Pos}
	}
	for _, m := range h.Middleware {
		if m.Auth {
			return &Handler{Name: h.Name, Why: "it is registered behind " + m.Name, Pos: m.Expr.Pos()}
		}
	}
	return nil
}
