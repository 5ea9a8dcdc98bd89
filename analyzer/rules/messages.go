package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// Messages of the rules that more than one engine reports (Go passes, the
// JS/TS scanner, the bundle scanner). Each engine supplies the names; the
// wording lives here, so a finding reads the same whatever found it.
// Messages are lower-case, name what is involved, say what to do instead
// and have no trailing period.

// Endpoint renders an endpoint name in a message ("a computed endpoint"
// when the name is not a constant).
func Endpoint(name string) string {
	if name == "" {
		return "a computed endpoint"
	}
	return strconv.Quote(name)
}

// Fields renders identity fields in a message.
func Fields(fields []string) string {
	q := make([]string, len(fields))
	for i, f := range fields {
		q[i] = strconv.Quote(f)
	}
	return strings.Join(q, ", ")
}

// Terms are the words a platform's messages use for its privileged key
// and client (an SDK profile's Terms).
type Terms struct {
	Key       string // the key, with an article: "an API key", "the service-role key"
	KeyClient string // a client built with it, with an article: "an API-key client"
	Client    string // such a client, without article: "API-key client"
	Clients   string // such clients, plural: "API-key clients"
	Ships     string // what happens when it is in browser code
	ClientFix string // what to do instead of building the client in browser code
	HeaderFix string // what to do instead of sending the key from browser code
	MoveFix   string // what to do with a call from browser code that builds one
	BundleFix string // what to do when a bundle holds a secret
}

// DypaiTerms are the DYPAI profile's words.
var DypaiTerms = Terms{
	Key:       "an API key",
	KeyClient: "an API-key client",
	Client:    "API-key client",
	Clients:   "API-key clients",
	Ships:     "the key ships to every visitor",
	ClientFix: "call API-key endpoints from a server and use a user (jwt) client here",
	HeaderFix: "call API-key endpoints from a server and send the user's JWT here",
	MoveFix:   "move the call to a server",
	BundleFix: "call api_key endpoints only from a server",
}

// SupabaseTerms are the Supabase profile's words.
var SupabaseTerms = Terms{
	Key:       "the service-role key",
	KeyClient: "a service-role client",
	Client:    "service-role client",
	Clients:   "service-role clients",
	Ships:     "the service-role key ships to every visitor and bypasses row level security",
	ClientFix: "do privileged work on a server (route handler, server action, edge function) and use the anon (publishable) key here",
	HeaderFix: "do privileged work on a server and send the anon (publishable) key with the user's JWT here",
	MoveFix:   "move the call to a server",
	BundleFix: "use the service-role key only in server code",
}

// Unexposed is t for a key read from an env var the bundler does not inline
// (no public prefix): undefined in the browser today, shipped the day
// someone adds the prefix to make the code work.
func (t Terms) Unexposed(envVar string) Terms {
	key := t.Key
	if rest, ok := strings.CutPrefix(key, "an "); ok {
		key = "the " + rest // the API key
	}
	t.Ships = fmt.Sprintf("%s has no public prefix, so it is undefined there today, and giving it one to make this work would ship %s to every visitor", envVar, key)
	return t
}

// KeyClientInBrowser (DYP101): what builds a privileged client in code
// that reach (the chain from a client entry point) shows runs in a browser.
func (t Terms) KeyClientInBrowser(what, reach string) string {
	return fmt.Sprintf("%s builds %s in browser code (%s): %s; %s", what, t.KeyClient, reach, t.Ships, t.ClientFix)
}

// KeyHeaderInBrowser (DYP101): a request carrying the privileged key is
// built in browser code; what describes the header and its value.
func (t Terms) KeyHeaderInBrowser(what, reach string) string {
	return fmt.Sprintf("%s is set in browser code (%s): %s; %s", what, reach, t.Ships, t.HeaderFix)
}

// KeyClientAtInit (DYP101): importing pkg from browser code constructs a
// privileged client when it initialises (chain names the imports).
func (t Terms) KeyClientAtInit(pkg, chain string) string {
	return fmt.Sprintf("importing %s constructs %s at init in browser code (%s): %s; keep %s out of packages the browser imports", pkg, t.KeyClient, chain, t.Ships, t.Clients)
}

// KeyClientCalled (DYP101): browser code calls fn, which constructs a
// privileged client (chain names the calls).
func (t Terms) KeyClientCalled(fn, chain string) string {
	return fmt.Sprintf("%s constructs %s and is called from browser code (%s): %s; %s", fn, t.KeyClient, chain, t.Ships, t.MoveFix)
}

// MsgSecretSDK (DYP105): a server-only SDK's client built with its secret
// key in browser code. what is the construction, key how the key is given
// ("" when the import itself is the mistake), unexposed the env var it is
// read from when the bundler does not inline it, reach the chain from the
// client entry point; allow is dangerouslyAllowBrowser: true.
func MsgSecretSDK(sdkName, what, key, unexposed, reach string, allow bool) string {
	if key == "" {
		return fmt.Sprintf("%s in browser code (%s): %s is a server-only SDK and its credentials ship to every visitor; use it from a route handler, server action or other server code", what, reach, sdkName)
	}
	ships := "the key ships to every visitor"
	if unexposed != "" {
		ships = unexposed + " has no public prefix, so it is undefined there today, and giving it one to make this work would ship the key to every visitor"
	}
	msg := fmt.Sprintf("%s with a secret key (%s) builds a server-only %s client in browser code (%s): %s; call %s from a route handler or server action and send the browser only the results", what, key, sdkName, reach, ships, sdkName)
	if allow {
		msg += " (dangerouslyAllowBrowser silences the SDK's warning, not the leak)"
	}
	return msg
}

