// Command shop registers the order routes twice: before the engine-wide
// idempotency middleware (gin applies Use only to routes registered
// after it) and after it.
package main

import (
	"database/sql"
	"log"

	"github.com/gin-gonic/gin"

	"example.com/layered/gin/auth"
	"example.com/layered/gin/orders"
	"example.com/layered/web/webplatform"
)

func main() {
	db, _ := sql.Open("postgres", "")
	h := &orders.Handler{DB: db, Auth: &auth.Auth{}}
	r := gin.New()
	h.Register(r.Group("/early"))
	r.Use(webplatform.Gin())
	h.Register(r.Group("/late"))
	log.Fatal(r.Run(":8080"))
}
