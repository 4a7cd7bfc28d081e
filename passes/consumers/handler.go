package consumers

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/passes/directives"
)

// funcHandler sets c's handler to the function x denotes (a literal or a
// function or method of the package), with its msgParam-th parameter as
// the message. A handler passed through a consumer dedup wrapper is
// protected; any other handler the pass cannot see is Unknown.
func (a *analyzer) funcHandler(c *Consumer, x ast.Expr, msgParam int) {
	if x == nil {
		c.Unknown = true
		return
	}
	if w := a.consumerWrapper(x); w != "" {
		c.Protection = "consumer middleware " + w
		c.Unknown = true
		return
	}
	x = ast.Unparen(x)
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	switch v := x.(type) {
	case *ast.FuncLit:
		ftype, body = v.Type, v.Body
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if s, ok := v.(*ast.SelectorExpr); ok {
			id = s.Sel
		} else {
			id = v.(*ast.Ident)
		}
		switch obj := a.pass.TypesInfo.Uses[id].(type) {
		case *types.Func:
			decl := a.idx.Decl(obj)
			if decl == nil {
				c.Unknown = true
				return
			}
			c.Func = obj.Origin()
			ftype, body = decl.Type, decl.Body
		case *types.Var:
			// a variable holding a function literal
			if lit, ok := ast.Unparen(a.idx.Definition(obj)).(*ast.FuncLit); ok && obj.Pkg() == a.pass.Pkg {
				ftype, body = lit.Type, lit.Body
			}
		}
	case *ast.CallExpr:
		// a conversion such as nats.MsgHandler(f)
		if tv, ok := a.pass.TypesInfo.Types[v.Fun]; ok && tv.IsType() && len(v.Args) == 1 {
			a.funcHandler(c, v.Args[0], msgParam)
			return
		}
	}
	if body == nil {
		c.Unknown = true
		return
	}
	c.Handler = body.List
	c.Msg = a.param(ftype, msgParam)
}

// param returns the object of the i-th parameter of ftype, or nil.
func (a *analyzer) param(ftype *ast.FuncType, i int) types.Object {
	if ftype == nil || ftype.Params == nil {
		return nil
	}
	n := 0
	for _, f := range ftype.Params.List {
		names := f.Names
		if len(names) == 0 {
			n++
			continue
		}
		for _, name := range names {
			if n == i {
				return a.pass.TypesInfo.Defs[name]
			}
			n++
		}
	}
	return nil
}

// consumerWrapper returns the name of a consumer dedup wrapper that node
// refers to, or "".
func (a *analyzer) consumerWrapper(node ast.Node) string {
	name := ""
	ast.Inspect(node, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && name == "" {
			if obj := a.pass.TypesInfo.Uses[id]; obj != nil && a.dirs.Is(obj, directives.Consumer) {
				name = obj.Name()
				if obj.Pkg() != nil && obj.Pkg() != a.pass.Pkg {
					name = obj.Pkg().Name() + "." + name
				}
			}
		}
		return name == ""
	})
	return name
}

// enclosing returns the innermost function (declaration or literal) in
// stack.
func enclosing(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return stack[i]
		}
	}
	return nil
}

// restHandler sets c's handler to the statements that follow the
// statement of call in its block, and the message to the first variable
// that statement assigns. A receive whose enclosing function refers to a
// consumer dedup wrapper is protected.
func (a *analyzer) restHandler(c *Consumer, call *ast.CallExpr, stack []ast.Node) {
	if fn := enclosing(stack); fn != nil {
		if w := a.consumerWrapper(fn); w != "" {
			c.Protection = "consumer middleware " + w
		}
	}
	for i := len(stack) - 1; i > 0; i-- {
		block, ok := stack[i-1].(*ast.BlockStmt)
		if !ok {
			if _, isFn := stack[i].(*ast.FuncLit); isFn {
				break
			}
			continue
		}
		stmt, _ := stack[i].(ast.Stmt)
		for j, s := range block.List {
			if s != stmt {
				continue
			}
			c.Handler = block.List[j+1:]
			c.Msg = a.assigned(stmt, call)
			if ts, ok := stmt.(*ast.TypeSwitchStmt); ok && ts.Assign != nil && containsNode(ts.Assign, call) {
				// switch e := c.Poll(100).(type) { case *kafka.Message: ... }
				c.Handler = block.List[j:]
				for _, cc := range ts.Body.List {
					if obj := a.pass.TypesInfo.Implicits[cc]; obj != nil {
						c.derived = append(c.derived, obj)
					}
				}
			}
			return
		}
		break
	}
	c.Unknown = true
}

