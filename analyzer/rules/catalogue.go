package rules

// The rule IDs, as constants so that a typo is a compile error.
const (
	DYP001 = "DYP001"
	DYP101 = "DYP101"
	DYP102 = "DYP102"
	DYP103 = "DYP103"
	DYP104 = "DYP104"
	DYP105 = "DYP105"
	DYP201 = "DYP201"
	DYP202 = "DYP202"
	DYP203 = "DYP203"
	DYP301 = "DYP301"
	DYP302 = "DYP302"
	DYP401 = "DYP401"
	DYP402 = "DYP402"
	DYP403 = "DYP403"
	DYP404 = "DYP404"
	DYP405 = "DYP405"
	DYP406 = "DYP406"
	DYP407 = "DYP407"
)

var catalogue = []*Rule{
	{
		ID: DYP001, Name: "directive", Severity: Warning,
		Title: "suppression directive without a reason, or one that suppresses nothing",
		Doc: `A suppression must say why the finding does not apply, so that a reviewer can
judge it later, and it must still match a finding: a stale directive hides the
next real problem on that line. Write "//dypai:ignore DYPnnn reason" in Go and
"// dypai-ignore DYPnnn reason" in JS/TS, on the line of the finding or the line
above it.`,
		Bad:  `//dypai:ignore DYP101`,
		Good: `//dypai:ignore DYP101 the key here is a scoped read-only demo key`,
	},
	{
		ID: DYP101, Name: "apikeyclient", Severity: Error, Engines: Go | JS,
		Title: "API-key client constructed in code that runs in the browser",
		Doc: `An api_key client carries the project's API key. Code that ships to the
browser ships the key with it: anyone can read it from the bundle and call every
api_key endpoint as the server. This reports an API-key client, or a request
with an X-API-KEY header, constructed in client-reachable code: Next.js 'use
client' modules and what they import, pages, Vite/SPA entry points, built
bundles, and Go compiled for js/wasm — including a function in another package
that client code calls and that constructs such a client. The message names the
chain from the client entry point to the construction.`,
		Bad: `'use client'
import { admin } from '../lib/admin' // lib/admin.ts: createClient(url, process.env.DYPAI_API_KEY)`,
		Good: `'use client'
const dypai = createClient(process.env.NEXT_PUBLIC_DYPAI_URL!) // user (jwt) client
// API-key work moves to a route handler or server action`,
	},
	{
		ID: DYP102, Name: "publicenv", Severity: Error, Engines: JS | Bundle,
		Title: "secret read from, or defined as, a browser-exposed environment variable",
		Doc: `Build tools inline variables with a public prefix (NEXT_PUBLIC_, VITE_,
REACT_APP_, EXPO_PUBLIC_, NUXT_PUBLIC_, PUBLIC_, GATSBY_) into the browser
bundle. A name with such a prefix that holds an API key or secret (API_KEY,
APIKEY, SECRET, SERVICE_KEY, SERVICE_ROLE, PRIVATE) publishes it. Reported where
such a variable is read in code and where it is defined in a .env file. The
prefixes are those of the project's build tool, found from its package.json
(Next.js NEXT_PUBLIC_, Vite VITE_ or its envPrefix, Create React App
REACT_APP_, Expo EXPO_PUBLIC_, Gatsby GATSBY_, Nuxt NUXT_PUBLIC_, SvelteKit
and Astro PUBLIC_), or all of them when the tool is not recognised. Build
configs that put values into the bundle whatever their names — next.config's
env and publicRuntimeConfig, nuxt.config's runtimeConfig.public, Vite's
define — are checked too: a secret-like key there, or one whose value reads a
secret-like variable, is reported at the key.`,
		Bad:  `NEXT_PUBLIC_DYPAI_API_KEY=dyp_live_...`,
		Good: `DYPAI_API_KEY=dyp_live_...   # read only by server code`,
	},
	{
		ID: DYP103, Name: "bundleleak", Severity: Error, Engines: Bundle,
		Title: "built bundle ships an API key",
		Doc: `What is in dist/, build/, out/ or .next/static is what users download. This
reports a bundle that contains the exact value of a secret named with
-secret-env, a literal key passed to an API-key client, or an X-API-KEY header
with a literal value. Source maps with sourcesContent are scanned with the
source rules and reported at original positions. Found values are never printed
whole.`,
		Bad:  `fetch(u,{headers:{"X-API-KEY":"dyp_live_8f2c..."}})  // in dist/assets/index-3f2a.js`,
		Good: `// call api_key endpoints from a server; the browser uses the user's JWT`,
	},
	{
		ID: DYP104, Name: "keytobrowser", Severity: Error, Engines: Go,
		Title: "Go server sends the API key to the browser",
		Doc: `A server that writes the API key into a response, an HTML template's data or a
JSON body hands it to every visitor. This follows the key's value (from
os.Getenv of a key-like name, a config field, a literal) into
http.ResponseWriter writes, template execution and JSON responses.`,
		Bad: `key := os.Getenv("DYPAI_API_KEY")
json.NewEncoder(w).Encode(map[string]string{"apiKey": key})`,
		Good: `// keep the key on the server; give the browser only the user's session`,
	},
	{
		ID: DYP105, Name: "secretsdk", Severity: Error, Engines: Go | JS,
		Title: "server-only SDK client holding a secret key constructed in browser code",
		Doc: `The same mistake as an API-key client in browser code, with another vendor's
key: OpenAI, Anthropic, Mistral, Groq, Google Gen AI, Stripe (a secret or
restricted key), Resend, SendGrid, Twilio, Mailgun, Replicate, Pinecone, AWS SDK
clients given static credentials, and any import of firebase-admin. A client
constructed in client-reachable code — with the reachability and chain of
DYP101 — with a key read from an env var, a literal key or a value named like
one ships the key to every visitor, who can then spend the account's quota or
read its data. Build tools inline public env vars; others are undefined in the
browser today and shipped the day someone adds the prefix. Keys made for
browsers stay silent: Stripe's publishable pk_ keys, OpenAI's ephemeral ek_
tokens, Firebase's web config, AWS credentials from a Cognito provider.
dangerouslyAllowBrowser: true silences the SDK's own warning, not the leak. The
catalogue of SDKs is data (analyzer/sdk/serversdk.go).`,
		Bad: `'use client'
import OpenAI from 'openai'
const openai = new OpenAI({ apiKey: process.env.NEXT_PUBLIC_OPENAI_API_KEY, dangerouslyAllowBrowser: true })`,
		Good: `// app/api/chat/route.ts — server code holds the key; the page fetches /api/chat
import OpenAI from 'openai'
const openai = new OpenAI() // OPENAI_API_KEY from the server's environment`,
	},
	{
		ID: DYP201, Name: "manualuserid", Severity: Warning, Engines: Go | JS,
		Title: "user (jwt) call sends the caller's identity by hand",
		Doc: `A jwt endpoint already knows who the caller is: the engine passes
current_user / current_user_id to its workflow. Sending user_id (or userId,
owner_id, uid, …) by hand is at best redundant and at worst an invitation to
act as someone else if the endpoint trusts it. Not reported for endpoints with
allowed_roles, where an admin acts on other users.`,
		Bad:  `await dypai.api.post('create_order', { user_id: user.id, items })`,
		Good: `await dypai.api.post('create_order', { items })`,
	},
	{
		ID: DYP202, Name: "useridparam", Severity: Warning, NeedsManifest: true, Engines: Manifest,
		Title: "jwt endpoint declares a user-id parameter",
		Doc: `A jwt endpoint gets the caller's identity from the session. Declaring a
user-id parameter invites clients to send one and the workflow to trust it. Use
current_user_id in the endpoint's definition instead; endpoints with
allowed_roles (admins acting on other users) are not reported.`,
		Bad:  `create_order: { auth_mode: jwt, params: [user_id, items] }`,
		Good: `create_order: { auth_mode: jwt, params: [items], uses: [current_user_id] }`,
	},
	{
		ID: DYP203, Name: "requestuserid", Severity: Error, Engines: Go,
		Title: "Go handler takes the acting user's identity from the request",
		Doc: `A handler that reads the user id from a query parameter, form field, path
parameter, header such as X-User-Id, or JSON body field, and then uses it, lets
any caller act as any user; when the record that id selects is written to the
response (users.Get(id) in a handler behind JWT middleware, then c.JSON), any
signed-in caller reads the record of any user. Take the identity from the
verified session or JWT claims. Not reported where the handler checks the
caller's role or compares the value with the verified identity.`,
		Bad: `uid := r.URL.Query().Get("user_id")
orders, _ := store.OrdersFor(ctx, uid)`,
		Good: `uid := auth.UserFrom(r.Context()).ID
orders, _ := store.OrdersFor(ctx, uid)`,
	},
	{
		ID: DYP301, Name: "apikeyuserscope", Severity: Error, Engines: Go | JS,
		Title: "API-key call used for a user-scoped action",
		Doc: `The API key acts as the project, not as a user. Using it for a user's action
loses the user's identity and bypasses the endpoint's per-user checks. This
reports an API-key call to an endpoint dypai.yaml declares jwt, one that sends
a user's identity, or one made inside a request handler serving a signed-in
user: a Go handler reading the user's token or session, a Next.js route
handler, server action or API route calling auth(), getServerSession(),
currentUser() or the user client's auth.getUser(), or reading the
Authorization header or the session cookie; a Node server handler reading
the user its auth middleware stored (req.user, ctx.state.user). A raw
request with an X-API-KEY header (fetch, axios, net/http) counts when it goes
to the platform — its URL or key names it (DYPAI_URL, DYPAI_API_KEY, a dypai
host) or its URL ends in an endpoint dypai.yaml declares — as many other APIs
take their key in that header. Forward the user's JWT instead.`,
		Bad:  `admin.API.Post(ctx, "create_order", map[string]any{"user_id": uid})`,
		Good: `dypai.NewClient(url, dypai.WithAccessToken(token)).API.Post(ctx, "create_order", order)`,
	},
	{
		ID: DYP302, Name: "apikeyendpointuser", Severity: Error, NeedsManifest: true, Engines: Manifest,
		Title: "api_key endpoint uses the current user",
		Doc: `An api_key endpoint is called server-to-server: there is no signed-in user, so
current_user / current_user_id is empty, and a user-id parameter is a
caller-chosen identity. Make the endpoint jwt, or pass the subject explicitly
as data the server has verified.`,
		Bad:  `sync_orders: { auth_mode: api_key, uses: [current_user_id] }`,
		Good: `sync_orders: { auth_mode: api_key, params: [since] }`,
	},
	{
		ID: DYP401, Name: "publicendpoint", Severity: Error, NeedsManifest: true, Engines: Manifest,
		Title: "endpoint without a valid auth_mode",
		Doc: `DYPAI has no public application endpoints: every endpoint is jwt or api_key.
An endpoint with no auth_mode, or with public/none/anonymous, is a
misconfiguration.`,
		Bad:  `list_products: { auth_mode: public }`,
		Good: `list_products: { auth_mode: jwt }`,
	},
	{
		ID: DYP402, Name: "missingroles", Severity: Warning, NeedsManifest: true, Engines: Manifest,
		Title: "internal app endpoint without allowed_roles",
		Doc: `In an internal operations app every user is staff, but not every staff member
should reach every endpoint. A jwt endpoint without allowed_roles is open to
any signed-in account.`,
		Bad: `app: internal
endpoints:
  refund_order: { auth_mode: jwt }`,
		Good: `  refund_order: { auth_mode: jwt, allowed_roles: [admin, support] }`,
	},
	{
		ID: DYP403, Name: "privatesignup", Severity: Error, NeedsManifest: true, Engines: Go | JS,
		Title: "sign-up call in an invite-only app",
		Doc: `Private and internal apps onboard users by invitation (invite, then
set-password). A signUp call in such an app is either dead code or a way for
strangers to create accounts. dypai.yaml's signup: false (the default for
private and internal apps) enables this rule.`,
		Bad:  `await dypai.auth.signUp({ email, password })  // app: private`,
		Good: `// invite users from an admin screen; handle PASSWORD_RECOVERY to set a password`,
	},
	{
		ID: DYP404, Name: "unknownendpoint", Severity: Warning, NeedsManifest: true, Engines: Go | JS,
		Title: "call of an endpoint that dypai.yaml does not declare",
		Doc: `A call of an endpoint name missing from dypai.yaml fails at run time, usually
because of a typo. The message suggests the closest declared name.`,
		Bad:  `dypai.api.get('get_profil')`,
		Good: `dypai.api.get('get_profile')`,
	},
	{
		ID: DYP405, Name: "modemismatch", Severity: Error, NeedsManifest: true, Engines: Go | JS,
		Title: "user client or browser code calls an api_key endpoint",
		Doc: `An api_key endpoint only accepts the project key. Called with a user's JWT, or
from the browser, it fails — and the usual "fix" is to ship the key. Call it
from server code with the API-key client, or make the endpoint jwt.`,
		Bad:  `dypai.api.post('sync_erp_orders', {})  // in a 'use client' component`,
		Good: `// call sync_erp_orders from a worker or route handler with the API-key client`,
	},
	{
		ID: DYP406, Name: "emailconfirm", Severity: Warning, NeedsManifest: true, Engines: Manifest,
		Title: "self sign-up app turns email confirmation off",
		Doc: `In an app with self sign-up (app: saas, or signup: true) email confirmation is
what proves that a new account's owner holds its address: without it anyone can
register as someone else's address, receive nothing, and act under that name.
The DYPAI guide says to keep it on unless there is a strong reason not to. This
reports auth: {email_confirmation: false} in such an app, at that line. If the
reason is real (addresses verified elsewhere, a staging project), record it with
a suppression that gives it, on that line or the line above; private, internal
and backend apps are not reported.`,
		Bad: `app: saas
auth:
  email_confirmation: false`,
		Good: `app: saas
auth:
  # dypai-ignore DYP406 SSO-only tenant: the identity provider verifies addresses
  email_confirmation: false`,
	},
	{
		ID: DYP407, Name: "inviteonboarding", Severity: Warning, NeedsManifest: true, Engines: Manifest,
		Title: "invite-only app never handles the PASSWORD_RECOVERY event",
		Doc: `A private or internal app has no sign-up: users are invited, the invitation link
opens the app, the SDK emits the PASSWORD_RECOVERY auth event, and the app must
then show a screen where the user sets a password. This reports, once per app at
the app: line of dypai.yaml, an invite-only app with browser code (a JS/TS
project with client entry points, or a Go js/wasm front end) none of which
handles the event: a callback given to auth.onAuthStateChange (Go:
Auth.OnAuthStateChange) of an SDK client that compares its event argument with
'PASSWORD_RECOVERY' (==, ===, or a switch case). Only code that ships to the
browser counts: a handler in a module no client entry point imports is not
seen. The message lists the front ends checked. Apps without browser code are
not reported.`,
		Bad: `# dypai.yaml: app: private
dypai.auth.onAuthStateChange((event, session) => setSession(session))`,
		Good: `dypai.auth.onAuthStateChange((event, session) => {
  if (event === 'PASSWORD_RECOVERY') router.push('/set-password')
  setSession(session)
})`,
	},
}
