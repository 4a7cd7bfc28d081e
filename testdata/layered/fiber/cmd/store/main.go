// Command store registers the cart routes in a group before the app
// Uses the idempotency middleware: fiber runs only the handlers
// registered before a route, so those routes go without it.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"

	"example.com/layered/fiber/carts"
	"example.com/layered/web/webplatform"
)

func main() {
	app := fiber.New()
	carts.Setup(app.Group("/api"))
	app.Use(webplatform.Fiber())
	log.Fatal(app.Listen(":8080"))
}
