package effects

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/idemlint/idemlint/internal/safe"
)

// collect builds the units of the package and their items, in one walk of
// its declarations.
//
// The walk visits what can call or name a function, statements and
// expressions, in source order; it leaves out types and labels, which
// cannot. It is written out rather than built on ast.Inspect, which calls
// a closure twice for every node: effects walks every body of every
// package that can have effects.
func (in *inferrer) collect() {
	in.byFn = make(map[*types.Func]*unit)
	for _, file := range in.pass.Files {
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				in.funcDecl(decl)
			case *ast.GenDecl:
				in.genDecl(decl, nil)
			}
		}
	}
}

// funcDecl adds the unit of a declared function and its items.
func (in *inferrer) funcDecl(n *ast.FuncDecl) {
	fn, _ := in.pass.TypesInfo.Defs[n.Name].(*types.Func)
	if fn == nil || n.Body == nil {
		return
	}
	u := &unit{fn: fn, name: fn.Name(), body: n.Body, pos: n.Pos(), end: n.End()}
	in.add(n, u)
	in.byFn[fn] = u
	in.paramsOf(n)
	in.body = new(Body)
	in.res.bodies[n] = in.body
	safe.At(in.pass, n.Body.Pos())
	in.enter(u, n.Recv, n.Type)
	in.stmts(n.Body.List, u)
	in.leave()
	in.body = nil
}

// enter records the parameters of a unit and pushes it on the stack of
// units around the walk, when the pass computes visibility.
func (in *inferrer) enter(u *unit, recv *ast.FieldList, typ *ast.FuncType) {
	if !in.walked {
		return
	}
	in.stack = append(in.stack, u)
	for _, fl := range []*ast.FieldList{recv, typ.Params, typ.Results} {
		if fl == nil {
			continue
		}
		for _, f := range fl.List {
			for _, id := range f.Names {
				if obj := in.pass.TypesInfo.Defs[id]; obj != nil {
					in.params[obj] = true
				}
			}
		}
	}
}

func (in *inferrer) leave() {
	if in.walked {
		in.stack = in.stack[:len(in.stack)-1]
	}
}

// funcLit adds the unit of a function literal and its items, and the
// literal to the items of cur.
func (in *inferrer) funcLit(n *ast.FuncLit, cur *unit) {
	u := &unit{lit: n, name: "func literal", body: n.Body, pos: n.Pos(), end: n.End()}
	in.add(n, u)
	if cur != nil {
		cur.items = append(cur.items, item{lit: n})
	}
	if n.Body != nil {
		in.enter(u, nil, n.Type)
		in.stmts(n.Body.List, u)
		in.leave()
	}
}

// genDecl walks the values of a declaration of variables or constants.
func (in *inferrer) genDecl(n *ast.GenDecl, cur *unit) {
	for _, spec := range n.Specs {
		if spec, ok := spec.(*ast.ValueSpec); ok {
			in.exprs(spec.Values, cur)
		}
	}
}

// call adds to cur the effects of a call of a recognised API, and records
// the package called in the summary of the body.
func (in *inferrer) call(n *ast.CallExpr, cur *unit) {
	if cur == nil {
		return
	}
	in.calleeID, in.calleeObj, in.calleeCall = calleeIdent(in.pass.TypesInfo, n), nil, n
	if in.calleeID != nil {
		in.calleeObj = in.pass.TypesInfo.Uses[in.calleeID]
	}
	fn, _ := in.calleeObj.(*types.Func)
	e, seen := in.apiEffectsOf(n, fn)
	if !e.None() {
		// The verb effect of a call the unit is pending on is not part
		// of its base: the implementations' effects replace it.
		cur.items = append(cur.items, item{eff: e, split: in.pendingCall(fn)})
	}
	if in.walked {
		if !seen || !in.seenCallee(n, cur) {
			in.hide(cur)
		}
		in.funcArgs(n, cur)
	}
	if fn != nil && in.body != nil {
		in.body.addCall(in.pass.Pkg, fn.Pkg())
	}
}

// writes judges the writes to each of xs in cur, when the pass computes
// visibility.
func (in *inferrer) writes(xs []ast.Expr, cur *unit) {
	if in.walked && cur != nil {
		for _, x := range xs {
			if x != nil {
				in.write(x, false, cur)
			}
		}
	}
}

func (in *inferrer) stmts(list []ast.Stmt, cur *unit) {
	n := len(in.guards)
	for i, s := range list {
		if s, ok := s.(*ast.IfStmt); ok {
			in.guardIf(s, list[:i], list[i+1:], cur)
		}
		in.stmt(s, cur)
	}
	in.guards = in.guards[:n]
}

func (in *inferrer) block(b *ast.BlockStmt, cur *unit) {
	if b != nil {
		in.stmts(b.List, cur)
	}
}

