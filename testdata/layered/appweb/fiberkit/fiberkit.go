// Package fiberkit wraps a fiber app in the application's own router
// type, whose methods take a route's method, path and handler.
package fiberkit

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/idempotency"
)

// App is the application's router over fiber.
type App struct {
	F  *fiber.App
	mw []fiber.Handler
}

// New returns an app with no routes.
func New() *App { return &App{F: fiber.New()} }

// NewWith returns an app whose Secure routes go through mw.
func NewWith(mw ...fiber.Handler) *App { return &App{F: fiber.New(), mw: mw} }

// Secure registers h for method and path behind the app's middleware.
func (a *App) Secure(method, path string, h fiber.Handler) {
	a.F.Add(method, path, append(a.mw, h)...)
}

// Each registers h for method and path in a group using each of the
// app's middleware.
func (a *App) Each(method, path string, h fiber.Handler) {
	g := a.F.Group("/each")
	for _, m := range a.mw {
		g.Use(m)
	}
	g.Add(method, path, h)
}

// Handle registers h for method and path.
func (a *App) Handle(method, path string, h fiber.Handler) {
	a.F.Add(method, path, h)
}

// Versioned registers h for method and path below a version group.
func (a *App) Versioned(method, version, path string, h fiber.Handler) {
	a.F.Group("/"+version).Add(method, path, h)
}

// Post registers h for POST requests to path.
func (a *App) Post(path string, h fiber.Handler) {
	a.F.Post("/api"+path, h)
}

// Idempotent registers h for method and path behind fiber's idempotency
// middleware.
func (a *App) Idempotent(method, path string, h fiber.Handler) {
	a.F.Add(method, path, idempotency.New(), h)
}

// Get registers h for GET requests, whatever method it is given.
func (a *App) Get(method, path string, h fiber.Handler) {
	a.F.Get(path, h)
}

// Listen serves the routes.
func (a *App) Listen(addr string) error { return a.F.Listen(addr) }
