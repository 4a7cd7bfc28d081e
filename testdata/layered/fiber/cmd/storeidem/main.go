// Command storeidem Uses the idempotency middleware first: every cart
// route is protected.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"

	"example.com/layered/fiber/carts"
	"example.com/layered/web/webplatform"
)

func main() {
	app := fiber.New()
	app.Use(webplatform.Fiber())
	carts.Setup(app.Group("/v2"))
	log.Fatal(app.Listen(":8081"))
}
