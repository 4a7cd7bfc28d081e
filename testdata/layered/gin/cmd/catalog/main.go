// Command catalog builds a server in one package, adds routes to it in
// another and runs it: the routes are decided here.
package main

import (
	"log"

	"example.com/layered/gin/catalog"
	"example.com/layered/web/server"
)

func main() {
	s := server.New()
	catalog.Install(s)
	log.Fatal(s.Run())
}
