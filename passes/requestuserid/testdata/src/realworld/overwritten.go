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

// The package's bind helper fills the model from the request and sets its
// author from the token (xesina/golang-echo-realworld-example-app).
type commentModel struct {
	Body   string
	UserID string
}

type createCommentReq struct {
	Body string `json:"body"`
}

func (r *createCommentReq) bind(c *gin.Context, cm *commentModel) error {
	if err := c.ShouldBindJSON(r); err != nil {
		return err
	}
	cm.Body = r.Body
	cm.UserID = loginUserID(c)
	return nil
}

type commentStore interface {
	AddComment(ctx context.Context, cm *commentModel) error
}

var comments commentStore

func addCommentBound(c *gin.Context) {
	var cm commentModel
	req := &createCommentReq{}
	if err := req.bind(c, &cm); err != nil {
		return
	}
	comments.AddComment(c.Request.Context(), &cm)
}

// A helper that does not set it: the model's UserID is what was sent.
func bindTrusting(c *gin.Context, cm *commentModel) error { return c.ShouldBindJSON(cm) }

func addCommentTrustingHelper(c *gin.Context) {
	var cm commentModel
	if err := bindTrusting(c, &cm); err != nil { // want `user id from JSON body field "UserID" is passed to comments\.AddComment`
		return
	}
	comments.AddComment(c.Request.Context(), &cm)
}
