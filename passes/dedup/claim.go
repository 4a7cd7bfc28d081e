package dedup

import (
	"go/ast"
	"go/types"
)

// Claim returns the settings of a dedup claim that protects a consumer
// (a service's own helper, Idempotence.Exec(ctx, key, fn, opts...)): the
// options among its arguments, and those its receiver was built with in
// the package (idem: idempotence.New(store, idempotence.WithTTL(d))).
func (r *Reader) Claim(call *ast.CallExpr) []Setting {
	info := r.pass.TypesInfo
	w := &walker{r: r, seen: make(map[any]bool)}
	for _, a := range call.Args {
		if _, lit := ast.Unparen(a).(*ast.FuncLit); lit || handlerLike(info.TypeOf(a)) {
			continue // the code the claim runs
		}
		w.expr(a, nil, false, 0)
	}
	// Options of the call override those the receiver was built with.
	if len(w.out) == 0 {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				w.expr(sel.X, nil, false, 0)
			}
		}
	}
	w.overridden(0)
	return w.out
}
