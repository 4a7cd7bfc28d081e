package routes

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const promRoutePath = "github.com/prometheus/common/route"

func init() {
	frameworks[promRoutePath] = promRouteCall
}

// promRouteMethods maps prometheus/common/route's registration methods to
// their method.
var promRouteMethods = map[string]string{
	"Get": "GET", "Options": "OPTIONS", "Del": "DELETE", "Put": "PUT",
	"Post": "POST", "Head": "HEAD", "Query": "QUERY",
}

// promRouteCall models prometheus/common/route, a wrapper of httprouter.
// WithPrefix and WithInstrumentation return a router on the same tree
// whose routes take the prefix, or are wrapped in the instrumentation
// function (func(name string, h http.HandlerFunc) http.HandlerFunc) when
// they are registered: the model mounts such a router below the one it
// was made from, with the instrumentation as its middleware. It has no
// PATCH and no middleware of its own.
func promRouteCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		if fn.Name() == "New" {
			return e.newRouter("prometheus/route"), true
		}
		return nil, false
	}
	if !typesutil.IsNamed(sig.Recv().Type(), promRoutePath, "Router") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	r := e.asRouter(e.eval(fr, sel.X), "prometheus/route")
	switch fn.Name() {
	case "WithPrefix", "WithInstrumentation":
		if len(call.Args) != 1 {
			return nil, true
		}
	}
	switch name := fn.Name(); name {
	case "WithPrefix":
		p, ok := e.str(call.Args[0])
		if !ok {
			return nil, true // an unknown prefix: the router is not followed
		}
		c := e.newRouter("prometheus/route")
		r.mounts = append(r.mounts, &mount{prefix: p, h: &handler{router: c}})
		return c, true
	case "WithInstrumentation":
		c := e.newRouter("prometheus/route")
		r.mounts = append(r.mounts, &mount{mws: e.instrumentation(fr, call.Args[0]), h: &handler{router: c}})
		return c, true
	default:
		method, ok := promRouteMethods[name]
		if !ok || len(call.Args) != 2 {
			e.evalArgs(fr, call.Args)
			return nil, true // Redirect, ServeHTTP
		}
		p, _ := e.str(call.Args[0])
		e.register(r, method, p, call, call.Args[1], e.eval(fr, call.Args[1]), nil)
	}
	return nil, true
}

// instrumentation describes an instrumentation function as middleware: a
// literal or a function of the package is platform middleware when it
// applies platform middleware.
func (e *evaluator) instrumentation(fr *frame, x ast.Expr) []Middleware {
	v := e.eval(fr, x)
	if f, ok := v.(funcRef); ok {
		if fd := e.decl(f.fn); fd != nil {
			m := e.middlewareOf(f.fn, x)
			m.Platform = m.Platform || e.dirs.UsesMiddleware(e.pass.TypesInfo, fd.Body)
			return []Middleware{m}
		}
	}
	return e.asMiddleware(v, x)
}
