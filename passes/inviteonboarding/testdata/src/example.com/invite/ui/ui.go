package ui // want package:"handles PASSWORD_RECOVERY at ui.go:11"

import "example.com/dypai"

const recovery = "PASSWORD_RECOVERY"

// Watch shows the set-password form when an invitation link is opened.
func Watch(c *dypai.Client, show func()) {
	// The callback held in a variable.
	onAuth := func(event dypai.AuthChangeEvent, _ *dypai.Session) {
		if recovery != event {
			return
		}
		show()
	}
	c.Auth.OnAuthStateChange(onAuth)
}
