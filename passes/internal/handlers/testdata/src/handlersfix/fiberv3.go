package handlersfix

import fiberv3 "github.com/gofiber/fiber/v3"

// fiber v3: the handler context is the interface fiber.Ctx.
func fiberV3Me(c fiberv3.Ctx) error { // want `fiber handler fiberV3Me; session: currentV3User \(context value "user"\); routes: /v3/me; middleware: requireLogin\[auth\]`
	return c.JSON(currentV3User(c))
}

func currentV3User(c fiberv3.Ctx) string { return fiberv3.Locals[string](c, "user") }

func requireLogin(c fiberv3.Ctx) error { return c.Next() } // want `fiber handler requireLogin; passes on`

func fiberV3Public(c fiberv3.Ctx) error { // want `fiber handler fiberV3Public; routes: /v3/public`
	return c.SendString(c.Query("q"))
}

func routesFiberV3() {
	app := fiberv3.New()
	app.Get("/v3/me", requireLogin, fiberV3Me)
	app.Get("/v3/public", fiberV3Public)
}
