package dedup

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// values returns the values the package gives the variable or field v,
// as the syntax index records them, without the zero value of a
// declaration and the values the syntax does not show.
func (r *Reader) values(v *types.Var) []ast.Expr {
	if v.IsField() {
		fvs := r.syn.FieldValues(v)
		out := make([]ast.Expr, len(fvs))
		for i, fv := range fvs {
			out[i] = fv.Value
		}
		return out
	}
	var out []ast.Expr
	for _, x := range r.syn.Values(v) {
		switch x.(type) {
		case nil, *typesutil.Element:
			continue
		}
		if x != typesutil.ZeroValue {
			out = append(out, x)
		}
	}
	return out
}

// callAt returns the call of fn whose function expression starts at pos,
// or nil: the call that built a middleware whose model has no Call.
func (r *Reader) callAt(pos token.Pos, fn types.Object) *ast.CallExpr {
	for _, call := range r.syn.AllCalls() {
		if call.Fun.Pos() == pos && typeutil.Callee(r.pass.TypesInfo, call) == fn {
			return call
		}
	}
	return nil
}
