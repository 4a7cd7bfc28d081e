package routes

import (
	"go/ast"
	"go/types"
	"strings"
)

const echoPath = "github.com/labstack/echo/v4"

// echoMethods maps echo's per-method registration helpers to their method.
var echoMethods = map[string]string{
	"CONNECT": "CONNECT", "DELETE": "DELETE", "GET": "GET", "HEAD": "HEAD", "OPTIONS": "OPTIONS",
	"PATCH": "PATCH", "POST": "POST", "PUT": "PUT", "TRACE": "TRACE",
}

// echoCall models labstack/echo v4. Echo's Use and Pre run at request
// time around whatever route matched, so they cover every route of the
// instance, registered before or after. A Group copies its middleware
// into each route when the route is added, and a sub-group copies its
// parent's middleware when it is created, so a Group's Use covers only
// the routes and sub-groups added after it (see attach). Route middleware
// comes after the handler: POST(path, h, mws...).
func echoCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		switch fn.Name() {
		case "New":
			return e.newRouter("echo"), true
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
	group := isNamed(sig.Recv().Type(), echoPath, "Group")
	if !group && !isNamed(sig.Recv().Type(), echoPath, "Echo") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	r := e.asRouter(e.eval(fr, sel.X), "echo")
	info := e.pass.TypesInfo
	str := func(i int) (string, bool) {
		if i < len(call.Args) {
			return stringConst(info, call.Args[i])
		}
		return "", false
	}
	// add registers a route: args are path, handler, middleware...
	add := func(method string, args []ast.Expr) {
		if len(args) < 2 {
			e.evalArgs(fr, args)
			return
		}
		p, _ := stringConst(info, args[0])
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
		child := e.newRouter("echo")
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
	case "Add":
		if m, ok := str(0); ok {
			add(m, call.Args[1:])
		} else {
			e.evalArgs(fr, call.Args)
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
