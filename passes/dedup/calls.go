package dedup

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

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
