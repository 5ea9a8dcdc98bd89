// Package modemismatch defines the pass behind rule DYP405: a user (jwt)
// client, or browser code, calling an endpoint that dypai.yaml declares
// api_key.
//
// An api_key endpoint accepts only the project key: called with a user's
// JWT it fails, and the usual "fix" is to ship the key. The pass reports an
// endpoint call whose constant name dypai.yaml declares api_key when the
// client is certainly a user client, or when the call is in client-reachable
// Go (see DYP101) whatever the client. Clients of unknown kind in server
// code are not reported. The rule needs dypai.yaml.
package modemismatch
