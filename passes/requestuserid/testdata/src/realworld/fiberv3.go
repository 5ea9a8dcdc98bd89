package realworld

import (
	"strconv"

	"github.com/gofiber/fiber/v3"
)

// fiber v3 (gofiber/recipes): the context is an interface, bodies bind
// through c.Bind(), typed inputs through generic functions.
func fiberV3Orders(c fiber.Ctx) error {
	list, _ := store.OrdersFor(c.Context(), c.Query("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	return c.JSON(list)
}

func fiberV3Typed(c fiber.Ctx) error {
	uid := fiber.Params[int](c, "userID") // want `user id from path parameter "userID" is passed to store\.OrdersFor`
	store.OrdersFor(c.Context(), strconv.Itoa(uid))
	return nil
}

func fiberV3Bind(c fiber.Ctx) error {
	var req struct {
		UserID string `json:"user_id"`
	}
	if err := c.Bind().Body(&req); err != nil {
		return err
	}
	store.OrdersFor(c.Context(), req.UserID) // want `user id from JSON body field "user_id" is passed to store\.OrdersFor`
	return nil
}

// The user the auth middleware stored: fine.
func fiberV3Session(c fiber.Ctx) error {
	uid := fiber.Locals[string](c, "userID")
	store.OrdersFor(c.Context(), uid)
	return nil
}
