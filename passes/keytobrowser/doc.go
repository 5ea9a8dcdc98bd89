// Package keytobrowser defines the pass behind rule DYP104: Go server code
// that sends the API key to the browser.
//
// The pass follows the key's value through the package's SSA form (package
// ssaflow) from its sources:
//
//   - os.Getenv, os.LookupEnv, syscall.Getenv or viper.GetString of a
//     key-like name (sdk.IsSecretEnv, or a name given with -secret-env) —
//     not a key public by design (STRIPE_PUBLISHABLE_KEY, NEXT_PUBLIC_…,
//     RECAPTCHA_SITE_KEY) or a name that describes a key (API_KEY_HEADER,
//     API_KEY_ID, API_KEY_FILE);
//   - a struct field tagged with a key-like env var name
//     (env:"DYPAI_API_KEY"), or named like a key (APIKey, SecretKey,
//     ServiceRoleKey) in a struct that is not a record — a stored row
//     (gorm, db or bson tags, an ID or CreatedAt field), a request or
//     response type (…Response, …Request), or a type the package decodes
//     requests into: those hold keys a user created, owns or sent, and
//     showing them back to the user is not the server's key leaking; and
//     any field a key is stored into (a config struct loaded in main and
//     read in a handler); encoding a struct whole sends its exported key
//     fields not tagged json:"-";
//   - a package-level string variable, of this package or another, named
//     like a key (config.TurnstileSecretKey);
//   - the value passed as the key of an API-key client
//     (dypai.CreateClient(url, key), dypai.WithAPIKey(key)), and a literal
//     used that way, wherever the same literal appears;
//
// through assignments, struct, slice and map literals (gin.H, echo.Map),
// string concatenation and fmt.Sprintf, buffers and builders, closures and
// the calls and returns of the package's functions, to a response sink:
// http.ResponseWriter.Write, fmt.Fprint*, io.WriteString and io.Copy to the
// response, json.NewEncoder(w).Encode, html/template and text/template
// Execute and ExecuteTemplate into the response, response headers and
// cookies, and the response methods of gin (c.JSON, c.HTML, c.String…),
// echo and fiber (c.JSON, c.SendString…), and response helpers of the
// project's other packages given the response (render.JSON(w, r, v),
// response.SendJSON(c, code, v) where c hands out the ResponseWriter). The
// sinks are the tables of package handlers.
//
// A method of another package called on a struct that holds the key in
// one of its fields does not return the key unless it is that field's
// accessor (GetAPIKey): the consent URL, token, HTTP client and token
// source of an oauth2.Config holding its ClientSecret
// (cfg.AuthCodeURL(state) returned with c.Redirect) are not the secret,
// and those well-known methods are modelled as such (OpaqueMethods). A
// value that holds the key as a whole (a buffer it was written into)
// passes it through any method's result.
//
// The key going to the DYPAI SDK, to an outgoing request (its X-API-KEY
// header, its URL), to a log, to a hash (sha256, hmac) or through a
// function named like a redactor (redact, mask) is not reported: none of
// those reach the browser. Test files are not checked.
//
// The diagnostic is at the call that hands the key to the response — or to
// the package's helper that writes it (writeJSON(w, cfg)) — names the source
// and the sink, and points at the source as related information.
package keytobrowser
