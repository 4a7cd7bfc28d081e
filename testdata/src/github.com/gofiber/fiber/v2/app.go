// Package fiber is a stub of the parts of github.com/gofiber/fiber/v2
// v2.52.15 that the tests use; signatures are copied from the real module.
package fiber

import "net"

// Handler defines a function to serve HTTP requests.
type Handler = func(*Ctx) error

// Ctx represents the Context which hold the HTTP request and response.
type Ctx struct{}

func (c *Ctx) Method(override ...string) string { return "" }
func (c *Ctx) Next() error                      { return nil }
func (c *Ctx) SendStatus(status int) error      { return nil }
func (c *Ctx) SendString(body string) error     { return nil }

// Config is a struct holding the server settings.
type Config struct {
	CaseSensitive bool
	StrictRouting bool
}

// Static defines configuration options when defining static assets.
type Static struct {
	Browse bool
}

// Router defines all router handle interface, including app and group router.
type Router interface {
	Use(args ...interface{}) Router

	Get(path string, handlers ...Handler) Router
	Head(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	Connect(path string, handlers ...Handler) Router
	Options(path string, handlers ...Handler) Router
	Trace(path string, handlers ...Handler) Router
	Patch(path string, handlers ...Handler) Router

	Add(method, path string, handlers ...Handler) Router
	Static(prefix, root string, config ...Static) Router
	All(path string, handlers ...Handler) Router

	Group(prefix string, handlers ...Handler) Router

	Route(prefix string, fn func(router Router), name ...string) Router

	Mount(prefix string, fiber *App) Router

	Name(name string) Router
}

// App denotes the Fiber application.
type App struct{}

func New(config ...Config) *App { return nil }

func (app *App) Use(args ...interface{}) Router                      { return app }
func (app *App) Get(path string, handlers ...Handler) Router         { return app }
func (app *App) Head(path string, handlers ...Handler) Router        { return app }
func (app *App) Post(path string, handlers ...Handler) Router        { return app }
func (app *App) Put(path string, handlers ...Handler) Router         { return app }
func (app *App) Delete(path string, handlers ...Handler) Router      { return app }
func (app *App) Connect(path string, handlers ...Handler) Router     { return app }
func (app *App) Options(path string, handlers ...Handler) Router     { return app }
func (app *App) Trace(path string, handlers ...Handler) Router       { return app }
func (app *App) Patch(path string, handlers ...Handler) Router       { return app }
func (app *App) Add(method, path string, handlers ...Handler) Router { return app }
func (app *App) Static(prefix, root string, config ...Static) Router { return app }
func (app *App) All(path string, handlers ...Handler) Router         { return app }
func (app *App) Group(prefix string, handlers ...Handler) Router     { return nil }
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router {
	return nil
}
func (app *App) Mount(prefix string, subApp *App) Router        { return app }
func (app *App) Name(name string) Router                        { return app }
func (app *App) Listener(ln net.Listener) error                 { return nil }
func (app *App) Listen(addr string) error                       { return nil }
func (app *App) ListenTLS(addr, certFile, keyFile string) error { return nil }

// Group struct
type Group struct {
	Prefix string
}

func (grp *Group) Use(args ...interface{}) Router                      { return grp }
func (grp *Group) Get(path string, handlers ...Handler) Router         { return grp }
func (grp *Group) Head(path string, handlers ...Handler) Router        { return grp }
func (grp *Group) Post(path string, handlers ...Handler) Router        { return grp }
func (grp *Group) Put(path string, handlers ...Handler) Router         { return grp }
func (grp *Group) Delete(path string, handlers ...Handler) Router      { return grp }
func (grp *Group) Connect(path string, handlers ...Handler) Router     { return grp }
func (grp *Group) Options(path string, handlers ...Handler) Router     { return grp }
func (grp *Group) Trace(path string, handlers ...Handler) Router       { return grp }
func (grp *Group) Patch(path string, handlers ...Handler) Router       { return grp }
func (grp *Group) Add(method, path string, handlers ...Handler) Router { return grp }
func (grp *Group) Static(prefix, root string, config ...Static) Router { return grp }
func (grp *Group) All(path string, handlers ...Handler) Router         { return grp }
func (grp *Group) Group(prefix string, handlers ...Handler) Router     { return nil }
func (grp *Group) Route(prefix string, fn func(router Router), name ...string) Router {
	return nil
}
func (grp *Group) Mount(prefix string, subApp *App) Router { return grp }
func (grp *Group) Name(name string) Router                 { return grp }
