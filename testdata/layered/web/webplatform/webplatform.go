// Package webplatform is the platform idempotency middleware for gin,
// echo and fiber.
package webplatform

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// Gin is the middleware for gin.
//
//idem:middleware
func Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		if c.GetHeader("Idempotency-Key") == "" {
			c.AbortWithStatus(http.StatusBadRequest)
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
		return func(c echo.Context) error { return next(c) }
	}
}

// Fiber is the middleware for fiber.
//
//idem:middleware
func Fiber() fiber.Handler {
	return func(c *fiber.Ctx) error { return c.Next() }
}
