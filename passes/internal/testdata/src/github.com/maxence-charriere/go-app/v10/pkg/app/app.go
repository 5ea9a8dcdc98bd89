// Package app is a minimal fake of go-app for fixtures.
package app

// Compo is a component.
type Compo struct{}

// UI is a renderable element.
type UI interface{}

// Div renders a div.
func Div() UI { return nil }

// RunWhenOnBrowser starts the app in the browser.
func RunWhenOnBrowser() {}
