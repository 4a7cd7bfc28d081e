// Package gin is a stub of the parts of github.com/gin-gonic/gin v1.12.0
// that the tests use; signatures are copied from the real module.
package gin

import (
	"net"
	"net/http"
)

// HandlerFunc defines the handler used by gin middleware as return value.
type HandlerFunc func(*Context)

// OptionFunc defines the function to change the default configuration.
type OptionFunc func(*Engine)

// HandlersChain defines a HandlerFunc slice.
type HandlersChain []HandlerFunc

// Context is the request context.
type Context struct {
	Request *http.Request
}

func (c *Context) Next()                    {}
func (c *Context) AbortWithStatus(code int) {}
func (c *Context) Status(code int)          {}
func (c *Context) JSON(code int, obj any)   {}

// IRouter defines all router handle interface includes single and group router.
type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}

// IRoutes defines all router handle interface.
type IRoutes interface {
	Use(...HandlerFunc) IRoutes

	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
	OPTIONS(string, ...HandlerFunc) IRoutes
	HEAD(string, ...HandlerFunc) IRoutes
	Match([]string, string, ...HandlerFunc) IRoutes

	StaticFile(string, string) IRoutes
	StaticFileFS(string, string, http.FileSystem) IRoutes
	Static(string, string) IRoutes
	StaticFS(string, http.FileSystem) IRoutes
}

// RouterGroup is used internally to configure router.
type RouterGroup struct {
	Handlers HandlersChain
}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return nil
}
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes     { return nil }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes  { return nil }
func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes   { return nil }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes     { return nil }
func (group *RouterGroup) OPTIONS(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) HEAD(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes     { return nil }
func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (group *RouterGroup) StaticFile(relativePath, filepath string) IRoutes { return nil }
func (group *RouterGroup) StaticFileFS(relativePath, filepath string, fs http.FileSystem) IRoutes {
	return nil
}
func (group *RouterGroup) Static(relativePath, root string) IRoutes                 { return nil }
func (group *RouterGroup) StaticFS(relativePath string, fs http.FileSystem) IRoutes { return nil }

// Engine is the framework's instance.
type Engine struct {
	RouterGroup
}

func New(opts ...OptionFunc) *Engine     { return nil }
func Default(opts ...OptionFunc) *Engine { return nil }

func (engine *Engine) Handler() http.Handler                              { return nil }
func (engine *Engine) NoRoute(handlers ...HandlerFunc)                    {}
func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes              { return nil }
func (engine *Engine) With(opts ...OptionFunc) *Engine                    { return nil }
func (engine *Engine) Run(addr ...string) (err error)                     { return nil }
func (engine *Engine) RunTLS(addr, certFile, keyFile string) (err error)  { return nil }
func (engine *Engine) RunListener(listener net.Listener) (err error)      { return nil }
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func Logger() HandlerFunc                  { return nil }
func Recovery() HandlerFunc                { return nil }
func WrapF(f http.HandlerFunc) HandlerFunc { return nil }
func WrapH(h http.Handler) HandlerFunc     { return nil }