// assigned returns the variable stmt assigns the first result of call to.
func (a *analyzer) assigned(stmt ast.Stmt, call *ast.CallExpr) types.Object {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || len(as.Lhs) == 0 {
		return nil
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return nil
	}
	if obj := a.pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return a.pass.TypesInfo.Uses[id]
}

// rangeHandler sets c's handler to the body of the first range statement
// in scope over an expression match accepts, the message to its value (or
// key, for a channel). A variable passed to a function of the package is
// followed into it once.
func (a *analyzer) rangeHandler(c *Consumer, scope ast.Node, match func(x ast.Expr) bool) bool {
	if scope == nil {
		return false
	}
	var found *ast.RangeStmt
	ast.Inspect(scope, func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && found == nil && match(r.X) {
			found = r
		}
		return found == nil
	})
	if found == nil {
		return false
	}
	c.Handler = found.Body.List
	v := found.Value
	if _, isChan := types.Unalias(a.pass.TypesInfo.TypeOf(found.X)).Underlying().(*types.Chan); isChan || v == nil {
		v = found.Key
	}
	if id, ok := v.(*ast.Ident); ok {
		c.Msg = a.pass.TypesInfo.Defs[id]
		if c.Msg == nil {
			c.Msg = a.pass.TypesInfo.Uses[id]
		}
	}
	return true
}

// rangeOverVar finds the range over the variable obj in scope, or in a
// function of the package obj is passed to.
func (a *analyzer) rangeOverVar(c *Consumer, scope ast.Node, obj types.Object) bool {
	if obj == nil {
		return false
	}
	refers := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && a.pass.TypesInfo.Uses[id] == obj
	}
	if a.rangeHandler(c, scope, refers) || a.receiveHandler(c, scope, refers) {
		return true
	}
	// followed into a function of the package: go worker(msgs)
	var target *ast.FuncDecl
	var param types.Object
	ast.Inspect(scope, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || target != nil {
			return target == nil
		}
		fn, ok := typeutil.Callee(a.pass.TypesInfo, call).(*types.Func)
		if !ok {
			return true
		}
		decl := a.idx.Decl(fn)
		if decl == nil {
			return true
		}
		for i, x := range call.Args {
			if refers(x) {
				if p := a.param(decl.Type, i); p != nil {
					target, param = decl, p
				}
			}
		}
		return target == nil
	})
	if target == nil {
		return false
	}
	isParam := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && a.pass.TypesInfo.Uses[id] == param
	}
	return a.rangeHandler(c, target.Body, isParam) || a.receiveHandler(c, target.Body, isParam)
}

// receiveHandler sets c's handler to the body of the first select case
// receiving from a channel match accepts (case d := <-msgs:), or to the
// statements after d := <-msgs in its block.
func (a *analyzer) receiveHandler(c *Consumer, scope ast.Node, match func(x ast.Expr) bool) bool {
	recv := func(s ast.Stmt) (types.Object, bool) {
		as, ok := s.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 {
			return nil, false
		}
		u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr)
		if !ok || u.Op != token.ARROW || !match(u.X) {
			return nil, false
		}
		var obj types.Object
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			if obj = a.pass.TypesInfo.Defs[id]; obj == nil {
				obj = a.pass.TypesInfo.Uses[id]
			}
		}
		return obj, true
	}
	found := false
	ast.Inspect(scope, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.CommClause:
			if obj, ok := recv(n.Comm); ok {
				c.Handler, c.Msg, found = n.Body, obj, true
			}
		case *ast.BlockStmt:
			for i, s := range n.List {
				if obj, ok := recv(s); ok {
					c.Handler, c.Msg, found = n.List[i+1:], obj, true
					break
				}
			}
		}
		return !found
	})
	return found
}

// containsNode reports whether root contains n.
func containsNode(root, n ast.Node) bool {
	return root.Pos() <= n.Pos() && n.End() <= root.End()
}
