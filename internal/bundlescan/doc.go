// Package bundlescan is dypailint's scanner for built output and .env files.
// The CLI runs it as one of its engines (internal/cli). It reports DYP103 (bundleleak)
// for a bundle that ships an API key, DYP102 (publicenv) for a secret
// defined under a browser-exposed name in a .env file, and DYP001 for its
// own suppression directives.
//
// # What it scans
//
// Beneath the directories it is given it finds build folders: every dist,
// build and out directory, the shipped part of framework output folders
// (.next/static, .output/public, .vercel/output/static,
// .svelte-kit/output/client) and dypai.yaml's js.build_dirs (relative to
// the manifest). Naming a folder inside a build folder works too. It skips
// node_modules (and bower_components, jspm_packages), version-control
// folders, and, outside build folders, vendor, testdata and other hidden
// folders; dypai.yaml's ignore globs apply. Symbolic links are followed to
// folders inside the named directory only, and each real folder is entered
// once, so link loops end. Every .js and .mjs file in a build folder is
// client code, and so are the inline scripts of its .html pages
// (__NEXT_DATA__, Next.js flight data, any <script>).
//
// It finds .env files (.env, .env.local, .env.production, .env.example, …;
// not .envrc) beneath the directories, and reads the .env files of each
// build folder's project directory for secret values only.
//
// # What is a leak (DYP103)
//
// Minifiers rename functions and variables, so the rules look for what
// survives minification:
//
//   - an X-API-KEY header (the profile's KeyHeaders, any letter case) whose
//     value is a string literal or a template literal without
//     substitutions: {"X-API-KEY":"…"}, h.set("x-api-key","…"),
//     [["X-API-KEY","…"]], h["X-API-KEY"]="…"; also inside JSON held in a
//     string (flight data);
//   - the same literal as the key argument (the profile's JSKeyArg) of an
//     SDK constructor: createClient(url,"…"), (0,m.createClient)(url,"…"),
//     or a local name from import{createClient as o}from"@dypai/client";
//   - for both, an identifier the text assigns exactly once, to a string
//     literal, stands for that literal (esbuild keeps constants as
//     variables: var c="…";o(url,c));
//   - the exact value of a secret: those named with -secret-env
//     (Config.SecretEnv; values from the process environment and from .env
//     files) and those of secret-like names (sdk.IsSecretEnv: DYPAI_API_KEY,
//     CRON_SECRET, NEXT_PUBLIC_…_API_KEY, …) defined in .env files; found
//     as is, base64-encoded (standard or URL alphabet, at any alignment
//     inside a longer encoded text, as in Basic auth) and URL-encoded;
//   - a JWT whose payload has a secret role (the profile's SecretJWTRoles:
//     "service_role", a Supabase service-role key, in every profile): it is
//     never browser-safe;
//   - a key starting with one of the profile's SecretKeyPrefixes (supabase:
//     sb_secret_).
//
// Not reported: a header name bound to a variable with a value that is not
// a literal (the SDK's own const H="X-API-KEY"; h[H]=key), header values
// from parameters, members, calls or concatenations, header names in lists,
// placeholders ("", "YOUR_API_KEY", "xxxx…"), keys made to be public (a
// JWT with another role, such as an anon key; the profile's
// PublicKeyPrefixes: sb_publishable_, pk_live_, pk_test_), and high-entropy look-alikes (hashes, base64 images):
// nothing is reported for entropy alone. Values shorter than 8 characters
// are not searched for. For profiles whose key privilege depends on the key
// (PrivilegedKeyMarkers set, as for Supabase), only the value rules run:
// there a literal key in a header is usually the public one.
//
// A message names the bundle, what leaked with at most its first four
// characters (sdk.Redact), how it appears, and what to do.
//
// # Source maps
//
// A bundle's map is found from its sourceMappingURL comment (a file or an
// inline data: URL) or as <bundle>.map. Where the map has sourcesContent,
// the same rules run on each original source and findings are reported at
// original positions, with the bundle position as the related location; a
// hook (Scanner.SourceRules) lets the JS scanner's rules run there too.
// Findings in the generated code are moved to the original position the map
// gives (and merged with the same finding in the sourcesContent); when the
// map only maps positions and the original file exists, they are reported
// there; when it does not, they stay in the bundle and name the original
// position. webpack://namespace/… sources resolve against the project
// directory. An inline map is not itself searched for encoded secrets.
//
// # .env files (DYP102)
//
// A name with a public prefix (NEXT_PUBLIC_, VITE_, …) that is secret-like
// (sdk.IsPublicSecretEnv) is reported at the name, whatever its value: the
// build inlines it. In a template (.env.example, .env.sample,
// .env.template, .env.dist, .env.defaults, …) a placeholder value ("", a
// "your-…" text, <…>, ${…}) means the file only documents the name, and is
// not reported; a real-looking value is reported, since a committed
// example file with a real key is still a leak. Template values that are
// not placeholders count as secret values for DYP103, like any other.
//
// # Suppression
//
// "// dypai-ignore DYP103 reason" (or /* … */) in a bundle, page or
// original source, and "# dypai-ignore DYP102 reason" in a .env file (on
// its own line above, or after the value), on the finding's line or the
// line above. A finding moved to an original position is suppressed by a
// directive at either position. DYP001 is reported for malformed and stale
// directives in the files this scanner owns (bundles, pages, .env files)
// and for stale DYP103-only directives in sourcesContent; directives in
// original sources are otherwise the JS scanner's to report.
//
// # Limits and cost
//
// Each file is read once (an original source on disk only when a finding
// lands in it). The scan is one pass per text with a bounded look-back,
// bytes.Index searches and no regular expressions: linear in the input,
// including 10 MB one-line bundles. Binary files (NUL bytes, or more than
// 10% invalid UTF-8 in the first 32 KiB) and files over 512 MiB are
// skipped with a notice; an unusable source map is a notice too. Notices
// are returned with the errors, as a finding.Problem with Notice set
// (finding.IsNotice tells them apart).
package bundlescan
