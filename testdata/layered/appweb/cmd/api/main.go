// Command api serves the application's router.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"example.com/layered/appweb/mid"
	"example.com/layered/appweb/userapp"
	"example.com/layered/appweb/web"
)

func main() {
	db, _ := sql.Open("postgres", "")
	app := web.NewApp(logger{}, mid.Logger(), mid.Errors(), mid.Panics())
	userapp.Routes(app, db, os.Getenv("ROLES_METHOD"))
	web.Ops(app, db)
	web.Maintenance(app, db, http.MethodPost)
	archive := func(w http.ResponseWriter, r *http.Request) {
		db.ExecContext(r.Context(), `INSERT INTO archive (id) VALUES ($1)`, r.FormValue("id"))
	}
	route(app, http.MethodPost, "/archive", archive) // want `idemhandler: POST /archive is served without idempotency middleware`
	srv := &http.Server{Addr: ":8080", Handler: app}
	log.Fatal(srv.ListenAndServe())
}

// route registers h for method and path on app.
func route(app *web.App, method, path string, h web.HandlerFunc) {
	app.HandlerFunc(method, "", path, h)
}

type logger struct{}

func (logger) Info(msg string) { log.Print(msg) }
