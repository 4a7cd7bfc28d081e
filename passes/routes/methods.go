package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// methodDynamic is the method of a registration whose method is not a
// constant; its Route has DynamicMethod set.
const methodDynamic = "(dynamic)"

// branchMethods returns the HTTP methods a handler body compares
// r.Method against (==, != or switch cases), in source order.
func branchMethods(info *types.Info, body *ast.BlockStmt) []string {
	var methods []string
	add := func(x ast.Expr) {
		if m, ok := typesutil.ConstString(info, x); ok {
			m = strings.ToUpper(m)
			if !slices.Contains(methods, m) {
				methods = append(methods, m)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a nested handler is a different handler
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return true
			}
			if isRequestMethod(info, n.X) {
				add(n.Y)
			} else if isRequestMethod(info, n.Y) {
				add(n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag != nil && isRequestMethod(info, n.Tag) {
				for _, c := range n.Body.List {
					for _, x := range c.(*ast.CaseClause).List {
						add(x)
					}
				}
			}
		}
		return true
	})
	return methods
}

// isRequestMethod reports whether x is r.Method for an *http.Request r.
func isRequestMethod(info *types.Info, x ast.Expr) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Method" {
		return false
	}
	return typesutil.IsNamed(info.TypeOf(sel.X), netHTTP, "Request")
}
