package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const (
	echoPath   = "github.com/labstack/echo/v4"
	echoV5Path = "github.com/labstack/echo/v5"
)

func init() {
	frameworks[echoPath] = echoCall
	frameworks[echoV5Path] = echoCall
	routerTypes[echoPath+".Echo"] = "echo"
	routerTypes[echoPath+".Group"] = "echo"
}

// echoMethods maps echo's per-method registration helpers to their method.
var echoMethods = map[string]string{
	"CONNECT": "CONNECT", "DELETE": "DELETE", "GET": "GET", "HEAD": "HEAD", "OPTIONS": "OPTIONS",
	"PATCH": "PATCH", "POST": "POST", "PUT": "PUT", "TRACE": "TRACE",
}

// echoCall models labstack/echo v4 and v5. Echo's Use and Pre run at
// request time around whatever route matched, so they cover every route
// of the instance, registered before or after. A Group copies its
// middleware into each route when the route is added, and a sub-group
// copies its parent's middleware when it is created, so a Group's Use
// covers only the routes and sub-groups added after it (see attach).
// Route middleware comes after the handler: POST(path, h, mws...). v5
// has the same order semantics (checked at run time); its registrations
// return a RouteInfo, AddRoute takes an echo.Route, and an instance is
// served by Start or by a StartConfig's Start(ctx, e).
func echoCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	pkg := fn.Pkg().Path()
	framework := "echo"
	if pkg == echoV5Path {
		framework = "echo/v5"
	}
	if sig.Recv() == nil {
		switch fn.Name() {
		case "New", "NewWithConfig":
			e.evalArgs(fr, call.Args)
			return e.newRouter(framework), true
		case "WrapHandler":
			if len(call.Args) == 1 {
				if h := e.asHandler(e.eval(fr, call.Args[0])); h != nil {
					return h, true // its wrapping counts
				}
			}
			return nil, true
		case "WrapMiddleware":
			if len(call.Args) == 1 {
				return append(mwList{}, e.asMiddleware(e.eval(fr, call.Args[0]), call.Args[0])...), true
			}
			return nil, true
		}
		return nil, false
	}
	if typesutil.IsNamed(sig.Recv().Type(), pkg, "StartConfig") {
		if (fn.Name() == "Start" || fn.Name() == "StartTLS") && len(call.Args) >= 2 {
			e.serveArg(fr, call, 1)
			return nil, true
		}
		return nil, false
	}
	group := typesutil.IsNamed(sig.Recv().Type(), pkg, "Group")
	if !group && !typesutil.IsNamed(sig.Recv().Type(), pkg, "Echo") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	r := e.asRouter(e.eval(fr, sel.X), framework)
	info := e.pass.TypesInfo
	str := func(i int) (string, bool) {
		if i < len(call.Args) {
			return e.str(call.Args[i])
		}
		return "", false
	}
	// add registers a route: args are path, handler, middleware...
	add := func(method string, args []ast.Expr) {
		if len(args) < 2 {
			e.evalArgs(fr, args)
			return
		}
		p, _ := e.routeStr(args[0])
		hv := e.eval(fr, args[1])
		e.register(r, method, p, call, args[1], hv, e.middlewareArgs(fr, args[2:]))
	}
	switch name := fn.Name(); name {
	case "Use", "Pre":
		mws := e.middlewareArgs(fr, call.Args)
		if group {
			e.attach(r, "", mws...)
		} else {
			r.mws = append(r.mws, mws...)
		}
		return nil, true
	case "Group", "Host":
		child := e.newRouter(framework)
		prefix, ok := str(0)
		if name == "Host" {
			e.evalArgs(fr, call.Args[:min(1, len(call.Args))])
			prefix, ok = "", true // routes of another host, below no prefix
		}
		mws := e.middlewareArgs(fr, call.Args[min(1, len(call.Args)):])
		if ok {
			r.mounts = append(r.mounts, &mount{prefix: prefix, mws: mws, h: &handler{router: child}, order: e.stamp()})
		}
		return child, true // an unknown prefix: the group is not followed
	case "AddRoute":
		e.echoAddRoute(fr, r, call)
	case "Add":
		if len(call.Args) == 0 {
			return nil, true
		}
		if m, ok := e.routeStr(call.Args[0]); ok {
			add(m, call.Args[1:])
		} else {
			add(methodDynamic, call.Args[1:])
		}
	case "Any":
		add("", call.Args)
	case "Match":
		if len(call.Args) == 0 {
			return nil, true
		}
		if ms, ok := constMethods(info, call.Args[0], false); ok {
			add(pickMethod(ms), call.Args[1:])
		} else {
			e.evalArgs(fr, call.Args)
		}
	case "Start", "StartTLS", "StartAutoTLS", "StartServer", "StartH2CServer":
		e.evalArgs(fr, call.Args)
		if !group {
			e.serve(&handler{router: r}, call.Pos())
		}
	default:
		method, ok := echoMethods[name]
		if !ok {
			e.evalArgs(fr, call.Args)
			return nil, true // RouteNotFound, File, Static, Routes, ...: no route that mutates
		}
		add(method, call.Args)
	}
	return nil, true
}

// ownServerField reports whether a field holds a router's own server,
// which serves the router (echo's e.Server and e.TLSServer).
func ownServerField(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && v.IsField() && v.Pkg() != nil && v.Pkg().Path() == echoPath &&
		(v.Name() == "Server" || v.Name() == "TLSServer") && strings.HasSuffix(v.Type().String(), "net/http.Server")
}

// echoAddRoute models v5's AddRoute(echo.Route{Method, Path, Handler,
// Middlewares}) with a literal route; any other route is not followed.
func (e *evaluator) echoAddRoute(fr *frame, r *router, call *ast.CallExpr) {
	if len(call.Args) != 1 {
		e.evalArgs(fr, call.Args)
		return
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
	if !ok {
		e.eval(fr, call.Args[0])
		return
	}
	var method, path string
	var methodOK bool
	var hx ast.Expr
	var mws []Middleware
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, _ := kv.Key.(*ast.Ident)
		switch {
		case k == nil:
		case k.Name == "Method":
			method, methodOK = e.str(kv.Value)
		case k.Name == "Path":
			path, _ = e.str(kv.Value)
		case k.Name == "Handler":
			hx = kv.Value
		case k.Name == "Middlewares":
			if l, ok := ast.Unparen(kv.Value).(*ast.CompositeLit); ok {
				mws = e.middlewareArgs(fr, l.Elts)
			} else {
				mws = e.asMiddleware(e.eval(fr, kv.Value), kv.Value)
			}
		}
	}
	if hx == nil || !methodOK {
		e.evalArgs(fr, call.Args)
		return
	}
	e.register(r, method, path, call, hx, e.eval(fr, hx), mws)
}
