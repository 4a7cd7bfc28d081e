// Package idempotency is a stub of the parts of
// github.com/gofiber/fiber/v2/middleware/idempotency v2.52.15 that the
// tests use.
package idempotency

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// Config defines the config for middleware.
type Config struct {
	Lifetime  time.Duration
	KeyHeader string
}

// New creates a new middleware handler
func New(config ...Config) fiber.Handler { return nil }
