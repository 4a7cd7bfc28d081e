// Command accounts serves the account routes below /api.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/layered/gorilla/accounts"
	"example.com/layered/gorilla/tables"
)

func main() {
	db, _ := sql.Open("postgres", "")
	router := mux.NewRouter()
	accounts.Serve(router.PathPrefix("/api").Subrouter(), db)
	tables.Register(router)
	log.Fatal(http.ListenAndServe(":8080", router))
}
