// Package shop registers its routes through the application's chi, gin
// and echo router types.
package shop

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"

	"example.com/platform/idem"

	"example.com/layered/appweb/kit"
)

// Shop serves carts, coupons and refunds.
type Shop struct{ DB *sql.DB }

// RegisterChi adds the cart routes.
func (s *Shop) RegisterChi(c *kit.Chi) {
	c.Route(http.MethodPost, "/carts", s.addCart) // want `idemhandler: POST /api/carts is served without idempotency middleware`
	c.Route(http.MethodGet, "/carts", s.listCarts)
	c.Handle(http.MethodPatch, "/carts/{id}", idem.Middleware(http.HandlerFunc(s.addCart)))
}

// RegisterGin adds the coupon routes.
func (s *Shop) RegisterGin(g *kit.Gin) {
	g.Route(http.MethodPost, "/coupons", s.addCoupon) // want `idemhandler: POST /coupons is served without idempotency middleware`
	g.Route(http.MethodGet, "/coupons", s.listCoupons)
}

// RegisterEcho adds the refund routes.
func (s *Shop) RegisterEcho(e *kit.Echo) {
	e.Route(http.MethodPost, "v2", "/refunds", s.addRefund) // want `idemhandler: POST /v2/refunds is served without idempotency middleware`
	e.Route(http.MethodGet, "", "/refunds", s.listRefunds)
}

func (s *Shop) addCart(w http.ResponseWriter, r *http.Request) {
	s.DB.ExecContext(r.Context(), `INSERT INTO carts (owner) VALUES ($1)`, r.FormValue("owner"))
}

func (s *Shop) listCarts(w http.ResponseWriter, r *http.Request) {
	s.DB.QueryContext(r.Context(), `SELECT id FROM carts`)
}

func (s *Shop) addCoupon(c *gin.Context) {
	s.DB.ExecContext(c.Request.Context(), `INSERT INTO coupons (code) VALUES ($1)`, c.PostForm("code"))
}

func (s *Shop) listCoupons(c *gin.Context) {
	s.DB.QueryContext(c.Request.Context(), `SELECT code FROM coupons`)
}

func (s *Shop) addRefund(c echo.Context) error {
	_, err := s.DB.ExecContext(c.Request().Context(), `INSERT INTO refunds (order_id) VALUES ($1)`, c.FormValue("order"))
	return err
}

func (s *Shop) listRefunds(c echo.Context) error {
	_, err := s.DB.QueryContext(c.Request().Context(), `SELECT order_id FROM refunds`)
	return err
}
