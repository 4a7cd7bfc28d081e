// Command api serves the application's router.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"

	"example.com/layered/appweb/userapp"
	"example.com/layered/appweb/web"
)

func main() {
	db, _ := sql.Open("postgres", "")
	app := web.NewApp()
	userapp.Routes(app, db, os.Getenv("ROLES_METHOD"))
	srv := &http.Server{Addr: ":8080", Handler: app}
	log.Fatal(srv.ListenAndServe())
}
