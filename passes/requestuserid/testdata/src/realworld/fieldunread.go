package realworld

import (
	"realworld/media"

	"github.com/gin-gonic/gin"
)

// A bound body holding the uploader's id, passed whole to a service of
// another package that reads other fields only (the file's ID and name):
// the id is not used (flipped-aurora/gin-vue-admin's EditFileName and
// DeleteFile).
func renameFile(c *gin.Context) {
	var f media.File
	if err := c.ShouldBindJSON(&f); err != nil {
		return
	}
	media.Files.Rename(c.Request.Context(), f)
}

func deleteFile(c *gin.Context) {
	var f media.File
	if err := c.ShouldBindJSON(&f); err != nil {
		return
	}
	media.Files.Delete(c.Request.Context(), &f)
}

// Stored whole: the uploader is whoever the body names.
func createFile(c *gin.Context) {
	var f media.File
	if err := c.ShouldBindJSON(&f); err != nil { // want `user id from JSON body field "userId" is passed to media\.Files\.Create`
		return
	}
	media.Files.Create(c.Request.Context(), f)
}
