// Package fiber uses gofiber's idempotency middleware, whose default
// storage is in-process memory.
package fiber

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/idempotency"
)

func handle(c *fiber.Ctx) error { work(); return nil }

func main() {
	app := fiber.New()
	app.Post("/v1/carts", idempotency.New(), handle)                                               // want `the default in-memory storage of idempotency.New is an in-process dedup store guarding POST /v1/carts`
	app.Post("/v1/refunds", idempotency.New(idempotency.Config{Lifetime: 72 * time.Hour}), handle) // want `the default in-memory storage of idempotency.New is an in-process dedup store guarding POST /v1/refunds`
	app.Get("/v1/carts/:id", idempotency.New(), handle)
	app.Listen(":8080")
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
