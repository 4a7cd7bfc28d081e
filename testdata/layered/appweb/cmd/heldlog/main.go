// Command heldlog builds the application's gin and echo routers with
// middleware that is not the platform's: each mutating route is
// reported at its call.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"

	"example.com/layered/appweb/heldkit"
)

func main() {
	db, _ := sql.Open("postgres", "")
	g := heldkit.NewGin(gin.Logger(), gin.Recovery())
	g.Route(http.MethodPost, "/transfers", func(c *gin.Context) { // want `idemhandler: POST /transfers is served without idempotency middleware`
		db.ExecContext(c.Request.Context(), `INSERT INTO transfers (amount) VALUES ($1)`, c.PostForm("amount"))
	})
	g.Handle(http.MethodPost, "/deposits", func(c *gin.Context) { // want `idemhandler: POST /deposits is served without idempotency middleware`
		db.ExecContext(c.Request.Context(), `INSERT INTO deposits (amount) VALUES ($1)`, c.PostForm("amount"))
	})
	g.Route(http.MethodGet, "/transfers", func(c *gin.Context) {
		db.QueryContext(c.Request.Context(), `SELECT amount FROM transfers`)
	})
	e := heldkit.NewEcho(logRequests)
	e.Route(http.MethodPost, "/withdrawals", func(c echo.Context) error { // want `idemhandler: POST /withdrawals is served without idempotency middleware`
		_, err := db.ExecContext(c.Request().Context(), `INSERT INTO withdrawals (amount) VALUES ($1)`, c.FormValue("amount"))
		return err
	})
	s := heldkit.NewServer(logRequests)
	s.Add(http.MethodPost, "/refunds", func(c echo.Context) error { // want `idemhandler: POST /refunds is served without idempotency middleware`
		_, err := db.ExecContext(c.Request().Context(), `INSERT INTO refunds (amount) VALUES ($1)`, c.FormValue("amount"))
		return err
	})
	go func() { log.Fatal(g.Run(":8081")) }()
	go func() { log.Fatal(e.Start(":8082")) }()
	log.Fatal(s.Start(":8083"))
}

func logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		log.Println(c.Request().Method, c.Path())
		return next(c)
	}
}
