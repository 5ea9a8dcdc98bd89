package private

import (
	"context"

	sdk "example.com/dypai"
)

type Auth = sdk.Auth

func signUp(ctx context.Context, c *sdk.Client) error {
	return c.Auth.SignUp(ctx, sdk.SignUpParams{Email: "a@b.c", Password: "pw"}) // want `sign-up call c.Auth.SignUp in an invite-only app \(dypai.yaml: app: private, so signup defaults to false\): invite users instead and let them set a password through the PASSWORD_RECOVERY flow`
}

func methodValue(ctx context.Context) error {
	c := sdk.CreateClient("https://x.dypai.dev")
	su := c.Auth.SignUp
	return su(ctx, sdk.SignUpParams{}) // want `sign-up call c.Auth.SignUp in an invite-only app`
}

func viaAlias(ctx context.Context, a *Auth) error {
	return a.SignUp(ctx, sdk.SignUpParams{}) // want `sign-up call a.SignUp in an invite-only app`
}

func signIn(ctx context.Context, c *sdk.Client) error {
	_, err := c.Auth.SignInWithPassword(ctx, "a@b.c", "pw") // fine
	return err
}

// SignUp is a method of another type with the same name: not the SDK's.
type other struct{}

func (other) SignUp(ctx context.Context, p sdk.SignUpParams) error { return nil }

func notSDK(ctx context.Context) error { return other{}.SignUp(ctx, sdk.SignUpParams{}) }
