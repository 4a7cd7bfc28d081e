// Package fiber3app registers routes on the real fiber v3 app in the ways
// fiber offers and serves them. Each expected idemhandler finding is
// marked by an analysistest expectation on its registration line;
// NOTES.md explains the cases.
package fiber3app

import (
	"database/sql"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/adaptor"
	"github.com/gofiber/fiber/v3/middleware/idempotency"
	"github.com/gofiber/fiber/v3/middleware/logger"

	"example.com/platform/idem"
	"example.com/realweb/platform/idemweb"
)

// DB is the database the handlers write to.
var DB *sql.DB

// create writes a row.
func create(c fiber.Ctx) error {
	if _, err := DB.ExecContext(c.Context(), `INSERT INTO things (name) VALUES ($1)`, c.FormValue("name")); err != nil {
		return err
	}
	return c.SendStatus(http.StatusCreated)
}

// read only reads.
func read(c fiber.Ctx) error { return c.SendString(c.Params("id")) }

// createStd writes a row: a net/http handler.
func createStd(w http.ResponseWriter, r *http.Request) {
	if _, err := DB.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// New builds the app Serve serves.
func New() *fiber.App {
	app := fiber.New()
	app.Use(logger.New())

	app.Get("/v1/items/:id", read)
	app.Put("/v1/items/:id", create)
	app.Delete("/v1/items/:id", create)
	app.Add([]string{fiber.MethodGet, fiber.MethodHead}, "/v1/add-read", read)

	app.Post("/v1/items", create)                           // want `idemhandler: POST /v1/items is served without idempotency middleware`
	app.Patch("/v1/items/:id", create)                      // want `idemhandler: PATCH /v1/items/:id is served without idempotency middleware`
	app.Add([]string{"post"}, "/v1/add-lower", create)      // want `idemhandler: POST /v1/add-lower is served without idempotency middleware`
	app.Add([]string{"GET", "POST"}, "/v1/add-two", create) // want `idemhandler: POST /v1/add-two is served without idempotency middleware`
	app.All("/v1/all", func(c fiber.Ctx) error {            // want `idemhandler: ANY /v1/all is served without idempotency middleware`
		if c.Method() == fiber.MethodPost {
			return create(c)
		}
		return read(c)
	})

	// Handler lists; v3 adapts net/http handlers itself.
	app.Post("/v1/chain", idemweb.Fiber3(), create)
	app.Post("/v1/chain-fiber", idempotency.New(idempotency.Config{Lifetime: 24 * time.Hour}), create)
	app.Post("/v1/chain-adaptor", adaptor.HTTPMiddleware(idem.Middleware), create)
	app.Post("/v1/chain-last", create, idemweb.Fiber3()) // want `idemhandler: POST /v1/chain-last is served without idempotency middleware`
	app.Post("/v1/chain-other", logger.New(), create)    // want `idemhandler: POST /v1/chain-other is served without idempotency middleware`
	app.Post("/v1/net-http", adaptor.HTTPHandler(idem.Middleware(http.HandlerFunc(createStd))))
	app.Post("/v1/net-http-direct", idem.Middleware(http.HandlerFunc(createStd)))
	app.Post("/v1/net-http-bare", adaptor.HTTPHandlerFunc(createStd)) // want `idemhandler: POST /v1/net-http-bare is served without idempotency middleware`
	app.Post("/v1/net-http-func", createStd)                          // want `idemhandler: POST /v1/net-http-func is served without idempotency middleware`

	// Use with a prefix.
	app.Post("/v1/scoped/early", create) // want `idemhandler: POST /v1/scoped/early is served without idempotency middleware`
	app.Use("/v1/scoped", idemweb.Fiber3())
	app.Post("/v1/scoped/x", create)
	app.Post("/v1/scopedx", create) // want `idemhandler: POST /v1/scopedx is served without idempotency middleware`
	app.Post("/v1/other", create)   // want `idemhandler: POST /v1/other is served without idempotency middleware`
	app.Use([]string{"/v1/a", "/v1/b"}, idempotency.New())
	app.Post("/v1/a/x", create)
	app.Post("/v1/c/x", create) // want `idemhandler: POST /v1/c/x is served without idempotency middleware`

	// Groups.
	api := app.Group("/api")
	api.Post("/before", create) // want `idemhandler: POST /api/before is served without idempotency middleware`
	api.Use(idemweb.Fiber3())
	api.Post("/after", create)
	app.Post("/api/direct", create)
	app.Post("/web/direct", create)                            // want `idemhandler: POST /web/direct is served without idempotency middleware`
	app.Group("/other-group", logger.New()).Post("/x", create) // want `idemhandler: POST /other-group/x is served without idempotency middleware`
	app.Route("/route", func(r fiber.Router) {
		r.Use(idemweb.Fiber3())
		r.Post("/x", create)
	})
	app.Route("/bare-route", func(r fiber.Router) {
		r.Post("/x", create) // want `idemhandler: POST /bare-route/x is served without idempotency middleware`
	})

	// RouteChain: one path, several methods; its All is a Use at the path.
	app.RouteChain("/chain-bare").Get(read).Post(create) // want `idemhandler: POST /chain-bare is served without idempotency middleware`
	app.RouteChain("/chain-use").All(idemweb.Fiber3()).Post(create)
	app.RouteChain("/chain-mw").Post(idemweb.Fiber3(), create)

	// Mounted apps (Use(prefix, app)) take the place of the Use call.
	bare := fiber.New()
	bare.Post("/x", create) // want `idemhandler: POST /mounted/x is served without idempotency middleware`
	app.Use("/mounted", bare)
	app.Use(idemweb.Fiber3())
	late := fiber.New()
	late.Post("/x", create)
	app.Use("/late-mount", late)
	app.Post("/late", create)
	return app
}

// Serve serves the app.
func Serve() error { return New().Listen(":3000") }
