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
// A helper that decodes the request into a value it is given counts as a
// bind too (common.Bind(c, &req), readJSON(w, r, &dst), web.Decode(r, &v)),
// and fiber v3 (c.Bind().Body(&req), fiber.Params[int](c, "id")) and
// httprouter (ps.ByName) are read. A field tagged json:"-" is not bound; a
// field the handler overwrites with the verified identity
// (req.UserID = auth.UserID(ctx)) or with an id it generates
// (req.UserID = uuid.NewString(); user.User_id = user.ID.Hex() after
// user.ID = primitive.NewObjectID()) is not request input any more.
//
// The value is followed (package ssaflow) through assignments, struct and
// map literals, conversions (strconv.Atoi, fmt.Sprintf), closures and the
// package's own functions. Any call outside the request-reading API, the
// response writers, logging and value transformations uses it: a DYPAI SDK
// call, a database/sql query, a method of a store or repository, a function
// value. A method of the package counts as a use (a store); a plain
// function of the package is looked into. Not uses: loggers of any package
// (go-pkgz/lgr imported as log, a Logger's methods), errors, tracing,
// metrics and validation packages, the frameworks' own error constructors,
// libraries that verify a credential (WebAuthn, JWT, OTP, bcrypt), a
// printf wrapper returning nothing (mutils.Verbose(format, args...)), and a
// validator given the value as an empty interface (utils.Verify(req,
// rules) error). A lookup of a user record by the id (GetUser,
// FindUserByID, UserStore.Get) and a constructor of another package
// (task.NewEmailWelcome) pass the id on: what is done with the record or
// the value is followed. A struct holding the id passed to a function of
// the project that reads none of the fields holding it, itself or through
// the functions it hands it to (package fielduse's facts: a service
// renaming a file by its ID, or passing an event to a repository that
// updates it by its ID, given the body that also carries the uploader's
// id; gorm's db.Delete(&rec), which deletes by the primary key) is not a
// use of it.
//
// The read side: a call given the id whose result (or what it writes into
// a pointer it is given: row.Scan(&u.ID), db.First(&u, id)) is written to
// the response — by the frameworks' writers, json.NewEncoder(w).Encode,
// w.Write or a helper of the package — selects whose record the caller
// gets, and the message says that the record of any user can be read. A
// lookup of a user record (users.Get(id), FindUserByID) or an element of a
// store selected by the id (db.Users[id], a map of a global or a field),
// which addresses the user resource and is not a use by itself, is
// reported this way when
// the handler serves a signed-in user (it reads the session or is behind
// authentication middleware): a caller who has a verified identity and is
// handed anyone's record by naming them.
//
// Not reported:
//
//   - when the value is compared (==, !=, strings.EqualFold) with the
//     verified identity: a value read from the session, the JWT claims
//     (also claims parsed in the handler from the Authorization header) or
//     the request context (auth.UserFromContext(ctx).ID,
//     c.MustGet("claims")); or passed to an access check (CanAccessUser,
//     isOwner, a function returning a bool that is also given the verified
//     identity, or a function of the project, in any package, that
//     compares it with the verified identity and returns a verdict:
//     package accesscheck's facts, helper.MatchUserTypeToUid(c, id));
//   - when the call that uses it is also given the verified identity
//     (store.Follow(ctx, me.ID, uid)): the signed-in user acts and the id
//     names the user acted on;
//   - when the handler — the function that reads the value, the one that
//     uses it, or, for a helper, all its callers — checks the caller's role
//     (claims.Role == "admin", HasRole(...), IsAdmin(...)); is registered,
//     on any router (the frameworks', go-pkgz/routegroup, a project's own
//     app.Handle(method, path, h, mw...)), directly or through an adapter
//     of a handler of the project's own shape (g.GET("", wrap(h.ByID)), h
//     a func(echo.Context) Response), behind middleware named for a role
//     or a permission (RequireRole("admin"), AdminOnly,
//     ruleAdmin := mid.Authorize(…), pm(h, "users:manage")) or under an
//     admin prefix (/admin, or a group "admin/users/:id"); or is named for administrators, as is its receiver's
//     type or its package (AdminHandler, type admin, package api/admin —
//     by its path inside the module: a module named gin-vue-admin does not
//     make every handler an administrator's).
//     A check covers the handler it is in: a function literal registered
//     as a handler (r.GET("/x", func(c *gin.Context) {…})) is checked on
//     its own, never through a sibling handler or the router-setup
//     function around it;
//   - when a read of a bound field is compared with the verified identity
//     (if user.ID != req.UserID { abort }): the comparison covers the
//     field's other reads and the bound value's whole uses;
//   - when the handler authenticates the user the id names: the same
//     request carries a credential (a password field of the bound body,
//     r.FormValue("password"), a field named code or token: what was
//     mailed to the user) that is compared or given to a function that
//     checks it (bcrypt.CompareHashAndPassword, CheckPassword,
//     users.Login(req)) or finds a record by it (codes.GetByCode(code,
//     id)) — a login or an account verification, not a caller naming
//     another user; a credential only stored (a password reset for any
//     id) is no check;
//   - when the handler checks the signature of what it is sent
//     (hmac.Equal, webhook.ConstructEvent, verifySignature(body, sig)): a
//     webhook, whose ids are the signing server's word;
//   - when the use is a DYPAI call of an endpoint whose allowed_roles are
//     set in dypai.yaml (an admin acting on another user).
//
// The diagnostic is at the read, names the input and the call that uses
// it, and points at that call as related information.
package requestuserid
