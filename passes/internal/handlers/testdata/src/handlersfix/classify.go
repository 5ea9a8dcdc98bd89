package handlersfix

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	fiberv3 "github.com/gofiber/fiber/v3"
)

func classified(w http.ResponseWriter, r *http.Request) { // want `net/http handler classified; session: the "sid" cookie`
	_ = r.URL.Query().Get("user_id") // want `call: read query parameter "user_id"` `call: read query parameter ""`
	r.Cookie("sid")                  // want `call: read cookie "sid"; session the "sid" cookie`
	json.NewEncoder(w).Encode(nil)   // want `call: write JSON`
	var v struct{}
	json.NewDecoder(r.Body).Decode(&v) // want `call: bind JSON body field`
}

func classifiedGin(c *gin.Context) { // want `gin handler classifiedGin`
	c.JSON(200, c.Param("id")) // want `call: write JSON` `call: read path parameter "id"`
}

func classifyFiberV3(c fiberv3.Ctx) error { // want `fiber handler classifyFiberV3`
	var req struct{ Name string }
	_ = c.Bind().Body(&req)                          // want `call: bind JSON body field`
	_ = fiberv3.Params[int](c, "user_id")            // want `call: read path parameter "user_id"`
	_ = fiberv3.Locals[string](c, "claims")          // want `call: session context value "claims"`
	return c.JSON(fiberv3.Map{"name": c.Query("q")}) // want `call: write JSON` `call: read query parameter "q"`
}
