package echo

import (
	"net/http"

	"example.com/platform/idem"
	"example.com/platform/idemweb"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func create(c echo.Context) error { work(); return nil }

func read(c echo.Context) error { return nil }

// things serves any method and creates on POST.
func things(c echo.Context) error {
	if c.Request().Method == http.MethodPost {
		return create(c)
	}
	return nil
}

func std(w http.ResponseWriter, r *http.Request) { work() }

func main() {
	e := echo.New()
	e.Pre(middleware.RequestID())
	e.Use(middleware.Logger(), middleware.Recover())

	// Reads and naturally idempotent writes.
	e.GET("/v1/items", read)
	e.PUT("/v1/items/:id", create)
	e.DELETE("/v1/items/:id", create)

	// Bare mutating routes.
	e.POST("/v1/items", create)               // want `idemhandler: POST /v1/items is served without idempotency middleware \(clients and proxies retry POST\)`
	e.PATCH("/v1/items/:id", create)          // want `PATCH /v1/items/:id is served without idempotency middleware`
	e.Add(http.MethodPost, "/v1/add", create) // want `POST /v1/add is served`
	e.Add("post", "/v1/add-lower", create)
	e.Any("/v1/any", things)                               // want `POST /v1/any is served`
	e.Any("/v1/any-read", read)                            //
	e.Match([]string{"GET", "PATCH"}, "/v1/match", create) // want `PATCH /v1/match is served`
	e.Match([]string{"GET", "HEAD"}, "/v1/match-read", create)

	// Route middleware comes after the handler.
	e.POST("/v1/route-mw", create, idemweb.Echo())
	e.POST("/v1/route-mw-func", create, middleware.Logger(), idemweb.EchoMiddleware)
	e.POST("/v1/route-mw-wrapped", create, echo.WrapMiddleware(idem.Middleware))
	e.POST("/v1/route-mw-new", create, echo.WrapMiddleware(idem.New(nil)))
	e.POST("/v1/route-mw-other", create, middleware.RequestID()) // want `POST /v1/route-mw-other is served`

	// net/http handlers.
	e.POST("/v1/wrap-handler", echo.WrapHandler(idem.Middleware(http.HandlerFunc(std))))
	e.POST("/v1/wrap-handler-bare", echo.WrapHandler(http.HandlerFunc(std))) // want `POST /v1/wrap-handler-bare is served`

	// Groups copy their middleware into each route when it is added.
	g := e.Group("/v1/group")
	before := g.Group("/before-sub")
	g.POST("/before", create) // want `POST /v1/group/before is served`
	before.POST("/x", create) // want `POST /v1/group/before-sub/x is served`
	g.Use(idemweb.Echo())
	g.POST("/after", create)
	g.Group("/after-sub").POST("/x", create)
	before.POST("/y", create) // want `POST /v1/group/before-sub/y is served`
	e.Group("/v1/with", idemweb.Echo()).POST("/x", create)
	e.Group("/v1/with-other", middleware.Logger()).POST("/x", create) // want `POST /v1/with-other/x is served`

	// Hosts: groups without a prefix.
	e.Host("api.example.com", idemweb.Echo()).POST("/v1/host", create)
	e.Host("admin.example.com").POST("/v1/host-bare", create) // want `POST /v1/host-bare is served`

	e.Start(":8080")
}

// Echo's Use runs at request time: it covers routes added before it,
// groups' routes included.
func useAfterRoutes() {
	e := echo.New()
	e.POST("/v2/orders", create)
	g := e.Group("/v2/carts")
	g.POST("/x", create)
	e.Use(echo.WrapMiddleware(idem.Middleware))
	e.StartTLS(":8443", "cert.pem", "key.pem")
}

// The instance's own server serves it.
func ownServer() {
	e := echo.New()
	e.POST("/v3/bare", create) // want `POST /v3/bare is served`
	e.Server.ListenAndServe()
}

// Served through net/http.
func throughNetHTTP() {
	e := echo.New()
	e.POST("/v4/bare", create) // want `POST /v4/bare is served`
	http.ListenAndServe(":8081", e)
}

// Never served: nothing is reported.
func unserved() {
	e := echo.New()
	e.POST("/v5/unserved", create)
}

// work stands for what the handlers do that the analysis cannot see: their
// routes' methods decide whether they mutate.
var work func()
