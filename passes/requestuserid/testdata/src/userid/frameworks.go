package userid

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

func chiOrders(w http.ResponseWriter, r *http.Request) {
	uid := chi.URLParam(r, "userID") // want `user id from path parameter "userID" is passed to store\.OrdersFor`
	store.OrdersFor(r.Context(), uid)
}

func chiOrder(w http.ResponseWriter, r *http.Request) {
	store.Order(r.Context(), chi.URLParam(r, "id"))
}

func muxOrders(w http.ResponseWriter, r *http.Request) {
	uid := mux.Vars(r)["user_id"] // want `user id from path parameter "user_id" is passed to store\.OrdersFor`
	store.OrdersFor(r.Context(), uid)
}

func muxOrder(w http.ResponseWriter, r *http.Request) {
	store.Order(r.Context(), mux.Vars(r)["id"])
}

func ginOrders(c *gin.Context) {
	uid := c.Query("user_id") // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	list, _ := store.OrdersFor(c.Request.Context(), uid)
	c.JSON(http.StatusOK, list)
}

func ginParam(c *gin.Context) {
	store.OrdersFor(c.Request.Context(), c.Param("uid")) // want `user id from path parameter "uid" is passed to store\.OrdersFor`
}

func ginHeader(c *gin.Context) {
	store.OrdersFor(c.Request.Context(), c.GetHeader("X-User-ID")) // want `user id from header "X-User-ID" is passed to store\.OrdersFor`
}

type ginOrderReq struct {
	UserID string   `json:"user_id" binding:"required"`
	Items  []string `json:"items"`
}

func ginBind(c *gin.Context) {
	var req ginOrderReq
	if err := c.ShouldBindJSON(&req); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	client.API.Post(c.Request.Context(), "create_order", map[string]any{"user_id": req.UserID, "items": req.Items}) // want `user id from JSON body field "user_id" is passed to client\.API\.Post`
}

// The user the auth middleware put in the context: fine.
func ginSession(c *gin.Context) {
	uid := c.GetString("userID")
	list, _ := store.OrdersFor(c.Request.Context(), uid)
	c.JSON(http.StatusOK, list)
}

// Compared with the claims.
func ginCompared(c *gin.Context) {
	claims := c.MustGet("claims").(*User)
	uid := c.Query("user_id")
	if uid != claims.ID {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	store.OrdersFor(c.Request.Context(), uid)
}

// Behind role middleware.
func ginAdminOrders(c *gin.Context) {
	store.OrdersFor(c.Request.Context(), c.Query("user_id"))
}

func RequireRole(role string) gin.HandlerFunc { return nil }

func ginRoutes() {
	r := gin.Default()
	r.GET("/orders", ginOrders)
	admin := r.Group("/admin", RequireRole("admin"))
	admin.GET("/orders", ginAdminOrders)
}

func echoOrders(c echo.Context) error {
	uid := c.QueryParam("user_id") // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	list, _ := store.OrdersFor(c.Request().Context(), uid)
	return c.JSON(http.StatusOK, list)
}

func echoBind(c echo.Context) error {
	var req OrderRequest
	if err := c.Bind(&req); err != nil { // want `user id from JSON body field "owner_id" is passed to store\.Create`
		return err
	}
	return store.Create(c.Request().Context(), req)
}

func echoSession(c echo.Context) error {
	u := c.Get("user").(*User)
	list, _ := store.OrdersFor(c.Request().Context(), u.ID)
	return c.JSON(http.StatusOK, list)
}

func fiberOrders(c *fiber.Ctx) error {
	uid := c.Query("user_id") // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	list, _ := store.OrdersFor(c.UserContext(), uid)
	return c.JSON(list)
}

func fiberHeader(c *fiber.Ctx) error {
	_, err := store.Order(c.UserContext(), c.Get("X-User-Id")) // want `user id from header "X-User-Id" is passed to store\.Order`
	return err
}

func fiberBody(c *fiber.Ctx) error {
	var req struct {
		UID string `json:"uid"`
	}
	if err := c.BodyParser(&req); err != nil {
		return err
	}
	_, err := store.Order(c.UserContext(), req.UID) // want `user id from JSON body field "uid" is passed to store\.Order`
	return err
}

func fiberSession(c *fiber.Ctx) error {
	u := c.Locals("user").(*User)
	_, err := store.Order(c.UserContext(), u.ID)
	return err
}

func fiberRoleChecked(c *fiber.Ctx) error {
	u := c.Locals("user").(*User)
	switch u.Role {
	case "admin", "support":
	default:
		return c.SendStatus(http.StatusForbidden)
	}
	_, err := store.Order(c.UserContext(), c.Params("uid"))
	return err
}
