package realworld

import (
	"strconv"

	"realworld/task"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v3"
)

// Looking up a user record by the id in the path (GET /users/:userID, a
// profile page) addresses the user resource: the caller does not act as
// that user.
func getUser(c fiber.Ctx) error {
	id := fiber.Params[int](c, "userID")
	u, err := store.GetUser(id)
	if err != nil {
		return err
	}
	return c.JSON(u)
}

// What is done with the record is followed: acting on the user found.
func ordersOfUser(c *gin.Context) {
	id, _ := strconv.Atoi(c.Param("user_id")) // want `user id from path parameter "user_id" is passed to store\.OrdersFor`
	u, _ := store.GetUser(id)
	store.OrdersFor(c.Request.Context(), u.ID)
}

// A constructor of another package builds a value holding the id: what
// is done with the value is the use.
var jobs = &task.Client{}

func enqueueWelcome(c fiber.Ctx) error {
	var body struct {
		UserID string `json:"user_id"`
		Email  string `json:"email"`
	}
	if err := c.Bind().Body(&body); err != nil {
		return err
	}
	t, err := task.NewEmailWelcome(body.UserID, body.Email) // want `user id from JSON body field "user_id" is passed to jobs\.Enqueue`
	if err != nil {
		return err
	}
	return jobs.Enqueue(t)
}

func previewWelcome(c fiber.Ctx) error {
	t, _ := task.NewEmailWelcome(c.Query("user_id"), "")
	return c.JSON(t)
}

// Get of a store of users is a lookup too (dhax/go-base's accountCtx).
type AccountStore interface {
	Get(id int) (*Record, error)
}

var accounts AccountStore

func accountByID(c *gin.Context) {
	id, _ := strconv.Atoi(c.Param("user_id"))
	a, _ := accounts.Get(id)
	c.JSON(200, a)
}
