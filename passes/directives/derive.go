package directives

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/idemlint/idemlint/passes/syntax"
)

// deriveMiddleware gives the Middleware role to functions of the package
// that apply platform middleware and have the shape of a middleware (they
// return a function, or take and return a handler), such as
//
//	func protect(h http.Handler) http.Handler { return idem.Middleware(h) }
//
// It iterates to a fixed point so that wrappers of wrappers count too.
func (r *Result) deriveMiddleware(pass *analysis.Pass) {
	if !r.knowsMiddleware() {
		return
	}
	type candidate struct {
		obj  types.Object
		body *ast.BlockStmt
	}
	idx, ok := pass.ResultOf[syntax.Analyzer].(*syntax.Index)
	if !ok || idx == nil {
		idx = syntax.New(pass.TypesInfo, pass.Pkg, pass.Files)
	}
	var cands []candidate
	for _, f := range idx.Funcs() {
		if r.Kind(f.Obj)&Middleware == 0 && middlewareShaped(f.Obj.Signature()) {
			cands = append(cands, candidate{f.Obj, f.Decl.Body})
		}
	}
	for changed := true; changed; {
		changed = false
		for i, c := range cands {
			if c.obj == nil || !r.UsesMiddleware(pass.TypesInfo, c.body) {
				continue
			}
			r.kinds[c.obj] |= Middleware
			cands[i].obj = nil
			changed = true
		}
	}
}

// UsesMiddleware reports whether node refers to platform middleware.
func (r *Result) UsesMiddleware(info *types.Info, node ast.Node) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			if obj := info.Uses[id]; obj != nil && r.Is(obj, Middleware) {
				found = true
			}
		}
		return !found
	})
	return found
}

// knowsMiddleware reports whether any middleware is known, from
// directives, facts or configuration; without one nothing can derive.
func (r *Result) knowsMiddleware() bool {
	for _, k := range r.configured {
		if k&Middleware != 0 {
			return true
		}
	}
	for _, k := range r.kinds {
		if k&Middleware != 0 {
			return true
		}
	}
	return false
}

// middlewareShaped reports whether sig returns a function, or takes and
// returns a handler (a function, or a type with a ServeHTTP method).
func middlewareShaped(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() == 0 {
		return false
	}
	if _, ok := res.At(0).Type().Underlying().(*types.Signature); ok {
		return true
	}
	if !handlerLike(res.At(0).Type()) {
		return false
	}
	for i := range sig.Params().Len() {
		if handlerLike(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

func handlerLike(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	return obj != nil
}
