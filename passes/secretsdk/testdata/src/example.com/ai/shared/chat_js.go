package shared

import (
	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// BrowserChat is built only for js/wasm.
func BrowserChat() openai.Client {
	return openai.NewClient(option.WithAPIKey(Config.OpenAIKey)) // want `openai.NewClient with a secret key \(Config.OpenAIKey\) builds a server-only OpenAI client in browser code \(chat_js.go \(js/wasm build\)\)`
}
