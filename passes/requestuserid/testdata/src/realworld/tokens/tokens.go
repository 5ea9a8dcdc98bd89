// Package tokens has one handler: its first source is a bound value whose
// id field is copied into another struct given to a service
// (gin-vue-admin's CreateApiToken, which crashed the pass).
package tokens

import (
	"realworld/media"

	"github.com/gin-gonic/gin"
)

func createToken(c *gin.Context) {
	var req struct {
		UserID uint `json:"userId"`
		Days   int  `json:"days"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	f := media.File{UserID: req.UserID, Name: "token"} // want `user id from JSON body field "userId" is passed to media\.Files\.Create`
	media.Files.Create(c.Request.Context(), f)
}
