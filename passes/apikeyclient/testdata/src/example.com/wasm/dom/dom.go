// Package dom wraps syscall/js: browser code.
package dom

import "syscall/js"

// Alert shows a message.
func Alert(msg string) { js.Global().Call("alert", msg) }
