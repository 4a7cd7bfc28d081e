// Package orders registers its routes on a group its caller owns.
package orders

import (
	"database/sql"

	"github.com/gin-gonic/gin"

	"example.com/layered/gin/auth"
)

// Handler serves orders.
type Handler struct {
	DB   *sql.DB
	Auth *auth.Auth
}

// Register adds the order routes to g.
func (h *Handler) Register(g *gin.RouterGroup) {
	pm := h.Auth.Perm
	g.POST("/orders", h.create) // want `idemhandler: POST /early/orders is served without idempotency middleware`
	g.GET("/orders/:id", h.show)
	g.POST("/orders/:id/cancel", pm(h.create, "orders:cancel")) // want `idemhandler: POST /early/orders/:id/cancel is served without idempotency middleware`
}

func (h *Handler) create(c *gin.Context) {
	h.DB.ExecContext(c.Request.Context(), `INSERT INTO orders (id) VALUES ($1)`, c.PostForm("id"))
}

func (h *Handler) show(c *gin.Context) {}
