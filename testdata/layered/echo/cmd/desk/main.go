// Command desk serves the ticket routes. Echo's Use covers every route of
// the instance, registered before or after it; a group's Use covers only
// the routes added to the group after it.
package main

import (
	"log"

	"github.com/labstack/echo/v4"

	"example.com/layered/echo/tickets"
	"example.com/layered/web/webplatform"
)

func main() {
	e := echo.New()
	tickets.RegisterRoutes(e)
	e.Use(webplatform.Echo())
	go e.Start(":8080")

	admin := echo.New()
	g := admin.Group("/admin")
	tickets.RegisterAdmin(g)
	g.Use(webplatform.Echo())
	log.Fatal(admin.Start(":8081"))
}
