// Package fibershop registers its routes through the application's fiber
// router type.
package fibershop

import (
	"github.com/gofiber/fiber/v2"

	"example.com/layered/appweb/fiberkit"
)

// Register adds the basket routes.
func Register(a *fiberkit.App) {
	a.Handle(fiber.MethodPost, "/baskets", addBasket) // want `idemhandler: POST /baskets is served without idempotency middleware`
	a.Handle("patch", "/baskets/:id", addBasket)      // want `idemhandler: PATCH /baskets/:id is served without idempotency middleware`
	a.Handle(fiber.MethodGet, "/baskets", listBaskets)
	a.Versioned(fiber.MethodPut, "v2", "/baskets/:id", addBasket)
	a.Versioned(fiber.MethodPost, "v2", "/baskets", addBasket) // want `idemhandler: POST /v2/baskets is served without idempotency middleware`
	a.Post("/vouchers", addBasket)                             // want `idemhandler: POST /api/vouchers is served without idempotency middleware`
	a.Idempotent(fiber.MethodPost, "/orders", addBasket)
	a.Get(fiber.MethodPost, "/baskets/export", addBasket) // registered for GET whatever the method given
}

func addBasket(c *fiber.Ctx) error { work(); return nil }

func listBaskets(c *fiber.Ctx) error { return nil }

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
