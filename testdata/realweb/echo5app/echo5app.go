// Package echo5app registers routes on the real echo v5 instance in the
// ways echo offers and serves them. Each expected idemhandler finding is
// marked by an analysistest expectation on its registration line;
// NOTES.md explains the cases.
package echo5app

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	"example.com/platform/idem"
	"example.com/realweb/platform/idemweb"
)

// DB is the database the handlers write to.
var DB *sql.DB

// create writes a row.
func create(c *echo.Context) error {
	if _, err := DB.ExecContext(c.Request().Context(), `INSERT INTO things (name) VALUES ($1)`, c.FormValue("name")); err != nil {
		return err
	}
	return c.NoContent(http.StatusCreated)
}

// read only reads.
func read(c *echo.Context) error { return c.String(http.StatusOK, c.Param("id")) }

// things serves any method and creates on POST.
func things(c *echo.Context) error {
	if c.Request().Method == http.MethodPost {
		return create(c)
	}
	return read(c)
}

// createStd writes a row: a net/http handler.
func createStd(w http.ResponseWriter, r *http.Request) {
	if _, err := DB.ExecContext(r.Context(), `INSERT INTO things (name) VALUES ($1)`, r.FormValue("name")); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// New builds the instance Serve serves.
func New() *echo.Echo {
	e := echo.New()
	e.Pre(middleware.RemoveTrailingSlash())
	e.Use(middleware.RequestLogger(), middleware.Recover())

	e.GET("/v1/items/:id", read)
	e.PUT("/v1/items/:id", create)
	e.DELETE("/v1/items/:id", create)

	e.POST("/v1/items", create)                                                                    // want `idemhandler: POST /v1/items is served without idempotency middleware`
	e.PATCH("/v1/items/:id", create)                                                               // want `idemhandler: PATCH /v1/items/:id is served without idempotency middleware`
	e.Add(http.MethodPost, "/v1/add", create)                                                      // want `idemhandler: POST /v1/add is served without idempotency middleware`
	e.Any("/v1/any", things)                                                                       // want `idemhandler: POST /v1/any is served without idempotency middleware`
	e.Any("/v1/any-read", read)                                                                    //
	e.Match([]string{"GET", "PATCH"}, "/v1/match", create)                                         // want `idemhandler: PATCH /v1/match is served without idempotency middleware`
	_, _ = e.AddRoute(echo.Route{Method: http.MethodPost, Path: "/v1/add-route", Handler: create}) // want `idemhandler: POST /v1/add-route is served without idempotency middleware`
	_, _ = e.AddRoute(echo.Route{Method: http.MethodPost, Path: "/v1/add-route-mw", Handler: create, Middlewares: []echo.MiddlewareFunc{idemweb.Echo5()}})
	_, _ = e.AddRoute(echo.Route{Method: http.MethodGet, Path: "/v1/add-route-read", Handler: read})

	// Route middleware comes after the handler.
	e.POST("/v1/route-mw", create, idemweb.Echo5())
	e.POST("/v1/route-mw-wrapped", create, middleware.RequestLogger(), echo.WrapMiddleware(idem.Middleware))
	e.POST("/v1/route-mw-other", create, middleware.RequestID()) // want `idemhandler: POST /v1/route-mw-other is served without idempotency middleware`
	e.POST("/v1/wrap-handler", echo.WrapHandler(idem.Middleware(http.HandlerFunc(createStd))))
	e.POST("/v1/wrap-handler-bare", echo.WrapHandler(http.HandlerFunc(createStd))) // want `idemhandler: POST /v1/wrap-handler-bare is served without idempotency middleware`

	// A group copies its middleware into each route when it is added.
	g := e.Group("/v1/group")
	before := g.Group("/before-sub")
	g.POST("/before", create) // want `idemhandler: POST /v1/group/before is served without idempotency middleware`
	before.POST("/x", create) // want `idemhandler: POST /v1/group/before-sub/x is served without idempotency middleware`
	g.Use(idemweb.Echo5())
	g.POST("/after", create)
	g.Group("/after-sub").POST("/x", create)
	e.Group("/v1/with", idemweb.Echo5()).POST("/x", create)
	return e
}

// Serve serves the instance.
func Serve() error { return New().Start(":8080") }

// NewProtected builds an instance whose Use comes after its routes: echo
// runs it at request time, for every route.
func NewProtected() *echo.Echo {
	e := echo.NewWithConfig(echo.Config{})
	e.POST("/v2/orders", create)
	e.Group("/v2/carts").POST("/x", create)
	e.Use(echo.WrapMiddleware(idem.Middleware))
	return e
}

// ServeProtected serves the instance NewProtected builds with a start
// configuration.
func ServeProtected(ctx context.Context) error {
	sc := echo.StartConfig{Address: ":8080"}
	return sc.Start(ctx, NewProtected())
}

// NewUnserved registers a route on an instance that is not served here:
// its chain may be completed elsewhere, so it is not reported.
func NewUnserved() *echo.Echo {
	e := echo.New()
	e.POST("/v3/orders", create)
	return e
}
