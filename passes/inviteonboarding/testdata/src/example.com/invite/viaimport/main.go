package main // want package:"handles PASSWORD_RECOVERY at ui.go:11"

import (
	"syscall/js"

	"example.com/dypai"
	"example.com/invite/ui"
)

func main() {
	form := js.Global().Get("document").Call("getElementById", "set-password")
	ui.Watch(dypai.CreateClient("https://acme.dypai.app"), func() { form.Set("hidden", false) })
	select {}
}
