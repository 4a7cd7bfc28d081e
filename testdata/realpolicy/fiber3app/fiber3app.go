// Package fiber3app uses the real gofiber/fiber v3 idempotency middleware,
// whose configuration and defaults are v2's.
package fiber3app

import (
	"database/sql"
	"time"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/idempotency"
)

// DB is where the handlers write.
var DB *sql.DB

func handle(c fiber.Ctx) error {
	if _, err := DB.ExecContext(c.Context(), `INSERT INTO things (name) VALUES ($1)`, c.FormValue("name")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusCreated)
}

// Serve serves the app with shared storage given by the caller.
func Serve(shared fiber.Storage) error {
	app := fiber.New()
	app.Post("/v1/carts", idempotency.New(), handle)            // want `idemttl: ttl 30m0s < 24h0m0s required on POST /v1/carts \(the default lifetime of idempotency.New: ` `idemstore: the default in-memory storage of idempotency.New is an in-process dedup store guarding POST /v1/carts`
	app.Post("/v1/refunds", idempotency.New(idempotency.Config{ // want `idemstore: the default in-memory storage of idempotency.New is an in-process dedup store guarding POST /v1/refunds`
		Lifetime: 48 * time.Hour, // want `idemttl: ttl 48h0m0s < 72h0m0s required on financial route POST /v1/refunds`
	}), handle)
	app.Post("/v1/payments", idempotency.New(idempotency.Config{Lifetime: 7 * 24 * time.Hour, Storage: shared}), handle)
	app.Post("/v1/likes", idempotency.New(idempotency.ConfigDefault), handle) // want `idemttl: ttl 30m0s < 24h0m0s required on POST /v1/likes` `idemstore: the default in-memory storage of idempotency.New is an in-process dedup store guarding POST /v1/likes`
	app.Use("/v1/orders", idempotency.New(idempotency.Config{Lifetime: 72 * time.Hour, Storage: shared}))
	app.Post("/v1/orders", handle)
	app.Get("/v1/carts/:id", idempotency.New(), handle)
	return app.Listen(":8080")
}
