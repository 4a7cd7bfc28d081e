// Package kit wraps chi, gin and echo in the application's own router
// types, whose methods take a route's method, path and handler.
package kit

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/labstack/echo/v4"
)

// Chi is the application's router over chi.
type Chi struct{ R chi.Router }

// NewChi returns a router with no routes.
func NewChi() *Chi { return &Chi{R: chi.NewRouter()} }

// Route registers h for method and path below the API's version.
func (c *Chi) Route(method, path string, h http.HandlerFunc) {
	c.R.MethodFunc(method, "/api"+path, h)
}

// Handle registers h for method and path.
func (c *Chi) Handle(method, path string, h http.Handler) {
	c.R.Method(method, path, h)
}

// Gin is the application's router over gin.
type Gin struct{ Engine *gin.Engine }

// NewGin returns an engine with no routes.
func NewGin() *Gin { return &Gin{Engine: gin.New()} }

// Route registers h for method and path.
func (g *Gin) Route(method, path string, h gin.HandlerFunc) {
	g.Engine.Handle(method, path, h)
}

// Echo is the application's router over echo.
type Echo struct{ E *echo.Echo }

// NewEcho returns an instance with no routes.
func NewEcho() *Echo { return &Echo{E: echo.New()} }

// Route registers h for method and path, below a group when there is one.
func (e *Echo) Route(method, group, path string, h echo.HandlerFunc) {
	if group != "" {
		path = "/" + group + path
	}
	e.E.Add(method, path, h)
}
