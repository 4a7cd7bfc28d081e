package fiber

import (
	"net/http"

	"example.com/platform/idem"
	"example.com/platform/idemweb"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/middleware/idempotency"
	"github.com/gofiber/fiber/v2/middleware/logger"
)

func create(c *fiber.Ctx) error { work(); return nil }

func read(c *fiber.Ctx) error { return nil }

func main() {
	app := fiber.New()
	app.Use(logger.New())

	// Reads and naturally idempotent writes.
	app.Get("/v1/items", read)
	app.Put("/v1/items/:id", create)
	app.Delete("/v1/items/:id", create)

	// Bare mutating routes.
	app.Post("/v1/items", create)            // want `idemhandler: POST /v1/items is served without idempotency middleware \(clients and proxies retry POST\)`
	app.Patch("/v1/items/:id", create)       // want `PATCH /v1/items/:id is served without idempotency middleware`
	app.Add("POST", "/v1/add", create)       // want `POST /v1/add is served`
	app.Add("post", "/v1/add-lower", create) // want `POST /v1/add-lower is served`
	app.All("/v1/all", read)

	// Handler lists: every handler but the last is middleware.
	app.Post("/v1/chain", idemweb.Fiber(), create)
	app.Post("/v1/chain-fiber", idempotency.New(), create)
	app.Post("/v1/chain-adaptor", adaptor.HTTPMiddleware(idem.Middleware), create)
	app.Post("/v1/chain-last", create, idemweb.Fiber()) // want `POST /v1/chain-last is served`
	app.Post("/v1/chain-other", logger.New(), create)   // want `POST /v1/chain-other is served`
	app.Post("/v1/net-http", adaptor.HTTPHandler(idem.Middleware(http.HandlerFunc(std))))
	app.Post("/v1/net-http-bare", adaptor.HTTPHandlerFunc(std)) // want `POST /v1/net-http-bare is served`

	// Use with a prefix covers the paths starting with it, registered after it.
	app.Post("/v1/scoped/early", create) // want `POST /v1/scoped/early is served`
	app.Use("/v1/scoped", idemweb.Fiber())
	app.Post("/v1/scoped/x", create)
	app.Post("/v1/scopedx", create)  // fiber compares plain prefixes
	app.Post("/v1/SCOPED/y", create) // and ignores case by default
	app.Post("/v1/other", create)    // want `POST /v1/other is served`
	app.Use([]string{"/v1/a", "/v1/b"}, idempotency.New())
	app.Post("/v1/a/x", create)
	app.Post("/v1/b/x", create)
	app.Post("/v1/c/x", create) // want `POST /v1/c/x is served`

	// Groups register in the app's stack with their prefix.
	api := app.Group("/api")
	api.Post("/before", create) // want `POST /api/before is served`
	api.Use(idemweb.Fiber())
	api.Post("/after", create)
	app.Post("/api/direct", create) // the group's Use covers the prefix for the whole app
	app.Post("/web/direct", create) // want `POST /web/direct is served`
	v2 := api.Group("/v2")
	v2.Post("/x", create)
	app.Group("/g", idempotency.New()).Post("/x", create)
	app.Group("/other-group", logger.New()).Post("/x", create) // want `POST /other-group/x is served`

	app.Route("/r", func(r fiber.Router) {
		r.Use(idemweb.Fiber())
		r.Post("/x", create)
	})
	app.Route("/r-also", func(r fiber.Router) {
		r.Post("/x", create) // the Use at "/r" covers "/r-also" too
	})
	app.Route("/bare-route", func(r fiber.Router) {
		r.Post("/x", create) // want `POST /bare-route/x is served`
	})

	app.Listen(":3000")
}

func std(w http.ResponseWriter, r *http.Request) { work() }

// Use covers only what is registered after it; a mounted app's routes
// take the place of the Mount call.
func order() {
	app := fiber.New()
	app.Post("/early", create) // want `POST /early is served`

	bare := fiber.New()
	bare.Post("/x", create) // want `POST /early-mount/x is served`
	app.Mount("/early-mount", bare)

	protected := fiber.New()
	protected.Post("/before", create) // want `POST /protected/before is served`
	protected.Use(idemweb.Fiber())
	protected.Post("/after", create)
	app.Mount("/protected", protected)

	app.Use(idemweb.Fiber())

	app.Post("/late", create)
	late := fiber.New()
	late.Post("/x", create)
	app.Mount("/late-mount", late)

	http.ListenAndServe(":8080", adaptor.FiberApp(app))
}

// A prefix that is not constant covers every path, as far as the
// analysis can tell.
func dynamicPrefix(p string) {
	app := fiber.New()
	app.Use(p, idemweb.Fiber())
	app.Post("/x", create)
	app.Listen(":3001")
}

type prefix string

// Use panics on a prefix of another type than string: the middleware is
// not known to run.
func namedPrefix() {
	app := fiber.New()
	app.Use(prefix("/v9"), idemweb.Fiber())
	app.Post("/v9/x", create)
	app.Listen(":3002")
}

// Never served: nothing is reported.
func unserved() {
	app := fiber.New()
	app.Post("/unserved", create)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
