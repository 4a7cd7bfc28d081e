// Package fiber uses gofiber's idempotency middleware, whose default
// lifetime is 30 minutes.
package fiber

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/idempotency"
)

func handle(c *fiber.Ctx) error { work(); return nil }

func lifetime() time.Duration { return time.Hour }

func main() {
	app := fiber.New()
	app.Post("/v1/carts", idempotency.New(), handle)                                               // want `ttl 30m0s < 24h0m0s required on POST /v1/carts \(the default lifetime of idempotency.New: `
	app.Post("/v1/refunds", idempotency.New(idempotency.Config{Lifetime: 48 * time.Hour}), handle) // want `ttl 48h0m0s < 72h0m0s required on financial route POST /v1/refunds \(Lifetime: 48 \* time.Hour: `
	cfg := idempotency.Config{KeyHeader: "Idempotency-Key"}
	app.Post("/v1/likes", idempotency.New(cfg), handle)                              // want `ttl 30m0s < 24h0m0s required on POST /v1/likes \(the default lifetime`
	app.Post("/v1/orders", idempotency.New(idempotency.Config{Lifetime: 0}), handle) // want `ttl 30m0s < 72h0m0s required on financial route POST /v1/orders \(the default lifetime`
	app.Post("/v1/reviews", idempotency.New(idempotency.Config{Lifetime: 7 * 24 * time.Hour}), handle)

	// Near misses: a lifetime computed at run time, reads.
	app.Post("/v1/comments", idempotency.New(idempotency.Config{Lifetime: lifetime()}), handle)
	app.Get("/v1/carts/:id", idempotency.New(), handle)

	// Use covers the routes registered after it.
	app.Post("/v1/drafts", handle)
	app.Use(idempotency.New(idempotency.Config{Lifetime: time.Hour})) // want `ttl 1h0m0s < 24h0m0s required on POST /v1/wishlists`
	app.Post("/v1/wishlists", handle)
	app.Listen(":8080")
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
