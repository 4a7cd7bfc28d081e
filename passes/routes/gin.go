package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const ginPath = "github.com/gin-gonic/gin"

func init() {
	frameworks[ginPath] = ginCall
	routerTypes[ginPath+".Engine"] = "gin"
	routerTypes[ginPath+".RouterGroup"] = "gin"
	routerTypes[ginPath+".IRouter"] = "gin"
	routerTypes[ginPath+".IRoutes"] = "gin"
}

// ginMethods maps gin's per-method registration helpers to their method.
var ginMethods = map[string]string{
	"GET": "GET", "POST": "POST", "DELETE": "DELETE", "PATCH": "PATCH",
	"PUT": "PUT", "OPTIONS": "OPTIONS", "HEAD": "HEAD",
}

// ginCall models gin-gonic/gin. Middleware order matters: a route copies
// its group's handler chain when it is registered, and a Group copies its
// parent's chain when it is created, so Use covers only the routes and
// groups made after it (the evaluator's order, see attach). In a handler
// list (POST(path, mw..., h)) every handler but the last is middleware.
func ginCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		switch fn.Name() {
		case "New":
			e.evalArgs(fr, call.Args)
			return e.newRouter("gin"), true
		case "Default":
			e.evalArgs(fr, call.Args)
			r := e.newRouter("gin")
			e.attach(r, "", Middleware{Name: "gin.Logger", Pos: call.Pos()}, Middleware{Name: "gin.Recovery", Pos: call.Pos()})
			return r, true
		case "WrapH", "WrapF":
			// A net/http handler as a gin handler: its wrapping counts.
			if len(call.Args) == 1 {
				if h := e.asHandler(e.eval(fr, call.Args[0])); h != nil {
					return h, true
				}
			}
			return nil, true
		}
		if sig.Results().Len() == 1 && typesutil.IsNamed(sig.Results().At(0).Type(), ginPath, "HandlerFunc") {
			e.evalArgs(fr, call.Args) // gin.Logger(), gin.BasicAuth(...)
			return mwList{e.middlewareOf(fn, call.Fun)}, true
		}
		return nil, false
	}
	recvType := sig.Recv().Type()
	if !typesutil.IsNamed(recvType, ginPath, "Engine") && !typesutil.IsNamed(recvType, ginPath, "RouterGroup") &&
		!typesutil.IsNamed(recvType, ginPath, "IRoutes") && !typesutil.IsNamed(recvType, ginPath, "IRouter") {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	r := e.asRouter(e.eval(fr, sel.X), "gin")
	info := e.pass.TypesInfo
	str := func(i int) (string, bool) {
		if i < len(call.Args) {
			return e.str(call.Args[i])
		}
		return "", false
	}
	path := func(i int) string {
		if i >= len(call.Args) {
			return ""
		}
		p, _ := e.routeStr(call.Args[i])
		return p
	}
	switch name := fn.Name(); name {
	case "Use":
		e.attach(r, "", e.middlewareArgs(fr, call.Args)...)
		return r, true
	case "Group":
		child := e.newRouter("gin")
		e.evalArgs(fr, call.Args[:min(1, len(call.Args))])
		mws := e.middlewareArgs(fr, call.Args[min(1, len(call.Args)):])
		if prefix, ok := str(0); ok {
			r.mounts = append(r.mounts, &mount{prefix: prefix, mws: mws, h: &handler{router: child}, order: e.stamp()})
		}
		return child, true // an unknown prefix: the group is not followed
	case "Handle":
		if len(call.Args) < 2 {
			return r, true
		}
		method, ok := e.routeStr(call.Args[0])
		if !ok {
			method = methodDynamic
		} else if !hasParams(method) && method != strings.ToUpper(method) {
			e.evalArgs(fr, call.Args)
			return r, true // gin panics on a method that is not upper case
		}
		e.registerChain(fr, r, method, path(1), call, call.Args[2:])
	case "Any":
		if len(call.Args) >= 1 {
			e.registerChain(fr, r, "", path(0), call, call.Args[1:])
		}
	case "Match":
		if len(call.Args) < 2 {
			return r, true
		}
		ms, ok := constMethods(info, call.Args[0], false)
		if !ok {
			e.evalArgs(fr, call.Args)
			return r, true // methods not known: the route is not followed
		}
		e.registerChain(fr, r, pickMethod(ms), path(1), call, call.Args[2:])
	case "Run", "RunTLS", "RunUnix", "RunFd", "RunListener", "RunQUIC":
		e.evalArgs(fr, call.Args)
		e.serve(&handler{router: r}, call.Pos())
		return nil, true
	case "Handler", "With":
		e.evalArgs(fr, call.Args)
		return r, true // the engine itself, as an http.Handler or with options
	default:
		method, ok := ginMethods[name]
		if !ok {
			e.evalArgs(fr, call.Args)
			return nil, true // NoRoute, Static, Routes, ...: no route that mutates
		}
		if len(call.Args) >= 1 {
			e.registerChain(fr, r, method, path(0), call, call.Args[1:])
		}
	}
	return r, true
}
