package realworld

import (
	"realworld/media"
	"realworld/media/repository"

	"gorm.io/gorm"

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

// gorm deletes by the primary key: the body's user id is not used.
type opRecord struct {
	gorm.Model
	UserID uint `json:"user_id"`
}

var orm *gorm.DB

func deleteRecord(c *gin.Context) {
	var rec opRecord
	if err := c.ShouldBindJSON(&rec); err != nil {
		return
	}
	orm.Delete(&rec)
}

func saveRecordORM(c *gin.Context) {
	var rec opRecord
	if err := c.ShouldBindJSON(&rec); err != nil { // want `user id from JSON body field "user_id" is passed to orm\.Save`
		return
	}
	orm.Save(&rec)
}

// Layered (hotien2107/go-gin-api-with-auth): handler, service, repository,
// each in its own package. The repository's update reads the event's ID
// and name, never its owner: the body's user id is not used.
func updateEvent(c *gin.Context) {
	var e repository.Event
	if err := c.ShouldBindJSON(&e); err != nil {
		return
	}
	media.Events.Update(&e)
}

// Stored whole beneath the service: the owner is whoever the body names.
func insertEvent(c *gin.Context) {
	var e repository.Event
	if err := c.ShouldBindJSON(&e); err != nil { // want `user id from JSON body field "userId" is passed to media\.Events\.Insert`
		return
	}
	media.Events.Insert(&e)
}
