package routes

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const (
	httprouterPath      = "github.com/julienschmidt/httprouter"
	httprouterFramework = "httprouter"
)

func init() {
	frameworks[httprouterPath] = httprouterCall
	routerTypes[httprouterPath+".Router"] = httprouterFramework
}

// httprouterMethods are the Router's per-method registration helpers,
// named after their method.
var httprouterMethods = map[string]bool{
	"GET": true, "HEAD": true, "OPTIONS": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true,
}

// httprouterCall models julienschmidt/httprouter. The router has no
// middleware of its own: a route is protected by wrapping the handler
// given to Handler or HandlerFunc, or the whole router where it is
// served. Methods given to Handle, Handler and HandlerFunc are matched
// exactly as written (the router does not upper-case them).
func httprouterCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		if fn.Name() == "New" {
			return e.newRouter(httprouterFramework), true
		}
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !typesutil.IsNamed(sig.Recv().Type(), httprouterPath, "Router") {
		return nil, false
	}
	r := e.asRouter(e.eval(fr, sel.X), httprouterFramework)
	path := func(i int) string {
		p, _ := e.str(call.Args[i])
		return p
	}
	switch name := fn.Name(); {
	case httprouterMethods[name] && len(call.Args) == 2:
		e.register(r, name, path(0), call, call.Args[1], e.eval(fr, call.Args[1]), nil)
	case (name == "Handle" || name == "Handler" || name == "HandlerFunc") && len(call.Args) == 3:
		hv := e.eval(fr, call.Args[2])
		method, ok := e.str(call.Args[0])
		if !ok {
			method = methodDynamic
		}
		e.register(r, method, path(1), call, call.Args[2], hv, nil)
	case name == "ServeFiles" && len(call.Args) == 2:
		e.eval(fr, call.Args[1])
		e.register(r, "GET", path(0), call, call.Args[1], nil, nil)
	default:
		for _, a := range call.Args {
			e.eval(fr, a)
		}
	}
	return nil, true
}
