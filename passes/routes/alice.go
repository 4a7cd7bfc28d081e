package routes

import (
	"go/ast"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
)

const alicePath = "github.com/justinas/alice"

func init() {
	frameworks[alicePath] = aliceCall
}

// aliceCall models justinas/alice chains as middleware lists: New builds
// one, Append and Extend return a longer copy, Then and ThenFunc wrap a
// handler in the chain's middleware, first constructor outermost. A chain
// the analysis cannot follow wraps the handler in unknown middleware.
func aliceCall(e *evaluator, fr *frame, call *ast.CallExpr, fn *types.Func) (value, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil {
		if fn.Name() == "New" {
			return append(mwList{}, e.middlewareArgs(fr, call.Args)...), true
		}
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !typesutil.IsNamed(sig.Recv().Type(), alicePath, "Chain") {
		return nil, false
	}
	chain := e.asMiddleware(e.eval(fr, sel.X), sel.X)
	switch fn.Name() {
	case "Append":
		return append(append(mwList{}, chain...), e.middlewareArgs(fr, call.Args)...), true
	case "Extend":
		if len(call.Args) == 1 {
			return append(append(mwList{}, chain...), e.asMiddleware(e.eval(fr, call.Args[0]), call.Args[0])...), true
		}
	case "Then", "ThenFunc":
		if len(call.Args) != 1 {
			return nil, true
		}
		var h *handler
		if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && e.pass.TypesInfo.Uses[id] == types.Universe.Lookup("nil") {
			h = &handler{router: e.defaultServeMux()} // Then(nil) serves the DefaultServeMux
		} else if h = e.asHandler(e.eval(fr, call.Args[0])); h == nil {
			h = &handler{} // a handler we cannot follow keeps the chain
		}
		return h.wrap(chain...), true
	}
	for _, a := range call.Args {
		e.eval(fr, a)
	}
	return nil, true
}
