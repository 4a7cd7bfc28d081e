// Package adaptor is a stub of the parts of
// github.com/gofiber/fiber/v2/middleware/adaptor v2.52.15 that the tests
// use.
package adaptor

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// HTTPHandlerFunc wraps net/http handler func to fiber handler
func HTTPHandlerFunc(h http.HandlerFunc) fiber.Handler { return nil }

// HTTPHandler wraps net/http handler to fiber handler
func HTTPHandler(h http.Handler) fiber.Handler { return nil }

// HTTPMiddleware wraps net/http middleware to fiber middleware
func HTTPMiddleware(mw func(http.Handler) http.Handler) fiber.Handler { return nil }

// FiberApp wraps fiber app to net/http handler func
func FiberApp(app *fiber.App) http.HandlerFunc { return nil }
