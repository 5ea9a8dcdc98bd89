package handlersfix

import "github.com/labstack/echo/v4"

func echoMe(c echo.Context) error { // want `echo handler echoMe; session: context value "user"; routes: /me; middleware: echoJWT\[auth\]`
	u := c.Get("user")
	return c.JSON(200, u)
}

func echoOrder(c echo.Context) error { // want `echo handler echoOrder; routes: /orders/:id; middleware: echoJWT\[auth\]`
	return c.String(200, c.Param("id"))
}

// not a handler: no error result.
func echoNot(c echo.Context) {}

func echoJWT(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error { // want `echo handler function literal; session: the "token" cookie; passes on`
		if _, err := c.Cookie("token"); err != nil {
			return err
		}
		return next(c)
	}
}

func routesEcho() {
	e := echo.New()
	e.GET("/me", echoMe, echoJWT)
	g := e.Group("/api", echoJWT)
	g.GET("/orders/:id", echoOrder)
}
