package routes

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// hasServeHTTP reports whether t's method set has ServeHTTP.
func hasServeHTTP(t types.Type) bool { return serveHTTPMethod(t) != nil }

// mayHaveMethods reports whether t or *t can have methods: it is a named
// type, or a struct that embeds a field. Ruling the rest out is cheaper
// than a method lookup.
func mayHaveMethods(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.NumMethods() > 0 {
			return true
		}
	case *types.Basic:
		return false
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i).Embedded() {
			return true
		}
	}
	return false
}

// serveHTTPMethod returns t's ServeHTTP method, or nil.
func serveHTTPMethod(t types.Type) *types.Func {
	if t == nil {
		return nil
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return nil
	}
	if !mayHaveMethods(t) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	if fn, ok := obj.(*types.Func); ok {
		return fn
	}
	return nil
}

// isHTTPHandlerType reports whether t is http.Handler or http.HandlerFunc.
func isHTTPHandlerType(t types.Type) bool {
	return typesutil.IsNamed(t, "net/http", "Handler") || typesutil.IsNamed(t, "net/http", "HandlerFunc")
}

// isHandlerFunc reports whether t is a func(http.ResponseWriter, *http.Request).
func isHandlerFunc(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 2 && typesutil.IsNamed(sig.Params().At(1).Type(), "net/http", "Request")
}

// handlerResult reports whether a function result of type t is a handler.
func handlerResult(t types.Type) bool {
	if t == nil {
		return false
	}
	if isHTTPHandlerType(t) || isHandlerFunc(t) {
		return true
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
		return obj != nil
	}
	return hasServeHTTP(t)
}

// isMiddlewareType reports whether t is a function from handler to
// handler, such as func(http.Handler) http.Handler.
func isMiddlewareType(t types.Type) bool {
	if t == nil {
		return false
	}
	if isInterceptorType(t) {
		return true // an RPC interceptor
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		handlerResult(sig.Params().At(0).Type()) && handlerResult(sig.Results().At(0).Type())
}

// joinPath joins a mount prefix and a route pattern the way routers do.
func joinPath(prefix, path string) string {
	if prefix == "" {
		return path
	}
	if path == "" {
		return prefix
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(path, "/")
}

// exprName returns the source form of x, as types.ExprString does, without
// its buffer for the common forms: an identifier, a selector of one.
func exprName(x ast.Expr) string {
	switch x := x.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name + "." + x.Sel.Name
		}
	}
	return types.ExprString(x)
}