// MsgPublicEnv (DYP102): a secret-like variable with a browser-exposed prefix.
func MsgPublicEnv(name, prefix string) string {
	return fmt.Sprintf("%s holds a secret but its %s prefix makes the build inline it into browser code: drop the prefix, read it only in server code and rotate the key", name, prefix)
}

// MsgConfigExposesSecret (DYP102): a build config block (where:
// "next.config env") puts a secret-like key into browser code; from is the
// env var its value reads, or "".
func MsgConfigExposesSecret(where, key, from string) string {
	what := key
	if from != "" && from != key {
		what = fmt.Sprintf("%s (from %s)", key, from)
	}
	return fmt.Sprintf("%s puts %s into browser code, whatever its prefix: keep secrets out of it, read them only in server code and rotate the key", where, what)
}

// MsgManualUserID (DYP201): a user call (the endpoint, see Endpoint, or the
// call expression) sends identity fields by hand; where says where they
// are ("payload", "query string", …).
func MsgManualUserID(call string, fields []string, where string) string {
	return fmt.Sprintf("user (jwt) call of %s sends %s in its %s: the engine already knows the caller (current_user_id); remove it", call, Fields(fields), where)
}

// MsgAPIKeyUserScope (DYP301): call (e.g. `call of "x" with API-key client
// admin`) is user-scoped for the reasons given (see Reason*).
func MsgAPIKeyUserScope(call string, reasons []string) string {
	return fmt.Sprintf("user-scoped %s: %s; forward the signed-in user's JWT with a user client instead", call, joinReasons(reasons))
}

// MsgKeyRequestUserScope (DYP301): a raw request with the API-key header
// (what) is user-scoped for the reasons given.
func MsgKeyRequestUserScope(what string, reasons []string) string {
	return fmt.Sprintf("user-scoped %s: %s; send the signed-in user's JWT (Authorization: Bearer) instead", what, joinReasons(reasons))
}

// ReasonJWTEndpoint is the DYP301 reason for calling a jwt endpoint.
func ReasonJWTEndpoint(endpoint string) string {
	return fmt.Sprintf("dypai.yaml declares %s jwt", Endpoint(endpoint))
}

// ReasonIdentity is the DYP301 reason for sending identity fields.
func ReasonIdentity(fields []string) string {
	return fmt.Sprintf("it sends the user's identity (%s)", Fields(fields))
}

// ReasonSignedIn is the DYP301 reason for running in a handler that serves
// a signed-in user (why says how it gets the user).
func ReasonSignedIn(handler, why string) string {
	return fmt.Sprintf("it runs in %s, a handler serving a signed-in user (%s)", handler, why)
}

func joinReasons(rs []string) string {
	switch len(rs) {
	case 0:
		return "it acts for a user"
	case 1:
		return rs[0]
	case 2:
		return rs[0] + " and " + rs[1]
	}
	return strings.Join(rs[:len(rs)-1], ", ") + ", and " + rs[len(rs)-1]
}

// MsgPrivateSignup (DYP403): a sign-up call in an invite-only app; why
// quotes the manifest setting.
func MsgPrivateSignup(call, why string) string {
	return fmt.Sprintf("sign-up call %s in an invite-only app (dypai.yaml: %s): invite users instead and let them set a password through the PASSWORD_RECOVERY flow", call, why)
}

// MsgUnknownEndpoint (DYP404): closest is the nearest declared name, or "".
func MsgUnknownEndpoint(name, closest string) string {
	if closest != "" {
		return fmt.Sprintf("endpoint %q is not declared in dypai.yaml: call %q (the closest declared name) or declare it", name, closest)
	}
	return fmt.Sprintf("endpoint %q is not declared in dypai.yaml: declare it there or call a declared endpoint", name)
}

// MsgUserCallsAPIKeyEndpoint (DYP405): a user client calls an api_key endpoint.
// client names the client's variable, or is "" when it has none.
func MsgUserCallsAPIKeyEndpoint(client, endpoint string) string {
	who := "a user client"
	if client != "" {
		who = "user client " + client
	}
	return fmt.Sprintf("%s calls api_key endpoint %s: the engine accepts only the project key there; call it from server code with an API-key client, or make it jwt in dypai.yaml", who, Endpoint(endpoint))
}

// MsgBrowserCallsAPIKeyEndpoint (DYP405): browser code (reach) calls an
// api_key endpoint.
func MsgBrowserCallsAPIKeyEndpoint(reach, endpoint string) string {
	return fmt.Sprintf("browser code (%s) calls api_key endpoint %s: the browser must not hold the key; call it from a server, or make it jwt in dypai.yaml", reach, Endpoint(endpoint))
}

// MsgEmailConfirmOff (DYP406): a self sign-up app (why quotes the
// manifest setting that makes it one) turns email confirmation off.
func MsgEmailConfirmOff(why string) string {
	return fmt.Sprintf("auth.email_confirmation is false in an app with self sign-up (dypai.yaml: %s): anyone can register with an address they do not own; remove the setting to keep confirmation on, or record the strong reason with # dypai-ignore DYP406 <reason>", why)
}

// MsgInviteOnboarding (DYP407): an invite-only app (app names its type)
// none of whose browser code (checked lists it) handles event, the auth
// event its invitation links emit; listen names the SDK method that
// registers the callback.
func MsgInviteOnboarding(app, event, listen, checked string) string {
	return fmt.Sprintf("app: %s onboards users by invitation, but no browser code handles the %s auth event (checked: %s): invited users get no screen to set a password; in client code, show a set-password form when the callback given to %s receives %q", app, event, checked, listen, event)
}
