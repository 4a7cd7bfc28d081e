package idemweb

import (
	"net/http"

	fiberv3 "github.com/gofiber/fiber/v3"
	echov5 "github.com/labstack/echo/v5"

	"example.com/platform/idem"
)

// Fiber3 is the middleware for fiber v3.
//
//idem:middleware
func Fiber3() fiberv3.Handler {
	return func(c fiberv3.Ctx) error {
		if !idem.Claim(c.Get(idem.KeyHeader)) {
			return c.SendStatus(http.StatusConflict)
		}
		return c.Next()
	}
}

// Echo5 is the middleware for echo v5.
//
//idem:middleware
func Echo5() echov5.MiddlewareFunc {
	return func(next echov5.HandlerFunc) echov5.HandlerFunc {
		return func(c *echov5.Context) error {
			if !idem.Claim(c.Request().Header.Get(idem.KeyHeader)) {
				return c.NoContent(http.StatusConflict)
			}
			return next(c)
		}
	}
}
