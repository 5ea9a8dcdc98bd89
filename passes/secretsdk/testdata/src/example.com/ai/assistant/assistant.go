// Package assistant is server code whose initialisation builds an OpenAI
// client: importing it from browser code runs that there.
package assistant

import (
	"os"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

var Client = openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY")))
