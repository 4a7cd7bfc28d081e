// Command heldidem builds the application's gin and echo routers with
// the platform idempotency middleware, which they keep in a field and
// apply to every route: no route is reported. The route of a router
// that applies it in a method that may run after the route is
// registered is not decided.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"

	"example.com/layered/appweb/heldkit"
	"example.com/layered/web/webplatform"
)

func main() {
	db, _ := sql.Open("postgres", "")
	g := heldkit.NewGin(gin.Recovery(), webplatform.Gin())
	g.Route(http.MethodPost, "/transfers", func(c *gin.Context) {
		db.ExecContext(c.Request.Context(), `INSERT INTO transfers (amount) VALUES ($1)`, c.PostForm("amount"))
	})
	g.Handle(http.MethodPost, "/deposits", func(c *gin.Context) {
		db.ExecContext(c.Request.Context(), `INSERT INTO deposits (amount) VALUES ($1)`, c.PostForm("amount"))
	})
	e := heldkit.NewEcho(webplatform.Echo())
	e.Route(http.MethodPost, "/withdrawals", func(c echo.Context) error {
		_, err := db.ExecContext(c.Request().Context(), `INSERT INTO withdrawals (amount) VALUES ($1)`, c.FormValue("amount"))
		return err
	})
	s := heldkit.NewServer(webplatform.Echo())
	s.Add(http.MethodPost, "/refunds", func(c echo.Context) error {
		_, err := db.ExecContext(c.Request().Context(), `INSERT INTO refunds (amount) VALUES ($1)`, c.FormValue("amount"))
		return err
	})
	l := heldkit.NewLate(webplatform.Gin())
	l.Handle(http.MethodPost, "/payouts", func(c *gin.Context) {
		db.ExecContext(c.Request.Context(), `INSERT INTO payouts (amount) VALUES ($1)`, c.PostForm("amount"))
	})
	go func() { log.Fatal(l.Run(":8084")) }()
	go func() { log.Fatal(g.Run(":8081")) }()
	go func() { log.Fatal(e.Start(":8082")) }()
	log.Fatal(s.Start(":8083"))
}
