// Command tasks serves the tasks service.
package main

import (
	"database/sql"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/layered/tasks/httpapi"
	"example.com/layered/tasks/store"
)

func main() {
	db, _ := sql.Open("postgres", "")
	r := chi.NewRouter()
	httpapi.New(store.New(db)).Register(r)
	_ = http.ListenAndServe(":8080", r)
}
