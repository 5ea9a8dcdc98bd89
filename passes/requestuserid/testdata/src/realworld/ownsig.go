package realworld

import (
	"strconv"

	"github.com/labstack/echo/v4"
)

// Handlers of the project's own shape (dzungtran/echo-rest-api's
// func(echo.Context) wrapper.Response), adapted for the router by a
// function of the project: registered all the same, so their routes count.
type reply struct {
	Status int
	Data   any
}

func wrap(h func(c echo.Context) reply) echo.HandlerFunc { return nil }

type userPages struct{ store DataStore }

// Under an admin group, whose path has no leading slash: an administrator
// reading any user.
func (u *userPages) byID(c echo.Context) reply {
	id, _ := strconv.Atoi(c.Param("userId"))
	return reply{Data: u.store.DeleteUser("site", strconv.Itoa(id))}
}

// The same shape under the signed-in user's group: reported.
func (u *userPages) ordersOf(c echo.Context) reply {
	orders, _ := u.store.OrdersFor(c.Request().Context(), c.Param("userId")) // want `user id from path parameter "userId" is passed to u\.store\.OrdersFor`
	return reply{Data: orders}
}

func ownSigRoutes(g *echo.Group) {
	users := g.Group("admin/users/:userId", Authn())
	users.GET("", wrap((&userPages{}).byID))
	me := g.Group("me", Authn())
	me.GET("/orders/:userId", wrap((&userPages{}).ordersOf))
}

func Authn() echo.MiddlewareFunc { return nil }
