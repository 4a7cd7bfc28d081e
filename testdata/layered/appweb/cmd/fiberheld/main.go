// Command fiberheld builds two apps of the application's fiber router
// type, one with the platform idempotency middleware and one with
// logging only, which they keep in a field.
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"

	"example.com/layered/appweb/fiberkit"
	"example.com/layered/web/webplatform"
)

func main() {
	public := fiberkit.NewWith(webplatform.Fiber())
	internal := fiberkit.NewWith(logRequests)
	public.Secure(fiber.MethodPost, "/gifts", addGift)
	internal.Secure(fiber.MethodPost, "/gifts", addGift) // want `idemhandler: POST /gifts is served without idempotency middleware`
	// Used on the app the field holds, which the instances share as far
	// as the analysis can tell: not decided.
	public.Each(fiber.MethodPost, "/gifts", addGift)
	internal.Each(fiber.MethodPost, "/gifts", addGift)
	go func() { log.Fatal(internal.Listen(":8081")) }()
	log.Fatal(public.Listen(":8080"))
}

func logRequests(c *fiber.Ctx) error {
	log.Println(c.Method(), c.Path())
	return c.Next()
}

func addGift(c *fiber.Ctx) error { work(); return nil }

// work stands for what the handler does that the analysis cannot see.
var work func()
