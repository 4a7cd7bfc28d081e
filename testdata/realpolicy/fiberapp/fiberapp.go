// Package fiberapp uses the real gofiber/fiber v2 idempotency middleware.
package fiberapp

import (
	"database/sql"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/idempotency"
)

// DB is where the handlers write.
var DB *sql.DB

func handle(c *fiber.Ctx) error {
	if _, err := DB.ExecContext(c.UserContext(), `INSERT INTO things (name) VALUES ($1)`, c.FormValue("name")); err != nil {
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
		Storage:  nil,
	}), handle)
	app.Post("/v1/payments", idempotency.New(idempotency.Config{Lifetime: 7 * 24 * time.Hour, Storage: shared}), handle)
	app.Post("/v1/likes", idempotency.New(idempotency.ConfigDefault), handle) // want `idemttl: ttl 30m0s < 24h0m0s required on POST /v1/likes` `idemstore: the default in-memory storage of idempotency.New is an in-process dedup store guarding POST /v1/likes`
	app.Get("/v1/carts/:id", idempotency.New(), handle)
	return app.Listen(":8080")
}
