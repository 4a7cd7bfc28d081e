// Package tickets registers its routes on an echo instance, and an admin
// group, its caller owns.
package tickets

import (
	"github.com/labstack/echo/v4"
)

// RegisterRoutes adds the ticket routes to e.
func RegisterRoutes(e *echo.Echo) {
	e.POST("/tickets", create)
	e.GET("/tickets/:id", show)
}

// RegisterAdmin adds the admin routes to g.
func RegisterAdmin(g *echo.Group) {
	g.POST("/tickets/:id/close", create) // want `idemhandler: POST /admin/tickets/:id/close is served without idempotency middleware`
}

func create(c echo.Context) error { work(); return nil }

func show(c echo.Context) error { return nil }

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
