// Package authhelp holds access checks of the project in another package
// than its handlers (the golang-jwt-project template's helpers).
package authhelp

import (
	"errors"

	"github.com/gin-gonic/gin"
)

// MatchUserTypeToUid lets a user read their own record only: it compares
// the id with the one the authentication middleware put in the context.
func MatchUserTypeToUid(c *gin.Context, userID string) error {
	userType := c.GetString("user_type")
	uid := c.GetString("uid")
	if userType == "USER" && uid != userID {
		return errors.New("unauthorized to access this resource")
	}
	return nil
}

// MatchThrough hands the comparison to MatchUserTypeToUid.
func MatchThrough(c *gin.Context, userID string) error {
	return MatchUserTypeToUid(c, userID)
}

// CheckFormat only checks the id's shape: no access check.
func CheckFormat(c *gin.Context, userID string) error {
	if userID == "" {
		return errors.New("missing id")
	}
	return nil
}
