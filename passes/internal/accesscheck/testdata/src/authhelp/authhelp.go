package authhelp

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

// The golang-jwt-project template's check: a user reads their own record.
func MatchUserTypeToUid(c *gin.Context, userID string) error { // want MatchUserTypeToUid:`checks\[1\]`
	userType := c.GetString("user_type")
	uid := c.GetString("uid")
	if userType == "USER" && uid != userID {
		return errors.New("unauthorized")
	}
	return nil
}

// Handed to a check of the package.
func Through(c *gin.Context, userID string) error { // want Through:`checks\[1\]`
	return MatchUserTypeToUid(c, userID)
}

// Converted before the comparison, the verdict a bool.
func SameUser(r *http.Request, id int) bool { // want SameUser:`checks\[1\]`
	return strconv.Itoa(id) == r.Header.Get("Authorization")
}

// Only the id's shape, or a comparison with a constant: no check.
func CheckFormat(c *gin.Context, userID string) error {
	if userID == "" || userID == "root" {
		return errors.New("bad id")
	}
	return nil
}

// No verdict returned: no check.
func Log(c *gin.Context, userID string) {
	if c.GetString("uid") != userID {
		println("other user")
	}
}
