package dedup

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// index records, once per package, where values flow for the settings'
// walker: assignments to variables and fields, on every path or on some,
// and field assignments through a variable. Declarations, parameters and
// calls are the syntax index's.
type index struct {
	assigns      map[*types.Var][]ast.Expr
	fieldAssigns map[*types.Var][]fieldAssign
	cond         map[ast.Expr]bool // values assigned inside a conditional statement
}

// A fieldAssign is v.Field = value, or the field of a literal assigned to v.
type fieldAssign struct {
	field types.Object
	node  ast.Node
	value ast.Expr
}

func (r *Reader) index() *index {
	if r.idx != nil {
		return r.idx
	}
	info := r.pass.TypesInfo
	x := &index{
		assigns:      make(map[*types.Var][]ast.Expr),
		fieldAssigns: make(map[*types.Var][]fieldAssign),
		cond:         make(map[ast.Expr]bool),
	}
	depth := 0 // conditional statements around the node being visited
	var stack []bool
	r.idx = x
	varOf := func(e ast.Expr) *types.Var {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.ObjectOf(e).(*types.Var)
			return v
		case *ast.SelectorExpr:
			if sel := info.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
				v, _ := sel.Obj().(*types.Var)
				return v
			}
		}
		return nil
	}
	assign := func(lhs ast.Expr, rhs ast.Expr, node ast.Node) {
		if depth > 0 {
			x.cond[rhs] = true
		}
		if v := varOf(lhs); v != nil {
			x.assigns[v] = append(x.assigns[v], rhs)
		}
		if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
				if base := varOf(sel.X); base != nil {
					x.fieldAssigns[base] = append(x.fieldAssigns[base], fieldAssign{field: s.Obj(), node: node, value: rhs})
				}
			}
		}
	}
	for _, f := range r.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				if stack[len(stack)-1] {
					depth--
				}
				stack = stack[:len(stack)-1]
				return true
			}
			c := false
			switch n.(type) {
			case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt, *ast.ForStmt, *ast.RangeStmt:
				c = true
			}
			stack = append(stack, c)
			if c {
				depth++
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						assign(n.Lhs[i], n.Rhs[i], n)
					}
				} else if len(n.Rhs) == 1 {
					assign(n.Lhs[0], n.Rhs[0], n)
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if i < len(n.Values) && len(n.Values) == len(n.Names) {
						assign(name, n.Values[i], n)
					} else if i == 0 && len(n.Values) == 1 {
						assign(name, n.Values[0], n)
					}
				}
			case *ast.CompositeLit:
				if t := info.TypeOf(n); t != nil {
					if _, ok := t.Underlying().(*types.Struct); ok {
						for _, elt := range n.Elts {
							if kv, ok := elt.(*ast.KeyValueExpr); ok {
								if key, ok := kv.Key.(*ast.Ident); ok {
									if v, ok := info.ObjectOf(key).(*types.Var); ok && v.Pkg() == r.pass.Pkg {
										x.assigns[v] = append(x.assigns[v], kv.Value)
									}
								}
							}
						}
					}
				}
			}
			return true
		})
	}
	return x
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
