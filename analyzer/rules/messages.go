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

const keyShips = "the key ships to every visitor"

// MsgKeyClientInBrowser (DYP101): what builds an API-key client in code
// that reach (the chain from a client entry point) shows runs in a browser.
func MsgKeyClientInBrowser(what, reach string) string {
	return fmt.Sprintf("%s builds an API-key client in browser code (%s): %s; call API-key endpoints from a server and use a user (jwt) client here", what, reach, keyShips)
}

// MsgKeyHeaderInBrowser (DYP101): a request carrying the API key is built
// in browser code; what describes the header and its value.
func MsgKeyHeaderInBrowser(what, reach string) string {
	return fmt.Sprintf("%s is set in browser code (%s): %s; call API-key endpoints from a server and send the user's JWT here", what, reach, keyShips)
}

// MsgKeyClientCalled (DYP101): browser code calls fn, which constructs an
// API-key client (chain names the calls).
func MsgKeyClientCalled(fn, chain string) string {
	return fmt.Sprintf("%s constructs an API-key client and is called from browser code (%s): %s; move the call to a server", fn, chain, keyShips)
}

// MsgPublicEnv (DYP102): a secret-like variable with a browser-exposed prefix.
func MsgPublicEnv(name, prefix string) string {
	return fmt.Sprintf("%s holds a secret but its %s prefix makes the build inline it into browser code: drop the prefix, read it only in server code and rotate the key", name, prefix)
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
