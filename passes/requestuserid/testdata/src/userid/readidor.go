package userid

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// Read-side IDOR: a handler behind JWT middleware, which has the verified
// user, reads a user id the client sends instead, and returns the record
// that id selects — any signed-in caller reads anyone's record.

// Profile is a user's record, session key included.
type Profile struct {
	ID         string `json:"id"`
	Email      string `json:"email"`
	SessionKey string `json:"session_key"`
}

// UserService looks users up.
type UserService struct{}

func (s *UserService) Get(id string) (*Profile, error) { return nil, nil }

var users = &UserService{}

func JWTMiddleware() gin.HandlerFunc { return nil }

func ginReadRoutes(r *gin.Engine) {
	api := r.Group("/api", JWTMiddleware())
	api.GET("/me", ginReadHeader)
	api.GET("/profile", ginReadQuery)
	api.GET("/users/:user_id", ginReadParam)
	api.GET("/self", ginReadCompared)
	api.GET("/users/:user_id/view", ginReadRole)
	api.GET("/echo", ginReadEcho)
	api.GET("/reports", ginReadAdminEndpoint)
	api.GET("/orders", ginReadEndpoint)
	api.POST("/lookup", ginReadBody)
}

func ginReadHeader(c *gin.Context) {
	userID := c.GetHeader("x-user-id") // want `user id from header "x-user-id" is passed to users\.Get, whose result is written to the response: the record of any user can be read; take the user id from the verified session or JWT claims instead`
	u, err := users.Get(userID)
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, u)
}

func ginReadQuery(c *gin.Context) {
	u, _ := users.Get(c.Query("user_id")) // want `user id from query parameter "user_id" is passed to users\.Get, whose result is written to the response: the record of any user can be read`
	c.JSON(http.StatusOK, gin.H{"user": u})
}

func ginReadParam(c *gin.Context) {
	u, _ := users.Get(c.Param("user_id")) // want `user id from path parameter "user_id" is passed to users\.Get, whose result is written`
	c.JSON(http.StatusOK, u)
}

func ginReadBody(c *gin.Context) {
	var req struct {
		UserID string `json:"user_id"`
	}
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	u, _ := users.Get(req.UserID) // want `user id from JSON body field "user_id" is passed to users\.Get, whose result is written`
	c.JSON(http.StatusOK, u)
}

// Compared with the verified id: the caller reads their own record.
func ginReadCompared(c *gin.Context) {
	userID := c.GetHeader("x-user-id")
	if userID != c.GetString("userID") {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	u, _ := users.Get(userID)
	c.JSON(http.StatusOK, u)
}

// A role check: an administrator reads other users' records.
func ginReadRole(c *gin.Context) {
	if c.GetString("role") != "admin" {
		c.AbortWithStatus(http.StatusForbidden)
		return
	}
	u, _ := users.Get(c.Param("user_id"))
	c.JSON(http.StatusOK, u)
}

// Only the id itself goes back: nothing is read.
func ginReadEcho(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"user_id": c.Query("user_id")})
}

// An endpoint whose allowed_roles are set: the engine checks the role.
func ginReadAdminEndpoint(c *gin.Context) {
	res, _ := client.API.Post(c.Request.Context(), "user_report", map[string]any{"user_id": c.Query("user_id")})
	c.JSON(http.StatusOK, res)
}

func ginReadEndpoint(c *gin.Context) {
	res, _ := client.API.Post(c.Request.Context(), "list_orders", map[string]any{"user_id": c.Query("user_id")}) // want `user id from query parameter "user_id" is passed to client\.API\.Post, whose result is written to the response`
	c.JSON(http.StatusOK, res)
}

// echo: a database query selects the row, scanned into the record.
func EchoJWT() echo.MiddlewareFunc { return nil }

func echoReadRoutes(e *echo.Echo) {
	g := e.Group("/api", EchoJWT())
	g.GET("/profile", echoReadDB)
	g.GET("/profile/self", echoReadSelf)
}

func echoReadDB(c echo.Context) error {
	uid := c.QueryParam("user_id") // want `user id from query parameter "user_id" is passed to db\.QueryRowContext, whose result is written to the response: the record of any user can be read`
	var p Profile
	if err := db.QueryRowContext(c.Request().Context(), "SELECT id, email FROM users WHERE id = $1", uid).Scan(&p.ID, &p.Email); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func echoReadSelf(c echo.Context) error {
	me := c.Get("user").(*User)
	uid := c.QueryParam("user_id")
	if uid != me.ID {
		return c.NoContent(http.StatusForbidden)
	}
	u, err := users.Get(uid)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

// fiber: behind a protecting middleware.
func Protected() fiber.Handler { return nil }

func fiberReadRoutes(app *fiber.App) {
	app.Get("/api/users/:uid", Protected(), fiberReadParam)
	app.Get("/public/users/:uid", fiberReadPublic)
}

func fiberReadParam(c *fiber.Ctx) error {
	u, err := users.Get(c.Params("uid")) // want `user id from path parameter "uid" is passed to users\.Get, whose result is written`
	if err != nil {
		return err
	}
	return c.JSON(u)
}

// Not signed in: a public directory page addresses the user resource.
func fiberReadPublic(c *fiber.Ctx) error {
	u, err := users.Get(c.Params("uid"))
	if err != nil {
		return err
	}
	return c.JSON(u)
}

// chi / net/http: written with json.NewEncoder(w).Encode.
func AuthRequired(next http.Handler) http.Handler { return next }

func chiReadRoutes(r chi.Router) {
	r.With(AuthRequired).Get("/users/{userID}", chiReadParam)
	r.With(AuthRequired).Get("/users/{userID}/raw", chiReadWrite)
}

func chiReadParam(w http.ResponseWriter, r *http.Request) {
	u, err := users.Get(chi.URLParam(r, "userID")) // want `user id from path parameter "userID" is passed to users\.Get, whose result is written to the response`
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(u)
}

func chiReadWrite(w http.ResponseWriter, r *http.Request) {
	u, _ := users.Get(chi.URLParam(r, "userID")) // want `user id from path parameter "userID" is passed to users\.Get, whose result is written to the response`
	b, _ := json.Marshal(u)
	w.Write(b)
}

// A store's map selected by the id (a signed-in handler: it reads the
// verified user).
type userDB struct{ Users map[string]*Profile }

var globalDb = &userDB{}

func apiGetUser(w http.ResponseWriter, r *http.Request) {
	if UserFromContext(r.Context()) == nil {
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	userID := r.URL.Query().Get("userId") // want `user id from query parameter "userId" is passed to the lookup globalDb\.Users\[userID\], whose result is written to the response: the record of any user can be read`
	u, ok := globalDb.Users[userID]
	if !ok {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"id": u.ID, "email": u.Email})
}

// Not signed in, or a map the handler built: silent.
func apiGetUserPublic(w http.ResponseWriter, r *http.Request) {
	u := globalDb.Users[r.URL.Query().Get("userId")]
	json.NewEncoder(w).Encode(u)
}

func apiGreeting(w http.ResponseWriter, r *http.Request) {
	if UserFromContext(r.Context()) == nil {
		return
	}
	greetings := map[string]string{"u1": "hello"}
	json.NewEncoder(w).Encode(greetings[r.URL.Query().Get("userId")])
}
