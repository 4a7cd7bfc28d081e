// Package echo is a stub of the parts of github.com/labstack/echo/v4
// v4.16.0 that the tests use; signatures are copied from the real module.
package echo

import "net/http"

// Echo is the top-level framework instance.
type Echo struct {
	Server    *http.Server
	TLSServer *http.Server
}

// Route contains information to adding/registering new route with the router.
type Route struct {
	Method string
	Path   string
	Name   string
}

// Context represents the context of the current HTTP request.
type Context interface {
	Request() *http.Request
	NoContent(code int) error
	String(code int, s string) error
}

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c Context) error

func New() (e *Echo) { return nil }

func (e *Echo) Pre(middleware ...MiddlewareFunc)                              {}
func (e *Echo) Use(middleware ...MiddlewareFunc)                              {}
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
func (e *Echo) Host(name string, m ...MiddlewareFunc) (g *Group)                   { return nil }
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group)                { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)                   {}
func (e *Echo) Start(address string) error                                         { return nil }
func (e *Echo) StartTLS(address string, certFile, keyFile interface{}) (err error) { return nil }
func (e *Echo) StartServer(s *http.Server) (err error)                             { return nil }

func WrapHandler(h http.Handler) HandlerFunc                          { return nil }
func WrapMiddleware(m func(http.Handler) http.Handler) MiddlewareFunc { return nil }

// Group is a set of sub-routes for a specified route.
type Group struct{}

func (g *Group) Use(middleware ...MiddlewareFunc)                              {}
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (g *Group) Match(methods []string, path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) { return nil }
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
