package main // want package:"handles PASSWORD_RECOVERY at main.go:21"

import (
	"syscall/js"

	sdk "example.com/dypai"
)

type app struct {
	client *sdk.Client
	doc    js.Value
}

func (a *app) start() {
	a.client.Auth.OnAuthStateChange(a.onAuth)
}

func (a *app) onAuth(change sdk.AuthChangeEvent, _ *sdk.Session) {
	switch string(change) {
	case "SIGNED_OUT":
	case "PASSWORD_RECOVERY":
		a.doc.Call("getElementById", "set-password").Set("hidden", false)
	}
}

func main() {
	a := &app{client: sdk.CreateClient("https://acme.dypai.app"), doc: js.Global().Get("document")}
	a.start()
	select {}
}
