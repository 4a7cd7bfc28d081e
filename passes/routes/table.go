package routes

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Route tables: services list their routes in a literal slice or map and
// register them in a loop,
//
//	for _, r := range []route{{"POST /orders", create}, {"GET /orders", list}} {
//		mux.HandleFunc(r.pattern, r.handler)
//	}
//
// The evaluator unrolls such a loop: it evaluates the body once per
// element of the literal with the loop variables bound to the element's
// expressions, so that r.pattern is a constant and r.handler a handler,
// and a route registered in the body is reported at its element.

// maxTableRows bounds the elements unrolled per loop.
const maxTableRows = 500

// A binding is what a loop variable stands for in one round of an
// unrolled table: an element, or a field of one.
type binding struct {
	obj  types.Object
	expr ast.Expr
}

// rangeTable unrolls s when it ranges over a literal table and reports
// whether it did.
func (e *evaluator) rangeTable(fr *frame, s *ast.RangeStmt) bool {
	lit := e.tableLit(s.X, 0)
	if lit == nil || len(lit.Elts) == 0 || len(lit.Elts) > maxTableRows {
		return false
	}
	_, isMap := e.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Map)
	key, val := e.loopVar(s.Key), e.loopVar(s.Value)
	if val == nil && !(isMap && key != nil) {
		return false
	}
	saved, savedElem := e.bound, e.elem
	defer func() { e.bound, e.elem = saved, savedElem }()
	for _, elt := range lit.Elts {
		k, v := ast.Expr(nil), elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			k, v = kv.Key, kv.Value
		}
		e.bound = append(saved[:len(saved):len(saved)], binding{val, v})
		if isMap && key != nil {
			e.bound = append(e.bound, binding{key, k})
		}
		e.elem = elt
		e.condBlock(fr, s.Pos(), s.Body.List)
	}
	return true
}

// tableRow marks g as given by the element of the table being unrolled,
// if any: it is reported there, and its handler is the element's.
func (e *evaluator) tableRow(g *reg) {
	if e.elem == nil {
		return
	}
	g.at = e.elem
	if b := e.boundExpr(g.expr); b != nil {
		g.expr = b
	}
}

// mayHoldRouter reports whether a value of type t can be a router: a
// function type cannot.
func mayHoldRouter(t types.Type) bool {
	_, fn := t.Underlying().(*types.Signature)
	return !fn
}

// loopVar returns the variable a range clause defines or assigns, or nil.
func (e *evaluator) loopVar(x ast.Expr) types.Object {
	id, ok := x.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if obj := e.pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return e.pass.TypesInfo.Uses[id]
}

// tableLit returns the slice, array or map literal x is, or holds: a
// literal, a package variable or local variable initialised with one
// (and assigned nowhere else), or a call of a function of the package
// that returns one.
func (e *evaluator) tableLit(x ast.Expr, depth int) *ast.CompositeLit {
	if depth > syntax.MaxDepth {
		return nil
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.CompositeLit:
		if t := e.pass.TypesInfo.TypeOf(x); t != nil {
			switch t.Underlying().(type) {
			case *types.Slice, *types.Array, *types.Map:
				return x
			}
		}
	case *ast.Ident:
		if def := e.definition(e.pass.TypesInfo.Uses[x]); def != nil {
			return e.tableLit(def, depth+1)
		}
	case *ast.CallExpr:
		fn := e.calleeOf(x)
		if fn == nil {
			return nil
		}
		if fd := e.decl(fn); fd != nil && len(fd.Body.List) == 1 {
			if ret, ok := fd.Body.List[0].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				return e.tableLit(ret.Results[0], depth+1)
			}
		}
	}
	return nil
}

// definition returns the only value a variable of the package is ever
// given, when it is given one (syntax.Index.Definition); else nil.
func (e *evaluator) definition(obj types.Object) ast.Expr {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() != e.pass.Pkg || v.IsField() {
		return nil
	}
	return e.idx.Definition(v)
}

// boundExpr returns the expression x stands for in the round of a table
// being unrolled: a loop variable's element, or a field of it; else nil.
func (e *evaluator) boundExpr(x ast.Expr) ast.Expr {
	if len(e.bound) == 0 {
		return nil
	}
	lookup := func(id *ast.Ident) ast.Expr {
		obj := e.pass.TypesInfo.Uses[id]
		for i := len(e.bound) - 1; i >= 0; i-- {
			if b := e.bound[i]; b.obj == obj && obj != nil {
				return b.expr
			}
		}
		return nil
	}
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		return lookup(x)
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(x.X).(*ast.Ident)
		if !ok {
			return nil
		}
		if elem := lookup(id); elem != nil {
			return e.fieldOf(elem, x.Sel.Name)
		}
	}
	return nil
}

// fieldOf returns the value a struct literal (or its address) gives the
// named field, or nil.
func (e *evaluator) fieldOf(x ast.Expr, name string) ast.Expr {
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = u.X
	}
	lit, ok := ast.Unparen(x).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	st := typesutil.StructOf(e.pass.TypesInfo.TypeOf(lit))
	if st == nil {
		return nil
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == name {
				return kv.Value
			}
			continue
		}
		if i < st.NumFields() && st.Field(i).Name() == name {
			return elt
		}
	}
	return nil
}

// str returns the constant string x is, seeing through the loop
// variables of a table being unrolled.
func (e *evaluator) str(x ast.Expr) (string, bool) {
	if b := e.boundExpr(x); b != nil {
		return e.str(b)
	}
	if bin, ok := ast.Unparen(x).(*ast.BinaryExpr); ok && bin.Op == token.ADD && len(e.bound) > 0 {
		a, ok1 := e.str(bin.X)
		b, ok2 := e.str(bin.Y)
		return a + b, ok1 && ok2
	}
	return typesutil.ConstString(e.pass.TypesInfo, x)
}

// routeStr returns the constant string x is, the string it builds from
// the constants the caller of a wrapper gave, or the template it is in a
// function being summarised (template.go): a route's method, path or
// pattern.
func (e *evaluator) routeStr(x ast.Expr) (string, bool) {
	if s, ok := e.str(x); ok {
		return s, true
	}
	if e.fr == nil {
		return "", false
	}
	s, ok := e.template(e.fr, x)
	return s, ok && e.usable(s)
}
