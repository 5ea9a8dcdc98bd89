package unimported // want package:"handles PASSWORD_RECOVERY at unimported.go:9"

import "example.com/dypai"

// Watch is a real handler, in a package no browser code imports.
func Watch(c *dypai.Client) {
	c.Auth.OnAuthStateChange(func(ev dypai.AuthChangeEvent, _ *dypai.Session) {
		_ = ev
		if ev == dypai.PasswordRecovery {
			println("set a password")
		}
	})
}
