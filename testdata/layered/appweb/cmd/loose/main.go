// Command loose registers its routes through wrappers whose routes are
// not the caller's: none is reported at a call.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/layered/appweb/loose"
)

func main() {
	db, _ := sql.Open("postgres", "")
	create := func(w http.ResponseWriter, r *http.Request) {
		db.ExecContext(r.Context(), `INSERT INTO notes (body) VALUES ($1)`, r.FormValue("body"))
	}
	audit := func(w http.ResponseWriter, r *http.Request) {}
	a := loose.New()
	a.Versioned(http.MethodPost, 2, "/notes", create)           // %d: its pattern is not followed, its method unknown
	a.Guarded(http.MethodPost, "/notes", create)                // a test of the middleware list: its path unknown
	a.Audited(http.MethodPost, "/notes/audited", create, audit) // the wrapper's literal is the handler, not create
	a.Get(http.MethodPost, "/notes", create)                    // registered for GET whatever the method given
	loose.Defaults(a, create, audit)
	log.Fatal(http.ListenAndServe(":8080", a))
}
