package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const netHTTP = "net/http"

// callTable interprets a call to a framework function. It reports false
// when the call is not one it models.
type callTable func(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool)

// frameworks maps a framework's import path to its call table. Each
// framework's file adds its own rows, in an init function, as the tables
// call back into the evaluator.
var frameworks = map[string]callTable{}

// routerTypes maps the router types of the frameworks, "path.Name", to
// the framework: a parameter of such a type is a router the caller
// passes. Each framework's file adds its own.
var routerTypes = map[string]string{}

// A dialect is what the model knows of a framework, by the name its routes
// carry (Route.Framework), beyond its call table: how a suggested fix wraps
// one of its routes in middleware, and which functions are its
// interceptors. Each framework's file adds its own.
type dialect struct {
	// wrap returns the edits that wrap h, the handler of a registration
	// call of the method sel in file, in the middleware mw (as file
	// names it), or nil when the edit is not mechanical.
	wrap func(f *fixer, file *ast.File, sel *ast.SelectorExpr, h ast.Expr, mw string) []analysis.TextEdit
	// interceptor reports whether fn, as the package pkg sees it, is an
	// interceptor of the framework or returns one.
	interceptor func(pkg *types.Package, fn *types.Func) bool
}

var dialects = map[string]dialect{}

// IsInterceptor reports whether fn is, or returns, an interceptor of the
// RPC framework named framework (Route.Framework), as the package pkg
// sees it.
func IsInterceptor(pkg *types.Package, framework string, fn *types.Func) bool {
	is := dialects[framework].interceptor
	return is != nil && fn != nil && is(pkg, fn)
}

func init() {
	frameworks[netHTTP] = netHTTPCall
	routerTypes[netHTTP+".ServeMux"] = netHTTP
	dialects[netHTTP] = dialect{wrap: netHTTPWrap}
}

// netHTTPWrap wraps the handler of a ServeMux registration in mw: Handle's
// as mw(h), HandleFunc's as Handle(..., mw(http.HandlerFunc(h))).
func netHTTPWrap(f *fixer, file *ast.File, sel *ast.SelectorExpr, h ast.Expr, mw string) []analysis.TextEdit {
	switch sel.Sel.Name {
	case "Handle":
		return wrapArg(h, mw+"(", ")")
	case "HandleFunc":
		httpName, ok := f.qualifier(file, types.NewPackage(netHTTP, "http"))
		if !ok {
			return nil
		}
		return append([]analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("Handle")}},
			wrapArg(h, mw+"("+httpName+"HandlerFunc(", "))")...)
	}
	return nil
}

// netHTTPCall models net/http: ServeMux registration (Go 1.22 patterns),
// the package-level DefaultServeMux helpers, wrappers and servers.
func netHTTPCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	arg := func(i int) value {
		if i < len(call.Args) {
			return e.eval(fr, call.Args[i])
		}
		return nil
	}
	recv := fn.Signature().Recv()
	switch {
	case recv == nil && fn.Name() == "NewServeMux":
		return e.newRouter(netHTTP), true
	case recv == nil && (fn.Name() == "Handle" || fn.Name() == "HandleFunc"),
		recv != nil && typesutil.IsNamed(recv.Type(), netHTTP, "ServeMux") && (fn.Name() == "Handle" || fn.Name() == "HandleFunc"):
		var mux *router
		if recv == nil {
			mux = e.defaultServeMux()
		} else {
			mux = e.asRouter(e.eval(fr, ast.Unparen(call.Fun).(*ast.SelectorExpr).X), netHTTP)
		}
		if len(call.Args) != 2 {
			return nil, true
		}
		method, path := methodDynamic, ""
		if p, ok := e.routeStr(call.Args[0]); ok && hasParams(p) {
			method, path = methodInPattern, p // split where it is instantiated
		} else if ok {
			method, path = splitPattern(p)
		}
		e.register(mux, method, path, call, call.Args[1], arg(1), nil)
		return nil, true
	case recv == nil && (fn.Name() == "ListenAndServe" || fn.Name() == "Serve"):
		e.serveArg(fr, call, 1)
		return nil, true
	case recv == nil && fn.Name() == "ListenAndServeTLS":
		e.serveArg(fr, call, 3)
		return nil, true
	case recv == nil && fn.Name() == "ServeTLS":
		e.serveArg(fr, call, 1)
		return nil, true
	case recv == nil && fn.Name() == "StripPrefix" && len(call.Args) == 2:
		h := e.asHandler(arg(1))
		if h == nil {
			return nil, true
		}
		c := *h
		if p, ok := e.str(call.Args[0]); ok {
			c.strip = p
		}
		return &c, true
	case recv == nil && (fn.Name() == "TimeoutHandler" || fn.Name() == "MaxBytesHandler" || fn.Name() == "AllowQuerySemicolons"):
		h := e.asHandler(arg(0))
		for i := 1; i < len(call.Args); i++ {
			e.eval(fr, call.Args[i])
		}
		if h == nil {
			return nil, true
		}
		return h.wrap(Middleware{Name: "http." + fn.Name(), Obj: fn, Pos: call.Pos()}), true
	}
	return nil, false
}

// serveArg records the handler argument i of a serving call; nil serves
// the DefaultServeMux.
func (e *evaluator) serveArg(fr *frame, call *ast.CallExpr, i int) {
	for j, a := range call.Args {
		if j != i {
			e.eval(fr, a)
		}
	}
	if i >= len(call.Args) {
		return
	}
	if id, ok := ast.Unparen(call.Args[i]).(*ast.Ident); ok && id.Name == "nil" && e.pass.TypesInfo.Uses[id] == types.Universe.Lookup("nil") {
		e.serve(&handler{router: e.defaultServeMux()}, call.Pos())
		return
	}
	e.serve(e.asHandler(e.eval(fr, call.Args[i])), call.Pos())
}

// serverLiteral handles http.Server{Handler: h}: h is served; a server
// without a handler serves the DefaultServeMux.
func (e *evaluator) serverLiteral(fr *frame, lit *ast.CompositeLit) bool {
	if !typesutil.IsNamed(e.pass.TypesInfo.TypeOf(lit), netHTTP, "Server") {
		return false
	}
	var h *handler
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		v := e.eval(fr, kv.Value)
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Handler" {
			if h = e.asHandler(v); h == nil {
				return true // a handler we cannot follow
			}
		}
	}
	if h == nil {
		h = &handler{router: e.defaultServeMux()}
	}
	e.serve(h, lit.Pos())
	return true
}

// serverHandlerField handles srv.Handler = h on an *http.Server.
func (e *evaluator) serverHandlerField(fr *frame, sel *ast.SelectorExpr, v value) bool {
	s := e.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || sel.Sel.Name != "Handler" || !typesutil.IsNamed(s.Recv(), netHTTP, "Server") {
		return false
	}
	e.serve(e.asHandler(v), sel.Pos())
	return true
}

// splitPattern splits a Go 1.22 ServeMux pattern "[METHOD ][HOST]/[PATH]".
func splitPattern(p string) (method, path string) {
	p = strings.TrimSpace(p)
	if i := strings.IndexAny(p, " \t"); i >= 0 && !strings.Contains(p[:i], "/") {
		return strings.ToUpper(p[:i]), strings.TrimSpace(p[i:])
	}
	return "", p
}
