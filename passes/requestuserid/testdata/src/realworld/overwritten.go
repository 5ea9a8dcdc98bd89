package realworld

import (
	"context"

	"realworld/common"

	"github.com/gin-gonic/gin"
)

// A request type whose identity field is not bound (json:"-") and is set
// from the session (apache/answer's controllers).
type reactionReq struct {
	ObjectID string `json:"object_id"`
	UserID   string `json:"-"`
}

type reactions interface {
	AddOrUpdate(ctx context.Context, req *reactionReq) error
}

var metaService reactions

func loginUserID(c *gin.Context) string {
	u, _ := c.Get("user")
	return u.(*User).ID
}

func addReaction(c *gin.Context) {
	req := &reactionReq{}
	if err := common.Bind(c, req); err != nil {
		return
	}
	req.UserID = loginUserID(c)
	metaService.AddOrUpdate(c.Request.Context(), req)
}

// Bound from the body, then replaced with the session's identity.
type commentReq struct {
	Text   string `json:"text"`
	UserID string `json:"user_id"`
}

func addComment(c *gin.Context) {
	var req commentReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	req.UserID = loginUserID(c)
	store.OrdersFor(c.Request.Context(), req.UserID)
}

// Not replaced: reported.
func addCommentTrusting(c *gin.Context) {
	var req commentReq
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	store.OrdersFor(c.Request.Context(), req.UserID) // want `user id from JSON body field "user_id" is passed to store\.OrdersFor`
}
