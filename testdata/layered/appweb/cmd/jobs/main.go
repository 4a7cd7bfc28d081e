// Command jobs registers its routes through a method of its own server
// type that builds the pattern from a method and a path.
package main

import (
	"database/sql"
	"log"
	"net/http"
)

type server struct {
	mux *http.ServeMux
	db  *sql.DB
}

func (s *server) handle(method, path string, h http.HandlerFunc) {
	s.mux.HandleFunc(method+" "+path, h)
}

func main() {
	db, _ := sql.Open("postgres", "")
	s := &server{mux: http.NewServeMux(), db: db}
	s.handle(http.MethodPost, "/jobs", s.create) // want `idemhandler: POST /jobs is served without idempotency middleware`
	s.handle(http.MethodGet, "/jobs", s.list)
	s.handle(http.MethodPatch, "/jobs/{id}", s.create) // want `idemhandler: PATCH /jobs/\{id\} is served without idempotency middleware`
	for _, r := range []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{http.MethodPost, "/jobs/{id}/retry", s.create}, // want `idemhandler: POST /jobs/\{id\}/retry is served without idempotency middleware`
		{http.MethodGet, "/jobs/{id}", s.list},
	} {
		s.handle(r.method, r.path, r.h)
	}
	log.Fatal(http.ListenAndServe(":8080", s.mux))
}

func (s *server) create(w http.ResponseWriter, r *http.Request) {
	s.db.ExecContext(r.Context(), `INSERT INTO jobs (name) VALUES ($1)`, r.FormValue("name"))
}

func (s *server) list(w http.ResponseWriter, r *http.Request) {
	s.db.QueryContext(r.Context(), `SELECT name FROM jobs`)
}
