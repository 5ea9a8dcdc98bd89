package nosignup

import (
	"context"

	"example.com/dypai"
)

func run(ctx context.Context) error {
	return dypai.CreateClient("u").Auth.SignUp(ctx, dypai.SignUpParams{}) // want `sign-up call dypai.CreateClient\("u"\).Auth.SignUp in an invite-only app \(dypai.yaml: signup: false\)`
}
