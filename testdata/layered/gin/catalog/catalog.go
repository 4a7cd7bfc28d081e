// Package catalog adds its routes to the engine a server of another
// package holds.
package catalog

import (
	"github.com/gin-gonic/gin"

	"example.com/layered/web/server"
)

// Install adds the catalog routes to s.
func Install(s *server.Server) {
	s.Engine.POST("/catalog/items", create) // want `idemhandler: POST /catalog/items is served without idempotency middleware`
	s.Engine.GET("/catalog/items", create)
}

func create(c *gin.Context) { Items.Add(c.PostForm("name")) }

// Items holds the catalog, in a store the analysis does not see.
var Items interface{ Add(name string) }
