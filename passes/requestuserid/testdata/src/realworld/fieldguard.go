package realworld

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// The guard compares a field of the bound request with the verified user:
// the request is then used whole, or by that field.

type profileEdit struct {
	UserID string `json:"user_id"`
	Name   string `json:"name"`
}

type profileEditor interface {
	Update(ctx context.Context, p profileEdit) error
}

var profileStore profileEditor

func updateGuarded(c *gin.Context) {
	user := c.MustGet("user").(*User)
	var req profileEdit
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	if user.ID != req.UserID {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	profileStore.Update(c.Request.Context(), req)
}

func updateGuardedField(c echo.Context) error {
	user := c.Get("user").(*User)
	req := new(profileEdit)
	if err := c.Bind(req); err != nil {
		return err
	}
	if req.UserID != user.ID {
		return c.NoContent(http.StatusForbidden)
	}
	_, err := store.OrdersFor(c.Request().Context(), req.UserID)
	if err != nil {
		return err
	}
	return profileStore.Update(c.Request().Context(), *req)
}

// Not compared: reported at the bind.
func updateTrusting(c *gin.Context) {
	var req profileEdit
	if err := c.ShouldBindJSON(&req); err != nil { // want `user id from JSON body field "user_id" is passed to profileStore\.Update`
		return
	}
	profileStore.Update(c.Request.Context(), req)
}
