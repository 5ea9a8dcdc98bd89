package userid

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

// Sibling handlers registered inline in one setup function: the role check
// or the identity comparison of one handler covers that handler only.

type claimsT struct {
	Sub  string
	Role string
}

func ginSiblings(r *gin.Engine) {
	r.GET("/admin/report", func(c *gin.Context) {
		if c.GetString("role") != "admin" {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		store.OrdersFor(c.Request.Context(), c.Query("user_id"))
	})
	r.GET("/orders", func(c *gin.Context) {
		store.OrdersFor(c.Request.Context(), c.Query("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	})
	r.GET("/users/:userID/orders", func(c *gin.Context) {
		uid := c.Param("userID") // want `user id from path parameter "userID" is passed to store\.OrdersFor`
		store.OrdersFor(c.Request.Context(), uid)
	})
	r.GET("/mine", func(c *gin.Context) {
		claims := c.MustGet("claims").(*claimsT)
		uid := c.Query("uid")
		if uid != claims.Sub {
			c.AbortWithStatus(http.StatusForbidden)
			return
		}
		store.OrdersFor(c.Request.Context(), uid)
	})
	r.DELETE("/orders", func(c *gin.Context) {
		store.OrdersFor(c.Request.Context(), c.Query("uid")) // want `user id from query parameter "uid" is passed to store\.OrdersFor`
	})
}

func echoSiblings(e *echo.Echo) {
	e.GET("/report", func(c echo.Context) error {
		claims := c.Get("claims").(*claimsT)
		if claims.Role != "admin" {
			return c.NoContent(http.StatusForbidden)
		}
		_, err := store.OrdersFor(c.Request().Context(), c.QueryParam("user_id"))
		return err
	})
	e.GET("/orders", func(c echo.Context) error {
		_, err := store.OrdersFor(c.Request().Context(), c.QueryParam("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
		return err
	})
	e.GET("/mine", func(c echo.Context) error {
		claims := c.Get("claims").(*claimsT)
		if uid := c.Param("uid"); uid == claims.Sub {
			_, err := store.OrdersFor(c.Request().Context(), uid)
			return err
		}
		return c.NoContent(http.StatusForbidden)
	})
	e.POST("/orders", func(c echo.Context) error {
		uid := c.Param("uid") // want `user id from path parameter "uid" is passed to store\.OrdersFor`
		_, err := store.OrdersFor(c.Request().Context(), uid)
		return err
	})
}

func chiSiblings(r chi.Router) {
	r.Get("/report", func(w http.ResponseWriter, r *http.Request) {
		if !HasRole(r.Context(), "admin") {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		store.OrdersFor(r.Context(), chi.URLParam(r, "userID"))
	})
	r.Get("/orders", func(w http.ResponseWriter, r *http.Request) {
		store.OrdersFor(r.Context(), chi.URLParam(r, "userID")) // want `user id from path parameter "userID" is passed to store\.OrdersFor`
	})
	r.Get("/mine", func(w http.ResponseWriter, r *http.Request) {
		me := UserFromContext(r.Context())
		uid := r.URL.Query().Get("user_id")
		if uid != me.ID {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		store.OrdersFor(r.Context(), uid)
	})
	r.Post("/orders", func(w http.ResponseWriter, r *http.Request) {
		store.OrdersFor(r.Context(), r.URL.Query().Get("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
	})
}

func fiberSiblings(app *fiber.App) {
	app.Get("/report", func(c *fiber.Ctx) error {
		u := c.Locals("user").(*User)
		if u.Role != "admin" {
			return c.SendStatus(http.StatusForbidden)
		}
		_, err := store.OrdersFor(c.UserContext(), c.Query("user_id"))
		return err
	})
	app.Get("/orders", func(c *fiber.Ctx) error {
		_, err := store.OrdersFor(c.UserContext(), c.Query("user_id")) // want `user id from query parameter "user_id" is passed to store\.OrdersFor`
		return err
	})
	app.Get("/mine", func(c *fiber.Ctx) error {
		u := c.Locals("user").(*User)
		uid := c.Params("uid")
		if uid != u.ID {
			return c.SendStatus(http.StatusForbidden)
		}
		_, err := store.OrdersFor(c.UserContext(), uid)
		return err
	})
	app.Post("/orders", func(c *fiber.Ctx) error {
		_, err := store.OrdersFor(c.UserContext(), c.Params("uid")) // want `user id from path parameter "uid" is passed to store\.OrdersFor`
		return err
	})
}

func muxSiblings(r *mux.Router) {
	r.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		if u := UserFromContext(r.Context()); u.Role != "admin" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		store.OrdersFor(r.Context(), mux.Vars(r)["user_id"])
	})
	r.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		store.OrdersFor(r.Context(), mux.Vars(r)["user_id"]) // want `user id from path parameter "user_id" is passed to store\.OrdersFor`
	})
	r.HandleFunc("/mine", func(w http.ResponseWriter, r *http.Request) {
		uid := mux.Vars(r)["uid"]
		if uid != UserFromContext(r.Context()).ID {
			return
		}
		store.OrdersFor(r.Context(), uid)
	})
}

func netHTTPSiblings(m *http.ServeMux) {
	m.HandleFunc("GET /report", func(w http.ResponseWriter, r *http.Request) {
		if UserFromContext(r.Context()).Role != "admin" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		store.OrdersFor(r.Context(), r.PathValue("user_id"))
	})
	m.HandleFunc("GET /orders/{user_id}", func(w http.ResponseWriter, r *http.Request) {
		store.OrdersFor(r.Context(), r.PathValue("user_id")) // want `user id from path parameter "user_id" is passed to store\.OrdersFor`
	})
	m.HandleFunc("GET /mine", func(w http.ResponseWriter, r *http.Request) {
		uid := r.Header.Get("X-User-Id")
		if !strings.EqualFold(uid, UserFromContext(r.Context()).ID) {
			return
		}
		store.OrdersFor(r.Context(), uid)
	})
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		store.OrdersFor(r.Context(), r.Header.Get("X-User-Id")) // want `user id from header "X-User-Id" is passed to store\.OrdersFor`
	})
}

// A closure the handler calls is part of the handler: its role check
// covers the handler.
func helperClosure(m *http.ServeMux) {
	m.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		allowed := func(r *http.Request) bool { return UserFromContext(r.Context()).Role == "admin" }
		if !allowed(r) {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		store.OrdersFor(r.Context(), r.URL.Query().Get("user_id"))
	})
}
