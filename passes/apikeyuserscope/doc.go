// Package apikeyuserscope defines the pass behind rule DYP301: an API-key
// call used for a user-scoped action.
//
// The API key acts as the project, not as a user. The pass reports an
// endpoint call through a client that is certainly an API-key client, and
// a net/http request with an X-API-KEY header that goes to the platform
// (its URL or key names it, os.Getenv("DYPAI_URL"); or its URL ends in an
// endpoint dypai.yaml declares: many other APIs take their key in that
// header), when:
//
//   - dypai.yaml declares the endpoint jwt (for raw requests: the URL's
//     last path element is such an endpoint);
//   - it sends a user's identity (an identity field in its payload, query
//     string or body);
//   - it runs inside a request handler that serves a signed-in user: a
//     net/http, gin, echo or fiber handler (chi and gorilla/mux use
//     net/http's signature) that reads the Authorization header, a cookie
//     or a session.
//
// The fix is to forward the user's JWT with a user client. A client whose
// kind the model cannot pin down (a parameter of an exported function,
// both kinds assigned to one variable) is not reported. Without dypai.yaml
// only the identity and handler cases apply. Under the supabase profile
// (no manifest, sdk.Profile.ImplicitCaller false) nothing is reported:
// server code there uses the service-role key for users it has checked.
package apikeyuserscope
