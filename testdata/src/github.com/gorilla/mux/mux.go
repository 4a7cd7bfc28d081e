// Package mux is a stub of github.com/gorilla/mux (v1.8.1) for analysis
// tests. Exported signatures match the real module; bodies do not route.
package mux

import (
	"errors"
	"net/http"
	"net/url"
)

var (
	// ErrMethodMismatch is returned when the method in the request does not match
	// the method defined against the route.
	ErrMethodMismatch = errors.New("method is not allowed")
	// ErrNotFound is returned when no route match is found.
	ErrNotFound = errors.New("no matching route was found")
)

// SkipRouter is used as a return value from WalkFuncs to indicate that the
// router that walk is about to descend down to should be skipped.
var SkipRouter = errors.New("skip this router")

// NewRouter returns a new router instance.
func NewRouter() *Router { return &Router{} }

// Router registers routes to be matched and dispatches a handler.
type Router struct {
	NotFoundHandler         http.Handler
	MethodNotAllowedHandler http.Handler
	KeepContext             bool

	routes      []*Route
	middlewares []MiddlewareFunc
}

// RouteMatch stores information about a matched route.
type RouteMatch struct {
	Route    *Route
	Handler  http.Handler
	Vars     map[string]string
	MatchErr error
}

// WalkFunc is the type of the function called for each route visited by Walk.
type WalkFunc func(route *Route, router *Router, ancestors []*Route) error

// MatcherFunc is the function signature used by custom matchers.
type MatcherFunc func(*http.Request, *RouteMatch) bool

// Match returns the match for a given request.
func (m MatcherFunc) Match(r *http.Request, match *RouteMatch) bool { return m(r, match) }

// BuildVarsFunc is the function signature used by custom build variable
// functions.
type BuildVarsFunc func(map[string]string) map[string]string

// MiddlewareFunc is a function which receives an http.Handler and returns another http.Handler.
type MiddlewareFunc func(http.Handler) http.Handler

// Middleware allows MiddlewareFunc to implement the middleware interface.
func (mw MiddlewareFunc) Middleware(handler http.Handler) http.Handler { return mw(handler) }

// Use appends a MiddlewareFunc to the chain.
func (r *Router) Use(mwf ...MiddlewareFunc) { r.middlewares = append(r.middlewares, mwf...) }

// CORSMethodMiddleware automatically sets the Access-Control-Allow-Methods response header.
func CORSMethodMiddleware(r *Router) MiddlewareFunc {
	return func(next http.Handler) http.Handler { return next }
}

func (r *Router) Match(req *http.Request, match *RouteMatch) bool    { return false }
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
func (r *Router) Get(name string) *Route                             { return nil }
func (r *Router) GetRoute(name string) *Route                        { return nil }
func (r *Router) StrictSlash(value bool) *Router                     { return r }
func (r *Router) SkipClean(value bool) *Router                       { return r }
func (r *Router) UseEncodedPath() *Router                            { return r }
func (r *Router) NewRoute() *Route                                   { return &Route{} }
func (r *Router) Name(name string) *Route                            { return r.NewRoute().Name(name) }
func (r *Router) Handle(path string, handler http.Handler) *Route {
	return r.NewRoute().Path(path).Handler(handler)
}
func (r *Router) Headers(pairs ...string) *Route       { return r.NewRoute().Headers(pairs...) }
func (r *Router) Host(tpl string) *Route               { return r.NewRoute().Host(tpl) }
func (r *Router) MatcherFunc(f MatcherFunc) *Route     { return r.NewRoute().MatcherFunc(f) }
func (r *Router) Methods(methods ...string) *Route     { return r.NewRoute().Methods(methods...) }
func (r *Router) Path(tpl string) *Route               { return r.NewRoute().Path(tpl) }
func (r *Router) PathPrefix(tpl string) *Route         { return r.NewRoute().PathPrefix(tpl) }
func (r *Router) Queries(pairs ...string) *Route       { return r.NewRoute().Queries(pairs...) }
func (r *Router) Schemes(schemes ...string) *Route     { return r.NewRoute().Schemes(schemes...) }
func (r *Router) BuildVarsFunc(f BuildVarsFunc) *Route { return r.NewRoute().BuildVarsFunc(f) }
func (r *Router) Walk(walkFn WalkFunc) error           { return nil }
func (r *Router) HandleFunc(path string, f func(http.ResponseWriter,
	*http.Request)) *Route {
	return r.NewRoute().Path(path).HandlerFunc(f)
}

// Vars returns the route variables for the current request, if any.
func Vars(r *http.Request) map[string]string { return nil }

// CurrentRoute returns the matched route for the current request, if any.
func CurrentRoute(r *http.Request) *Route { return nil }

// SetURLVars sets the URL variables for the given request, to be accessed via
// mux.Vars for testing route behaviour.
func SetURLVars(r *http.Request, val map[string]string) *http.Request { return r }

// Route stores information to match a request and build URLs.
type Route struct {
	handler http.Handler
}

func (r *Route) SkipClean() bool                                 { return false }
func (r *Route) Match(req *http.Request, match *RouteMatch) bool { return false }
func (r *Route) GetError() error                                 { return nil }
func (r *Route) BuildOnly() *Route                               { return r }
func (r *Route) Handler(handler http.Handler) *Route             { r.handler = handler; return r }
func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route {
	return r.Handler(http.HandlerFunc(f))
}
func (r *Route) GetHandler() http.Handler                  { return r.handler }
func (r *Route) Name(name string) *Route                   { return r }
func (r *Route) GetName() string                           { return "" }
func (r *Route) Headers(pairs ...string) *Route            { return r }
func (r *Route) HeadersRegexp(pairs ...string) *Route      { return r }
func (r *Route) Host(tpl string) *Route                    { return r }
func (r *Route) MatcherFunc(f MatcherFunc) *Route          { return r }
func (r *Route) Methods(methods ...string) *Route          { return r }
func (r *Route) Path(tpl string) *Route                    { return r }
func (r *Route) PathPrefix(tpl string) *Route              { return r }
func (r *Route) Queries(pairs ...string) *Route            { return r }
func (r *Route) Schemes(schemes ...string) *Route          { return r }
func (r *Route) BuildVarsFunc(f BuildVarsFunc) *Route      { return r }
func (r *Route) Subrouter() *Router                        { return &Router{} }
func (r *Route) URL(pairs ...string) (*url.URL, error)     { return nil, nil }
func (r *Route) URLHost(pairs ...string) (*url.URL, error) { return nil, nil }
func (r *Route) URLPath(pairs ...string) (*url.URL, error) { return nil, nil }
func (r *Route) GetPathTemplate() (string, error)          { return "", nil }
func (r *Route) GetPathRegexp() (string, error)            { return "", nil }
func (r *Route) GetQueriesRegexp() ([]string, error)       { return nil, nil }
func (r *Route) GetQueriesTemplates() ([]string, error)    { return nil, nil }
func (r *Route) GetMethods() ([]string, error)             { return nil, nil }
func (r *Route) GetHostTemplate() (string, error)          { return "", nil }
func (r *Route) GetVarNames() ([]string, error)            { return nil, nil }
