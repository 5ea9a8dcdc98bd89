package main

import (
	"syscall/js"

	"example.com/dypai"
)

// bus is not the SDK: its OnAuthStateChange is another thing.
type bus struct{}

func (bus) OnAuthStateChange(cb func(event dypai.AuthChangeEvent, s *dypai.Session)) {}

func main() {
	c := dypai.CreateClient("https://acme.dypai.app")
	// Another event.
	c.Auth.OnAuthStateChange(func(ev dypai.AuthChangeEvent, s *dypai.Session) {
		if ev == dypai.SignedIn {
			js.Global().Get("console").Call("log", "welcome")
		}
	})
	// The event compared with something that is not the callback's event.
	c.Auth.OnAuthStateChange(func(ev dypai.AuthChangeEvent, s *dypai.Session) {
		if s.UserID == string(dypai.PasswordRecovery) {
			js.Global().Get("console").Call("log", ev)
		}
	})
	// An inner function's own parameter of the same name.
	c.Auth.OnAuthStateChange(func(ev dypai.AuthChangeEvent, s *dypai.Session) {
		check := func(ev dypai.AuthChangeEvent) bool { return ev == dypai.PasswordRecovery }
		_ = check
	})
	var b bus
	b.OnAuthStateChange(func(ev dypai.AuthChangeEvent, s *dypai.Session) {
		if ev == dypai.PasswordRecovery {
			js.Global().Get("console").Call("log", "not the SDK")
		}
	})
	select {}
}
