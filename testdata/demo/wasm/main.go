//go:build js && wasm

// Command wasm is the shop's browser front end, compiled to WebAssembly:
//
//	GOOS=js GOARCH=wasm go build -o web/public/shop.wasm ./wasm
//
// It exposes acmeSignIn, acmeLoadProfile and acmeResyncERP to the page's
// JavaScript.
package main

import (
	"context"
	"syscall/js"

	"example.com/acme/internal/shopapi"
	"example.com/acme/sdk/dypai"
)

func main() {
	global := js.Global()
	dypaiURL := global.Get("ACME_DYPAI_URL").String()

	// The browser's clients are user (jwt) clients: one to sign in, then
	// one that carries the signed-in user's access token.
	anon := dypai.CreateClient(dypaiURL)
	var user *dypai.Client

	global.Set("acmeSignIn", js.FuncOf(func(this js.Value, args []js.Value) any {
		email, password := args[0].String(), args[1].String()
		go func() {
			sess, err := anon.Auth.SignInWithPassword(context.Background(), email, password)
			if err != nil {
				global.Get("console").Call("error", err.Error())
				return
			}
			user = dypai.NewClient(dypaiURL, dypai.WithAccessToken(sess.AccessToken))
		}()
		return nil
	}))

	global.Set("acmeLoadProfile", js.FuncOf(func(this js.Value, args []js.Value) any {
		if user == nil {
			return nil
		}
		go func() {
			resp, err := user.API.Get(context.Background(), "get_profile", nil)
			if err != nil {
				global.Get("console").Call("error", err.Error())
				return
			}
			global.Call("acmeShowProfile", string(resp.Body))
		}()
		return nil
	}))

	global.Set("acmeResyncERP", js.FuncOf(func(this js.Value, args []js.Value) any {
		since := args[0].String()
		admin := shopapi.NewAdminClient() // DYP101: the API-key client is built in the browser
		go func() {
			if _, err := admin.API.Post(context.Background(), "sync_erp_orders", map[string]any{"since": since}); err != nil { // DYP405: browser code calls an api_key endpoint
				global.Get("console").Call("error", err.Error())
			}
		}()
		return nil
	}))

	select {}
}
