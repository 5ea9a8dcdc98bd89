package realworld

import (
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
)

// A sign-up whose body's ids are replaced with ones the server generates
// (the golang-jwt-project template: user.ID = primitive.NewObjectID();
// user.User_id = user.ID.Hex()): not the request's any more.
type signupReq struct {
	ID     uuid.UUID `json:"id"`
	UserID string    `json:"user_id"`
	Name   string    `json:"name"`
}

func signupFresh(c *gin.Context) {
	var req signupReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	req.ID = uuid.New()
	req.UserID = req.ID.String()
	store.OrdersFor(c.Request.Context(), req.UserID)
}

func signupFreshString(c *gin.Context) {
	var req signupReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	req.UserID = uuid.NewString()
	store.OrdersFor(c.Request.Context(), req.UserID)
}

// Replaced with another value the request sent: still the request's.
func signupCopied(c *gin.Context) {
	var req signupReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	req.UserID = req.Name
	store.OrdersFor(c.Request.Context(), req.UserID) // want `user id from JSON body field "user_id" is passed to store\.OrdersFor`
}
