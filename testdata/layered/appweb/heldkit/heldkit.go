// Package heldkit wraps gin and echo in the application's own router
// types, which keep the middleware their constructors are given in a
// field and apply it to every route.
package heldkit

import (
	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

// Gin is the application's router over gin.
type Gin struct {
	engine *gin.Engine
	mw     []gin.HandlerFunc
}

// NewGin returns an engine whose routes all go through mw.
func NewGin(mw ...gin.HandlerFunc) *Gin {
	return &Gin{engine: gin.New(), mw: mw}
}

// Route registers h for method and path in a group using the app's
// middleware.
func (a *Gin) Route(method, path string, h gin.HandlerFunc) {
	g := a.engine.Group("")
	g.Use(a.mw...)
	g.Handle(method, path, h)
}

// Handle registers h for method and path behind the app's middleware.
func (a *Gin) Handle(method, path string, h gin.HandlerFunc) {
	a.engine.Handle(method, path, append(a.mw, h)...)
}

// Run serves the routes.
func (a *Gin) Run(addr string) error { return a.engine.Run(addr) }

// Echo is the application's router over echo.
type Echo struct {
	e  *echo.Echo
	mw []echo.MiddlewareFunc
}

// NewEcho returns an instance whose routes all go through mw.
func NewEcho(mw ...echo.MiddlewareFunc) *Echo {
	return &Echo{e: echo.New(), mw: mw}
}

// Route registers h for method and path with the app's middleware.
func (a *Echo) Route(method, path string, h echo.HandlerFunc) {
	a.e.Add(method, path, h, a.mw...)
}

// Start serves the routes.
func (a *Echo) Start(addr string) error { return a.e.Start(addr) }

// Server is the application's server over echo: it applies its
// middleware to the whole instance when it starts.
type Server struct {
	e   *echo.Echo
	mws []echo.MiddlewareFunc
}

// NewServer returns a server whose routes all go through mws.
func NewServer(mws ...echo.MiddlewareFunc) *Server {
	s := &Server{e: echo.New()}
	s.mws = mws
	return s
}

// Add registers h for method and path.
func (s *Server) Add(method, path string, h echo.HandlerFunc) {
	s.e.Add(method, path, h)
}

// Start serves the routes behind the server's middleware.
func (s *Server) Start(addr string) error {
	s.e.Use(s.mws...)
	return s.e.Start(addr)
}

// NewBareEcho returns an instance whose routes go through no middleware
// of the application's.
func NewBareEcho() *Echo {
	return &Echo{e: echo.New()}
}

// Reset drops the instance's middleware.
func (a *Echo) Reset() { a.mw = nil }

// NewEchoChecked is NewEcho for callers that check an error.
func NewEchoChecked(mw ...echo.MiddlewareFunc) (*Echo, error) {
	return &Echo{e: echo.New(), mw: mw}, nil
}

// Late is the application's router over gin that applies its middleware
// when it starts: gin copies a route's chain when the route is
// registered, so the middleware covers the routes registered before
// only if Run runs first, which the analysis cannot tell.
type Late struct {
	engine *gin.Engine
	mw     []gin.HandlerFunc
}

// NewLate returns an engine that applies mw when it starts.
func NewLate(mw ...gin.HandlerFunc) *Late {
	return &Late{engine: gin.New(), mw: mw}
}

// Handle registers h for method and path.
func (l *Late) Handle(method, path string, h gin.HandlerFunc) {
	l.engine.Handle(method, path, h)
}

// Run applies the middleware and serves the routes.
func (l *Late) Run(addr string) error {
	l.engine.Use(l.mw...)
	return l.engine.Run(addr)
}
