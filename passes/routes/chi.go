package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const chiPath = "github.com/go-chi/chi/v5"

func init() {
	frameworks[chiPath] = chiCall
	routerTypes[chiPath+".Router"] = "chi"
	routerTypes[chiPath+".Mux"] = "chi"
	dialects["chi"] = dialect{wrap: chiWrap}
}

// chiMethods maps chi's per-method registration helpers to their method.
var chiMethods = map[string]string{
	"Connect": "CONNECT", "Delete": "DELETE", "Get": "GET", "Head": "HEAD",
	"Options": "OPTIONS", "Patch": "PATCH", "Post": "POST", "Put": "PUT", "Trace": "TRACE",
}

// chiCall models go-chi/chi v5. Use is order-independent in chi (it panics
// when called after a route), With and Group create inline routers that
// inherit the parent's middleware, Route and Mount attach sub-routers
// below a prefix.
func chiCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		switch fn.Name() {
		case "NewRouter", "NewMux":
			return e.newRouter("chi"), true
		case "Chain":
			return e.middlewareArgs(fr, call.Args), true
		case "Walk":
			for _, a := range call.Args[min(1, len(call.Args)):] {
				e.eval(fr, a)
			}
			return nil, true // reads the routes, changes nothing
		}
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	recv := e.eval(fr, sel.X)
	if typesutil.IsNamed(sig.Recv().Type(), chiPath, "Middlewares") {
		mws, _ := recv.(mwList)
		if (fn.Name() == "Handler" || fn.Name() == "HandlerFunc") && len(call.Args) == 1 {
			if h := e.asHandler(e.eval(fr, call.Args[0])); h != nil {
				return h.wrap(mws...), true
			}
		}
		return nil, true
	}
	r := e.asRouter(recv, "chi")
	arg := func(i int) value {
		if i < len(call.Args) {
			return e.eval(fr, call.Args[i])
		}
		return nil
	}
	str := func(i int) (string, bool) {
		if i < len(call.Args) {
			return e.str(call.Args[i])
		}
		return "", false
	}
	switch name := fn.Name(); name {
	case "Use":
		r.mws = append(r.mws, e.middlewareArgs(fr, call.Args)...)
	case "With":
		child := e.newRouter("chi")
		r.mounts = append(r.mounts, &mount{mws: e.middlewareArgs(fr, call.Args), h: &handler{router: child}})
		return child, true
	case "Group", "Route":
		child := e.newRouter("chi")
		prefix := ""
		fnArg := 0
		if name == "Route" {
			fnArg = 1
			var ok bool
			if prefix, ok = str(0); !ok {
				return child, true // unknown prefix: the sub-tree is not followed
			}
		}
		r.mounts = append(r.mounts, &mount{prefix: prefix, h: &handler{router: child}})
		if fnArg < len(call.Args) {
			switch cb := e.eval(fr, call.Args[fnArg]).(type) {
			case litRef:
				e.callLit(fr, cb.lit, child)
			case funcRef:
				e.callback(cb.fn, call, child)
			}
		}
		return child, true
	case "Mount":
		prefix, ok := str(0)
		h := e.asHandler(arg(1))
		if ok && h != nil {
			r.mounts = append(r.mounts, &mount{prefix: prefix, h: h})
		}
	case "Handle", "HandleFunc":
		if len(call.Args) == 2 {
			method, path := methodDynamic, ""
			if p, ok := e.routeStr(call.Args[0]); ok && hasParams(p) {
				method, path = methodInPattern, p // split where it is instantiated
			} else if ok {
				method, path = splitPattern(p)
			}
			e.register(r, method, path, call, call.Args[1], arg(1), nil)
		}
	case "Method", "MethodFunc":
		if len(call.Args) == 3 {
			m, ok := e.routeStr(call.Args[0])
			if !hasParams(m) {
				m = strings.ToUpper(m)
			}
			if !ok {
				m = methodDynamic
			}
			p, _ := e.routeStr(call.Args[1])
			e.register(r, m, p, call, call.Args[2], arg(2), nil)
		}
	default:
		method, ok := chiMethods[name]
		if !ok {
			return nil, false
		}
		if len(call.Args) == 2 {
			p, _ := e.routeStr(call.Args[0])
			e.register(r, method, p, call, call.Args[1], arg(1), nil)
		}
	}
	return nil, true
}

// middlewareArgs evaluates a list of middleware arguments (variadic,
// possibly spread with ...).
func (e *evaluator) middlewareArgs(fr *frame, args []ast.Expr) mwList {
	var mws mwList
	for _, a := range args {
		mws = append(mws, e.asMiddleware(e.eval(fr, a), a)...)
	}
	return mws
}

// chiWrap wraps a route in mw with chi's With: r.With(mw).Post(...).
func chiWrap(_ *fixer, _ *ast.File, sel *ast.SelectorExpr, _ ast.Expr, mw string) []analysis.TextEdit {
	return []analysis.TextEdit{{Pos: sel.X.End(), End: sel.X.End(), NewText: []byte(".With(" + mw + ")")}}
}
