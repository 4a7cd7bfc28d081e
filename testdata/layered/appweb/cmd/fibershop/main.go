// Command fibershop serves the basket routes through the application's
// fiber router type.
package main

import (
	"log"

	"example.com/layered/appweb/fiberkit"
	"example.com/layered/appweb/fibershop"
)

func main() {
	a := fiberkit.New()
	fibershop.Register(a)
	log.Fatal(a.Listen(":8080"))
}
