// Package fiber3kit wraps a fiber v3 app in the application's own router
// type, whose methods take a route's method, path and handler.
package fiber3kit

import "github.com/gofiber/fiber/v3"

// App is the application's router over fiber v3.
type App struct{ F *fiber.App }

// New returns an app with no routes.
func New() *App { return &App{F: fiber.New()} }

// Handle registers h for method and path.
func (a *App) Handle(method, path string, h fiber.Handler) {
	a.F.Add([]string{method}, path, h)
}

// Versioned registers h for method and path below a version group.
func (a *App) Versioned(method, version, path string, h fiber.Handler) {
	a.F.Group("/"+version).Add([]string{method}, path, h)
}

// Get registers h for GET requests, whatever method it is given.
func (a *App) Get(method, path string, h fiber.Handler) {
	a.F.Get(path, h)
}

// Listen serves the routes.
func (a *App) Listen(addr string) error { return a.F.Listen(addr) }
