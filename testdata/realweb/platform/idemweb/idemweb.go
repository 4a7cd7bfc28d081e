// Package idemweb is the platform idempotency middleware for gin, echo
// and fiber, built on the same claims as package idem.
package idemweb

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"example.com/platform/idem"
)

// Gin is the middleware for gin.
//
//idem:middleware
func Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !idem.Claim(c.GetHeader(idem.KeyHeader)) {
			c.AbortWithStatus(http.StatusConflict)
			return
		}
		c.Next()
	}
}

// Echo is the middleware for echo.
//
//idem:middleware
func Echo() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if !idem.Claim(c.Request().Header.Get(idem.KeyHeader)) {
				return c.NoContent(http.StatusConflict)
			}
			return next(c)
		}
	}
}

// Fiber is the middleware for fiber.
//
//idem:middleware
func Fiber() fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !idem.Claim(c.Get(idem.KeyHeader)) {
			return c.SendStatus(http.StatusConflict)
		}
		return c.Next()
	}
}
