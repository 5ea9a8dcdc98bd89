package nomanifest

import (
	"context"

	"example.com/dypai"
)

func run(ctx context.Context) error {
	return dypai.CreateClient("u").Auth.SignUp(ctx, dypai.SignUpParams{}) // no dypai.yaml: silent
}
