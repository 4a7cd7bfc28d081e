// Package carts registers its routes on a fiber router its caller owns:
// the app itself, or a group.
package carts

import (
	"github.com/gofiber/fiber/v2"
)

// Setup adds the cart routes to r.
func Setup(r fiber.Router) {
	r.Post("/carts", create) // want `idemhandler: POST /api/carts is served without idempotency middleware`
	r.Get("/carts/:id", show)
	r.Patch("/carts/:id", create) // want `idemhandler: PATCH /api/carts/:id is served without idempotency middleware`
}

func create(c *fiber.Ctx) error { work(); return nil }

func show(c *fiber.Ctx) error { return nil }

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
