// Package shared has files for every build (server code) and one built
// only for js/wasm.
package shared

import (
	"os"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

// Config is loaded on the server.
var Config struct{ OpenAIKey string }

// ServerChat runs on the server: fine.
func ServerChat() openai.Client {
	return openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY")))
}
