// Command resetapp drops the middleware of its application after
// building it with the platform idempotency middleware: its route is
// not decided, rather than decided with the middleware it was built
// with.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/labstack/echo/v4"

	"example.com/layered/appweb/heldkit"
	"example.com/layered/web/webplatform"
)

func main() {
	db, _ := sql.Open("postgres", "")
	e := heldkit.NewEcho(webplatform.Echo())
	e.Reset()
	e.Route(http.MethodPost, "/resets", func(c echo.Context) error {
		_, err := db.ExecContext(c.Request().Context(), `INSERT INTO resets (at) VALUES (now())`)
		return err
	})
	log.Fatal(e.Start(":8080"))
}
