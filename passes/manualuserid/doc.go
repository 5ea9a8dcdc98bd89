// Package manualuserid defines the pass behind rule DYP201: a user (jwt)
// endpoint call that sends the caller's identity by hand.
//
// A jwt endpoint's workflow gets current_user / current_user_id from the
// engine, so a user client sending user_id (or any name in
// identity_fields) is redundant at best and an invitation to impersonation
// at worst. The pass reports identity fields in an endpoint call's payload
// — map literals and maps written key by key, structs whose fields carry
// a json tag or Go name from identity_fields (nested too), url.Values,
// JSON strings — and in a query string in the endpoint argument
// ("get_orders?user_id="). A map-literal entry comes with a suggested fix
// that deletes it.
//
// The client is presumed to be a user client unless some value that can
// reach it is an API-key client (API-key calls are DYP301's). Not reported:
// endpoints with allowed_roles in dypai.yaml (an admin acting on another
// user), and calls of an endpoint dypai.yaml declares api_key through a
// client whose kind is not known. Silent under profiles whose platform does
// not hand calls the caller's identity (sdk.Profile.ImplicitCaller false:
// supabase, where rows carry user ids under RLS).
package manualuserid
