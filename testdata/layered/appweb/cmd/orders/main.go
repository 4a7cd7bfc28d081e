// Command orders serves the order routes.
package main

import (
	"database/sql"
	"log"

	"example.com/layered/appweb/apiserver"
	"example.com/layered/appweb/orderapp"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := apiserver.New()
	orderapp.Routes(s, db)
	log.Fatal(s.Run())
}
