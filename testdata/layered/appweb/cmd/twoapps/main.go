// Command twoapps builds several applications of the same router type
// with different middleware: the public one with the platform
// idempotency middleware, the admin one with logging only, and one with
// none. Each instance's routes go through its own middleware.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/labstack/echo/v4"

	"example.com/platform/idem"

	"example.com/layered/appweb/heldkit"
	"example.com/layered/appweb/mid"
	"example.com/layered/appweb/web"
	"example.com/layered/web/webplatform"
)

func main() {
	db, _ := sql.Open("postgres", "")
	create := func(w http.ResponseWriter, r *http.Request) {
		db.ExecContext(r.Context(), `INSERT INTO tickets (body) VALUES ($1)`, r.FormValue("body"))
	}
	public := web.NewApp(logger{}, idem.Middleware)
	admin := web.NewApp(logger{}, mid.Logger())
	bare := web.NewApp(logger{})
	public.HandlerFunc(http.MethodPost, "", "/tickets", create)
	admin.HandlerFunc(http.MethodPost, "", "/tickets", create) // want `idemhandler: POST /tickets is served without idempotency middleware`
	bare.HandlerFunc(http.MethodPost, "", "/notes", create)    // want `idemhandler: POST /notes is served without idempotency middleware`
	admin.HandlerFunc(http.MethodGet, "", "/tickets", create)

	// echo: the instances' middleware applied per route.
	add := func(c echo.Context) error {
		_, err := db.ExecContext(c.Request().Context(), `INSERT INTO tickets (body) VALUES ($1)`, c.FormValue("body"))
		return err
	}
	pe := heldkit.NewEcho(webplatform.Echo())
	ae := heldkit.NewEcho(logRequests)
	pe.Route(http.MethodPost, "/echo/tickets", add)
	ae.Route(http.MethodPost, "/echo/tickets", add) // want `idemhandler: POST /echo/tickets is served without idempotency middleware`
	ce, err := heldkit.NewEchoChecked(webplatform.Echo())
	if err != nil {
		log.Fatal(err)
	}
	ce.Route(http.MethodPost, "/echo/checked", add)
	// An instance whose middleware the analysis does not follow: not
	// decided, rather than decided with another instance's middleware.
	be := heldkit.NewBareEcho()
	be.Route(http.MethodPost, "/echo/bare", add)
	// Middleware applied to the whole echo instance when it starts: the
	// instances share the router the field holds, as far as the analysis
	// can tell, so their routes are not decided.
	ps := heldkit.NewServer(webplatform.Echo())
	as := heldkit.NewServer(logRequests)
	ps.Add(http.MethodPost, "/server/tickets", add)
	as.Add(http.MethodPost, "/server/notes", add)

	go func() { log.Fatal(ps.Start(":8087")) }()
	go func() { log.Fatal(as.Start(":8088")) }()
	go func() { log.Fatal(pe.Start(":8084")) }()
	go func() { log.Fatal(ae.Start(":8085")) }()
	go func() { log.Fatal(be.Start(":8086")) }()
	go func() { log.Fatal(ce.Start(":8089")) }()
	go func() { log.Fatal(http.ListenAndServe(":8081", admin)) }()
	go func() { log.Fatal(http.ListenAndServe(":8082", bare)) }()
	log.Fatal(http.ListenAndServe(":8080", public))
}

type logger struct{}

func (logger) Info(msg string) { log.Print(msg) }

func logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		log.Println(c.Request().Method, c.Path())
		return next(c)
	}
}