func (in *inferrer) stmt(s ast.Stmt, cur *unit) {
	switch s := s.(type) {
	case *ast.ExprStmt:
		in.expr(s.X, cur)
	case *ast.AssignStmt:
		if s.Tok != token.DEFINE && !(in.walked && in.memoWrite(s, cur)) {
			in.writes(s.Lhs, cur)
		}
		in.exprs(s.Lhs, cur)
		in.exprs(s.Rhs, cur)
	case *ast.ReturnStmt:
		in.exprs(s.Results, cur)
	case *ast.IfStmt:
		in.stmt(s.Init, cur)
		in.expr(s.Cond, cur)
		in.block(s.Body, cur)
		in.stmt(s.Else, cur)
	case *ast.BlockStmt:
		in.block(s, cur)
	case *ast.ForStmt:
		in.loop()
		in.stmt(s.Init, cur)
		in.expr(s.Cond, cur)
		in.stmt(s.Post, cur)
		in.block(s.Body, cur)
	case *ast.RangeStmt:
		in.loop()
		if s.Tok == token.ASSIGN {
			in.writes([]ast.Expr{s.Key, s.Value}, cur)
		}
		in.expr(s.Key, cur)
		in.expr(s.Value, cur)
		in.expr(s.X, cur)
		in.block(s.Body, cur)
	case *ast.SwitchStmt:
		in.stmt(s.Init, cur)
		in.expr(s.Tag, cur)
		in.block(s.Body, cur)
	case *ast.TypeSwitchStmt:
		in.stmt(s.Init, cur)
		in.stmt(s.Assign, cur)
		in.block(s.Body, cur)
	case *ast.CaseClause:
		in.exprs(s.List, cur)
		in.stmts(s.Body, cur)
	case *ast.SelectStmt:
		in.block(s.Body, cur)
	case *ast.CommClause:
		in.stmt(s.Comm, cur)
		in.stmts(s.Body, cur)
	case *ast.DeclStmt:
		if d, ok := s.Decl.(*ast.GenDecl); ok {
			in.genDecl(d, cur)
		}
	case *ast.DeferStmt:
		in.expr(s.Call, cur)
	case *ast.GoStmt:
		in.expr(s.Call, cur)
	case *ast.SendStmt:
		if in.walked && cur != nil {
			in.write(s.Chan, true, cur)
		}
		in.expr(s.Chan, cur)
		in.expr(s.Value, cur)
	case *ast.IncDecStmt:
		in.writes([]ast.Expr{s.X}, cur)
		in.expr(s.X, cur)
	case *ast.LabeledStmt:
		in.stmt(s.Stmt, cur)
	}
}

// loop records a loop in the summary of the body.
func (in *inferrer) loop() {
	if in.body != nil {
		in.body.Loops = true
	}
}

func (in *inferrer) exprs(list []ast.Expr, cur *unit) {
	for _, x := range list {
		in.expr(x, cur)
	}
}

func (in *inferrer) expr(x ast.Expr, cur *unit) {
	switch x := x.(type) {
	case *ast.Ident:
		in.ident(x, cur)
	case *ast.CallExpr:
		in.call(x, cur)
		in.expr(x.Fun, cur)
		in.exprs(x.Args, cur)
	case *ast.SelectorExpr:
		// In x.f with x a name, x is a package, variable or type,
		// never a function: only f is looked up. The calls in x come
		// before f, which may be the callee of the call around.
		if _, ok := x.X.(*ast.Ident); !ok {
			id, obj, call := in.calleeID, in.calleeObj, in.calleeCall
			in.expr(x.X, cur)
			in.calleeID, in.calleeObj, in.calleeCall = id, obj, call
		}
		if in.walked && cur != nil {
			if sel := in.pass.TypesInfo.Selections[x]; sel != nil && sel.Kind() != types.FieldVal {
				if fn, ok := sel.Obj().(*types.Func); ok && isInterfaceMethod(fn) {
					recv := sel.Recv()
					if !types.IsInterface(recv) {
						recv = recvType(fn) // through an embedded interface
					}
					if !in.seenInterface(recv, fn) && !(grpcInvoke(fn) && in.calling(fn)) && !in.await(fn, cur) {
						in.hide(cur)
					}
				}
			}
		}
		in.ident(x.Sel, cur)
	case *ast.FuncLit:
		in.funcLit(x, cur)
	case *ast.CompositeLit:
		in.exprs(x.Elts, cur)
	case *ast.KeyValueExpr:
		in.expr(x.Key, cur)
		in.expr(x.Value, cur)
	case *ast.UnaryExpr:
		in.expr(x.X, cur)
	case *ast.BinaryExpr:
		in.expr(x.X, cur)
		in.expr(x.Y, cur)
	case *ast.ParenExpr:
		in.expr(x.X, cur)
	case *ast.StarExpr:
		in.expr(x.X, cur)
	case *ast.IndexExpr:
		in.expr(x.X, cur)
		in.expr(x.Index, cur)
	case *ast.IndexListExpr:
		in.expr(x.X, cur)
		in.exprs(x.Indices, cur)
	case *ast.SliceExpr:
		in.expr(x.X, cur)
		in.expr(x.Low, cur)
		in.expr(x.High, cur)
		in.expr(x.Max, cur)
	case *ast.TypeAssertExpr:
		in.expr(x.X, cur)
	}
}
