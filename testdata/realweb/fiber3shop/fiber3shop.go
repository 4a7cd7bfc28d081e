// Package fiber3shop registers its routes through the application's
// fiber v3 router type and serves them.
package fiber3shop

import (
	"database/sql"
	"net/http"

	"github.com/gofiber/fiber/v3"

	"example.com/realweb/fiber3kit"
	"example.com/realweb/platform/idemweb"
)

// DB is the database the handlers write to.
var DB *sql.DB

func create(c fiber.Ctx) error {
	if _, err := DB.ExecContext(c.Context(), `INSERT INTO baskets (name) VALUES ($1)`, c.FormValue("name")); err != nil {
		return err
	}
	return c.SendStatus(http.StatusCreated)
}

func read(c fiber.Ctx) error { return c.SendString(c.Params("id")) }

// Serve registers the routes and serves them.
func Serve(addr string) error {
	a := fiber3kit.New()
	a.Handle(fiber.MethodPost, "/baskets", create) // want `idemhandler: POST /baskets is served without idempotency middleware`
	a.Handle("patch", "/baskets/:id", create)      // want `idemhandler: PATCH /baskets/:id is served without idempotency middleware`
	a.Handle(fiber.MethodGet, "/baskets/:id", read)
	a.Versioned(fiber.MethodPost, "v2", "/baskets", create) // want `idemhandler: POST /v2/baskets is served without idempotency middleware`
	a.Get(fiber.MethodPost, "/baskets/export", create)      // registered for GET whatever the method given
	a.F.Use(idemweb.Fiber3())
	a.Handle(fiber.MethodPost, "/orders", create) // after the platform middleware: protected
	return a.Listen(addr)
}
