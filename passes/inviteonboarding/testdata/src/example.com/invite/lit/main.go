package main // want package:"handles PASSWORD_RECOVERY at main.go:16"

import (
	"syscall/js"

	"example.com/dypai"
)

var showSetPassword = js.Global().Get("showSetPassword")

func main() {
	c := dypai.CreateClient("https://acme.dypai.app")
	c.Auth.OnAuthStateChange(func(ev dypai.AuthChangeEvent, s *dypai.Session) {
		if ev == dypai.SignedIn {
			return
		} else if ev == dypai.PasswordRecovery {
			showSetPassword.Invoke()
		}
	})
	select {}
}
