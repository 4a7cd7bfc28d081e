// Command gateway mounts the services' routers behind the platform's
// middleware stack, and the internal routes behind observability only.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/layered/chi/httpapi"
	"example.com/layered/chi/orders"
	"example.com/layered/chi/platformmw"
)

func main() {
	db, _ := sql.Open("postgres", "")
	o := orders.NewHandler(db)

	public := chi.NewRouter()
	public.Use(platformmw.Defaults()...)
	public.Mount("/public", httpapi.Routes(o))

	internal := chi.NewRouter()
	internal.Use(platformmw.Observability()...)
	internal.Mount("/internal", httpapi.Routes(o))

	partners := chi.NewRouter()
	partners.Use(platformmw.Stack...)
	partners.Mount("/partners", httpapi.Routes(o))

	go http.ListenAndServe(":8081", public)
	go http.ListenAndServe(":8083", partners)
	log.Fatal(http.ListenAndServe(":8082", internal))
}
