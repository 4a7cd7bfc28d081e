package retries

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// calleeFunc returns the function or method a call statically calls.
func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// isFunc reports whether fn is the package-level function pkg.name (pkg
// may end in "/" to match any version suffix of a module path).
func isFunc(fn *types.Func, pkg string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil || fn.Pkg().Path() != pkg {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// isMethod reports whether fn is a method of pkg.typ named one of names.
func isMethod(fn *types.Func, pkg, typ string, names ...string) bool {
	if fn == nil || fn.Signature().Recv() == nil || !typesutil.IsNamed(fn.Signature().Recv().Type(), pkg, typ) {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// constInt returns the constant integer value of e.
func constInt(info *types.Info, e ast.Expr) (int64, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}

// isZero reports whether e is the constant 0.
func isZero(info *types.Info, e ast.Expr) bool {
	v, ok := constInt(info, e)
	return ok && v == 0
}

// localVar returns the local variable e names, or nil.
func localVar(info *types.Info, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// values returns the expressions assigned to v within scope: its
// initialiser and plain assignments. ok is false when v is assigned in a
// way the pass does not follow (a tuple from a call it cannot split, a
// pointer taken).
func values(info *types.Info, scope ast.Node, v *types.Var) (vals []ast.Expr, ok bool) {
	if v == nil || scope == nil {
		return nil, false
	}
	ok = true
	ast.Inspect(scope, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, isID := lhs.(*ast.Ident)
				if !isID || (info.Defs[id] != v && info.Uses[id] != v) {
					continue
				}
				switch {
				case len(n.Lhs) == len(n.Rhs):
					vals = append(vals, n.Rhs[i])
				case len(n.Rhs) == 1 && i == 0:
					vals = append(vals, n.Rhs[0]) // v, err := f()
				default:
					ok = false
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if info.Defs[id] != v {
					continue
				}
				if i < len(n.Values) {
					vals = append(vals, n.Values[i])
				} else if len(n.Values) == 1 && i == 0 {
					vals = append(vals, n.Values[0])
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && info.Uses[id] == v {
					ok = false
				}
			}
		}
		return true
	})
	return vals, ok
}

// fieldAssigns returns the values assigned within scope to field name of
// the variable v (v.name = x).
func fieldAssigns(info *types.Info, scope ast.Node, v *types.Var, name string) []ast.Expr {
	if v == nil || scope == nil {
		return nil
	}
	var out []ast.Expr
	ast.Inspect(scope, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, ok := lhs.(*ast.SelectorExpr)
			if ok && sel.Sel.Name == name && localVar(info, sel.X) == v {
				out = append(out, as.Rhs[i])
			}
		}
		return true
	})
	return out
}

// compositeField returns the value of field name in a keyed composite
// literal, and whether the literal is keyed.
func compositeField(lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	keyed := len(lit.Elts) == 0
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		keyed = true
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
			return kv.Value, true
		}
	}
	return nil, keyed
}

// contains reports whether n lies within outer.
func contains(outer ast.Node, n ast.Node) bool {
	return outer != nil && n != nil && outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

// shortExpr renders e for a message.
func shortExpr(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// funcName renders a called function for messages: pkg.Func or Type.Method.
func funcName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// lowerContains reports whether s contains any of subs, ignoring case.
func lowerContains(s string, subs ...string) bool {
	s = strings.ToLower(s)
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// exprObject returns the variable, field or function e names (x, x.f,
// pkg.F), or nil.
func exprObject(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.ObjectOf(e.Sel)
	}
	return nil
}
