// Package lazy builds its client only when asked: importing it is fine.
package lazy

import (
	"os"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"
)

var New = func() openai.Client { return openai.NewClient(option.WithAPIKey(os.Getenv("OPENAI_API_KEY"))) }
