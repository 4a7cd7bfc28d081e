// Command shop serves the shop's chi, gin and echo routers.
package main

import (
	"database/sql"
	"log"
	"net/http"

	"example.com/layered/appweb/kit"
	"example.com/layered/appweb/shop"
)

func main() {
	db, _ := sql.Open("postgres", "")
	s := &shop.Shop{DB: db}
	c, g, e := kit.NewChi(), kit.NewGin(), kit.NewEcho()
	s.RegisterChi(c)
	s.RegisterGin(g)
	s.RegisterEcho(e)
	go func() { log.Fatal(http.ListenAndServe(":8081", c.R)) }()
	go func() { log.Fatal(g.Engine.Run(":8082")) }()
	log.Fatal(e.E.Start(":8083"))
}
