// Command accountsidem serves the same routes with the platform
// middleware Used on the root router, which gorilla/mux applies to every
// route, subrouters included.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/layered/gorilla/accounts"
	"example.com/platform/idem"
)

func main() {
	db, _ := sql.Open("postgres", "")
	router := mux.NewRouter()
	router.Use(idem.Middleware)
	accounts.Serve(router.PathPrefix("/api").Subrouter(), db)
	log.Fatal(http.ListenAndServe(":8081", router))
}
