package realworld

import (
	"net/http"
	"strconv"

	"realworld/authhelp"

	"github.com/gin-gonic/gin"
)

// The caller's access is checked by a function of another package that
// compares the id with the verified one: the caller reads their own record.
func getUserChecked(c *gin.Context) {
	userID := c.Param("user_id")
	if err := authhelp.MatchUserTypeToUid(c, userID); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	id, _ := strconv.Atoi(userID)
	u, _ := store.GetUser(id)
	c.JSON(http.StatusOK, u)
}

func getUserCheckedThrough(c *gin.Context) {
	userID := c.Param("user_id")
	if err := authhelp.MatchThrough(c, userID); err != nil {
		return
	}
	id, _ := strconv.Atoi(userID)
	u, _ := store.GetUser(id)
	c.JSON(http.StatusOK, u)
}

// A check of the id's shape is no access check.
func getUserShape(c *gin.Context) {
	userID := c.Param("user_id") // want `user id from path parameter "user_id" is passed to authhelp\.CheckFormat`
	if err := authhelp.CheckFormat(c, userID); err != nil {
		return
	}
	id, _ := strconv.Atoi(userID)
	u, _ := store.GetUser(id)
	c.JSON(http.StatusOK, u)
}
