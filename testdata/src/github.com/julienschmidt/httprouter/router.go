// Package httprouter is a stub of github.com/julienschmidt/httprouter
// (v1.3.0) for analysis tests. Exported signatures match the real module;
// bodies do not route.
package httprouter

import (
	"context"
	"net/http"
)

// Handle is a function that can be registered to a route to handle HTTP
// requests. Like http.HandlerFunc, but has a third parameter for the values of
// wildcards (variables).
type Handle func(http.ResponseWriter, *http.Request, Params)

// Param is a single URL parameter, consisting of a key and a value.
type Param struct {
	Key   string
	Value string
}

// Params is a Param-slice, as returned by the router.
type Params []Param

// ByName returns the value of the first Param which key matches the given name.
func (ps Params) ByName(name string) string {
	for i := range ps {
		if ps[i].Key == name {
			return ps[i].Value
		}
	}
	return ""
}

type paramsKey struct{}

// ParamsKey is the request context key under which URL params are stored.
var ParamsKey = paramsKey{}

// ParamsFromContext pulls the URL parameters from a request context,
// or returns nil if none are present.
func ParamsFromContext(ctx context.Context) Params {
	p, _ := ctx.Value(ParamsKey).(Params)
	return p
}

// CleanPath is the URL version of path.Clean.
func CleanPath(p string) string { return p }

// Router is a http.Handler which can be used to dispatch requests to different
// handler functions via configurable routes.
type Router struct {
	RedirectTrailingSlash  bool
	RedirectFixedPath      bool
	HandleMethodNotAllowed bool
	HandleOPTIONS          bool
	GlobalOPTIONS          http.Handler
	NotFound               http.Handler
	MethodNotAllowed       http.Handler
	PanicHandler           func(http.ResponseWriter, *http.Request, interface{})
}

// New returns a new initialized Router.
func New() *Router { return &Router{} }

func (r *Router) GET(path string, handle Handle)                            {}
func (r *Router) HEAD(path string, handle Handle)                           {}
func (r *Router) OPTIONS(path string, handle Handle)                        {}
func (r *Router) POST(path string, handle Handle)                           {}
func (r *Router) PUT(path string, handle Handle)                            {}
func (r *Router) PATCH(path string, handle Handle)                          {}
func (r *Router) DELETE(path string, handle Handle)                         {}
func (r *Router) Handle(method, path string, handle Handle)                 {}
func (r *Router) Handler(method, path string, handler http.Handler)         {}
func (r *Router) HandlerFunc(method, path string, handler http.HandlerFunc) {}
func (r *Router) ServeFiles(path string, root http.FileSystem)              {}
func (r *Router) Lookup(method, path string) (Handle, Params, bool)         { return nil, nil, false }
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request)        {}
