package handlersfix

import "github.com/gin-gonic/gin"

func ginProfile(c *gin.Context) { // want `gin handler ginProfile; session: context value "claims"; routes: /profile`
	claims := c.MustGet("claims")
	c.JSON(200, claims)
}

func ginToken(c *gin.Context) { // want `gin handler ginToken; session: the "Authorization" header`
	_ = c.GetHeader("Authorization")
}

func ginPublic(c *gin.Context) { // want `gin handler ginPublic; routes: /public`
	c.String(200, "hi %s", c.Query("name"))
}

func ginAdmin(c *gin.Context) {} // want `gin handler ginAdmin; routes: /users; middleware: adminOnly, AuthRequired\(\)\[auth\]$`

// AuthRequired is gin middleware.
func AuthRequired() gin.HandlerFunc {
	return func(c *gin.Context) { // want `gin handler function literal; session: the "Authorization" header; passes on`
		if c.GetHeader("Authorization") == "" {
			c.AbortWithStatus(401)
			return
		}
		c.Next()
	}
}

var adminOnly gin.HandlerFunc

func routesGin() {
	r := gin.Default()
	r.GET("/profile", ginProfile)
	r.GET("/public", ginPublic)
	admin := r.Group("/admin", AuthRequired())
	admin.GET("/users", adminOnly, ginAdmin)
}
