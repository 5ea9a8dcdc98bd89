package realworld

import (
	"context"

	"realworld/valid"

	"github.com/gin-gonic/gin"
)

// A generic validator given the bound value is not a use of its user id
// (flipped-aurora/gin-vue-admin's utils.Verify).

type operationRecord struct {
	ID     uint `json:"id" form:"id"`
	UserID int  `json:"user_id" form:"user_id"`
}

type recordStore interface {
	Get(ctx context.Context, id uint) (*operationRecord, error)
	Save(ctx context.Context, r operationRecord) error
}

var records recordStore

func findRecord(c *gin.Context) {
	var rec operationRecord
	if err := c.ShouldBindQuery(&rec); err != nil {
		return
	}
	if err := valid.Verify(rec, valid.IDVerify); err != nil {
		return
	}
	r, _ := records.Get(c.Request.Context(), rec.ID)
	c.JSON(200, r)
}

// Validated, then stored whole: the stored record's owner is what was sent.
func saveRecord(c *gin.Context) {
	var rec operationRecord
	if err := c.ShouldBindJSON(&rec); err != nil { // want `user id from JSON body field "user_id" is passed to records\.Save`
		return
	}
	if err := valid.Verify(rec, valid.IDVerify); err != nil {
		return
	}
	records.Save(c.Request.Context(), rec)
}
