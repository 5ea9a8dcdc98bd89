// Package requestuserid defines the pass behind rule DYP203: a Go HTTP
// handler that takes the acting user's identity from the request instead of
// from the verified session, and uses it.
//
// A read of the user's identity from the request is a source: a query
// parameter, form field, path parameter, header (X-User-Id) or cookie whose
// name is an identity field (dypai.yaml's identity_fields: user_id, userId,
// uid, owner_id, …), read through net/http (r.URL.Query().Get,
// r.FormValue, r.PathValue, r.Header.Get, r.Cookie, r.Form[...]), chi
// (chi.URLParam), gorilla/mux (mux.Vars(r)[...]), gin (c.Query, c.Param,
// c.GetHeader, c.PostForm…), echo (c.QueryParam, c.Param, c.FormValue) or
// fiber (c.Query, c.Params, c.Get); and a field of a value the body (or the
// query, or the path) is bound into (json.NewDecoder(r.Body).Decode,
// c.ShouldBindJSON, c.Bind, c.BodyParser) whose name or tag is an identity
// field (UserID, `json:"user_id"`), or such a key of a bound map. The
// framework surfaces are the tables of package handlers.
//
// The value is followed (package ssaflow) through assignments, struct and
// map literals, conversions (strconv.Atoi, fmt.Sprintf), closures and the
// package's own functions. Any call outside the request-reading API, the
// response writers, logging and value transformations uses it: a DYPAI SDK
// call, a database/sql query, a method of a store or repository, a function
// value. A method of the package counts as a use (a store); a plain
// function of the package is looked into.
//
// Not reported:
//
//   - when the value is compared (==, !=, strings.EqualFold) with the
//     verified identity: a value read from the session, the JWT claims or
//     the request context (auth.UserFromContext(ctx).ID, c.MustGet("claims"));
//   - when the handler — the function that reads the value, or the one that
//     uses it — checks the caller's role (claims.Role == "admin",
//     HasRole(...), IsAdmin(...)), or is registered behind middleware named
//     for a role (RequireRole("admin"), adminOnly);
//   - when the use is a DYPAI call of an endpoint whose allowed_roles are
//     set in dypai.yaml (an admin acting on another user).
//
// The diagnostic is at the read, names the input and the call that uses
// it, and points at that call as related information.
package requestuserid
