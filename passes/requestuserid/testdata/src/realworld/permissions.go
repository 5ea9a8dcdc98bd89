package realworld

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// A permission given with the handler to a wrapper (listmonk's
// pm(h, "users:manage")): the handler acts on other users by design.
type App struct{ store DataStore }

func (a *App) DeleteUser(c echo.Context) error {
	id, _ := strconv.Atoi(c.Param("user_id"))
	return a.store.DeleteUser("site", strconv.Itoa(id))
}

// A wrapper given a name that is not a permission: reported.
func (a *App) UserOrders(c echo.Context) error {
	_, err := a.store.OrdersFor(c.Request().Context(), c.Param("user_id")) // want `user id from path parameter "user_id" is passed to a\.store\.OrdersFor`
	return err
}

func pm(h echo.HandlerFunc, perms ...string) echo.HandlerFunc { return h }
func traced(h echo.HandlerFunc, name string) echo.HandlerFunc { return h }

func echoRoutes(e *echo.Echo, a *App) {
	g := e.Group("/api")
	g.DELETE("/users/:user_id", pm(a.DeleteUser, "users:manage"))
	g.GET("/users/:user_id/orders", traced(a.UserOrders, "user_orders"))
}
