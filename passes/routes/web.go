package routes

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// Helpers shared by the models of gin, echo and fiber, whose handlers and
// middleware are functions of the framework's own types.

// webMiddlewareType reports whether t is the middleware type of gin
// (gin.HandlerFunc), echo (echo.MiddlewareFunc, v4 and v5) or fiber
// (fiber.Handler): a function of another package returning one builds
// middleware.
func webMiddlewareType(t types.Type) bool {
	return typesutil.IsNamed(t, ginPath, "HandlerFunc") || typesutil.IsNamed(t, echoPath, "MiddlewareFunc") || typesutil.IsNamed(t, echoV5Path, "MiddlewareFunc") || isFiberHandler(t)
}

// isFiberHandler reports whether t is func(*fiber.Ctx) error (v2) or
// func(fiber.Ctx) error (v3); fiber.Handler is an alias of it.
func isFiberHandler(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	p := sig.Params().At(0).Type()
	return typesutil.IsNamed(p, fiberPath, "Ctx") || typesutil.IsNamed(p, fiberV3Path, "Ctx")
}

// registerChain registers a route whose handlers are given as a list in
// which every handler but the last is middleware (gin, fiber). A list
// spread from a slice is middleware of unknown identity.
func (e *evaluator) registerChain(fr *frame, r *router, method, path string, call *ast.CallExpr, handlers []ast.Expr) {
	if len(handlers) == 0 {
		return
	}
	last := handlers[len(handlers)-1]
	if call.Ellipsis.IsValid() && len(handlers) == 1 {
		if list := e.appended(last); len(list) > 1 {
			// Handle(method, path, append(a.mw, h)...): the list, then h.
			mws := append(e.asMiddleware(e.eval(fr, list[0]), list[0]), e.middlewareArgs(fr, list[1:len(list)-1])...)
			h := list[len(list)-1]
			e.register(r, method, path, call, h, e.eval(fr, h), mws)
			return
		}
	}
	if call.Ellipsis.IsValid() {
		e.eval(fr, last)
		e.register(r, method, path, call, last, nil, []Middleware{{Name: exprName(last), Pos: last.Pos(), Unknown: true}})
		return
	}
	mws := e.middlewareArgs(fr, handlers[:len(handlers)-1])
	e.register(r, method, path, call, last, e.eval(fr, last), mws)
}

// appended returns the arguments of x when it is a call of the builtin
// append that adds elements to a list: append(list, a, b).
func (e *evaluator) appended(x ast.Expr) []ast.Expr {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || e.pass.TypesInfo.Uses[id] != types.Universe.Lookup("append") {
		return nil
	}
	return call.Args
}

// constMethods returns the methods of a []string composite literal of
// constants, upper-cased when upper is set.
func constMethods(info *types.Info, x ast.Expr, upper bool) ([]string, bool) {
	lit, ok := ast.Unparen(x).(*ast.CompositeLit)
	if !ok {
		return nil, false
	}
	var ms []string
	for _, elt := range lit.Elts {
		m, ok := typesutil.ConstString(info, elt)
		if !ok {
			return nil, false
		}
		if upper {
			m = strings.ToUpper(m)
		}
		ms = append(ms, m)
	}
	return ms, true
}

// pickMethod returns the method a route registered for several methods
// is reported under: the first of POST and PATCH, else the first of PUT
// and DELETE, else the first listed.
func pickMethod(ms []string) string {
	for _, set := range [][]string{{"POST", "PATCH"}, {"PUT", "DELETE"}} {
		for _, m := range ms {
			if slices.Contains(set, m) {
				return m
			}
		}
	}
	if len(ms) > 0 {
		return ms[0]
	}
	return ""
}

// evalArgs evaluates arguments for their effects.
func (e *evaluator) evalArgs(fr *frame, args []ast.Expr) {
	for _, a := range args {
		e.eval(fr, a)
	}
}

// webHandlerType reports whether t is a handler function of gin, echo or
// fiber: it takes the framework's context.
func webHandlerType(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 {
		return false
	}
	p := sig.Params().At(0).Type()
	return typesutil.IsNamed(p, ginPath, "Context") || typesutil.IsNamed(p, echoPath, "Context") || typesutil.IsNamed(p, fiberPath, "Ctx") || typesutil.IsNamed(p, fiberV3Path, "Ctx")
}
