// Package privatesignup defines the pass behind rule DYP403: a call of the
// SDK's Auth.SignUp in an app whose dypai.yaml does not allow self sign-up
// (signup: false, the default for private and internal apps).
//
// Invite-only apps onboard users by invitation and a set-password step; a
// sign-up call there is dead code or a way for strangers to create
// accounts. The rule needs dypai.yaml and is silent without it.
package privatesignup
