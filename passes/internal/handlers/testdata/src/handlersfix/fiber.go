package handlersfix

import "github.com/gofiber/fiber/v2"

func fiberMe(c *fiber.Ctx) error { // want `fiber handler fiberMe; session: context value "user"; routes: /me`
	return c.JSON(c.Locals("user"))
}

func fiberBearer(c *fiber.Ctx) error { // want `fiber handler fiberBearer; session: the "Authorization" header; routes: /bearer`
	return c.SendString(c.Get("Authorization"))
}

func fiberPublic(c *fiber.Ctx) error { // want `fiber handler fiberPublic; routes: /public`
	return c.SendString(c.Query("q"))
}

func routesFiber() {
	app := fiber.New()
	app.Get("/me", fiberMe)
	app.Get("/bearer", fiberBearer)
	app.Get("/public", fiberPublic)
}
