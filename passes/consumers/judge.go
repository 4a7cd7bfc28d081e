package consumers

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
)

// judge computes the effects of c's handler and whether a dedup claim on
// a key derived from the message precedes, on every path, each effect
// that is not naturally idempotent.
func (a *analyzer) judge(c *Consumer) {
	c.Effects = a.eff.OfNode(&ast.BlockStmt{List: c.Handler})
	w := &walker{a: a, tainted: make(map[types.Object]bool)}
	if c.Msg != nil {
		w.tainted[c.Msg] = true
	}
	for _, obj := range c.derived {
		w.tainted[obj] = true
	}
	claimed := w.stmts(c.Handler, false)
	if c.publishes != "" {
		c.Effects.Kinds |= effects.Publish
		if c.Effects.NonIdempotent == "" {
			c.Effects.NonIdempotent = c.publishes
		}
		if !claimed {
			w.note(c.publishes)
		}
	}
	if c.Effects.NonIdempotent == "" {
		return
	}
	c.Unprotected = w.first
	if w.second != "" {
		c.Unprotected += " and " + w.second
	}
	if w.first == "" && w.claim != "" && c.Protection == "" {
		c.Protection = "dedup claim " + w.claim
		c.Claim = w.claimCall
	} else if w.first == "" {
		c.Unprotected = c.Effects.NonIdempotent
	}
}

// A walker follows the statements of a handler in order. A path is
// claimed once a dedup claim with a key derived from the message has been
// called on it; claims in a branch protect only that branch.
type walker struct {
	a       *analyzer
	tainted map[types.Object]bool // the message and values derived from it
	claim   string                // the claim seen, for the protection's name
	// claimCall is the claim's call.
	claimCall *ast.CallExpr
	first     string // the first unprotected non-idempotent effect
	second    string // the next, different one
	depth     int
}

func (w *walker) stmts(list []ast.Stmt, claimed bool) bool {
	for _, s := range list {
		claimed = w.stmt(s, claimed)
	}
	return claimed
}

func (w *walker) stmt(s ast.Stmt, claimed bool) bool {
	switch s := s.(type) {
	case nil:
		return claimed
	case *ast.BlockStmt:
		return w.stmts(s.List, claimed)
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt, claimed)
	case *ast.IfStmt:
		claimed = w.stmt(s.Init, claimed)
		claimed = w.simple(s.Cond, claimed)
		w.stmts(s.Body.List, claimed)
		w.stmt(s.Else, claimed)
		return claimed
	case *ast.ForStmt:
		claimed = w.stmt(s.Init, claimed)
		claimed = w.simple(s.Cond, claimed)
		w.stmts(s.Body.List, claimed)
		w.stmt(s.Post, claimed)
		return claimed
	case *ast.RangeStmt:
		claimed = w.simple(s.X, claimed)
		if w.refers(s.X) {
			w.taintExpr(s.Key)
			w.taintExpr(s.Value)
		}
		w.stmts(s.Body.List, claimed)
		return claimed
	case *ast.SwitchStmt:
		claimed = w.stmt(s.Init, claimed)
		claimed = w.simple(s.Tag, claimed)
		for _, cc := range s.Body.List {
			cc := cc.(*ast.CaseClause)
			c := claimed
			for _, x := range cc.List {
				c = w.simple(x, c)
			}
			w.stmts(cc.Body, c)
		}
		return claimed
	case *ast.TypeSwitchStmt:
		claimed = w.stmt(s.Init, claimed)
		derived := false
		if as, ok := s.Assign.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			derived = w.refers(as.Rhs[0])
		} else if es, ok := s.Assign.(*ast.ExprStmt); ok {
			derived = w.refers(es.X)
		}
		for _, cc := range s.Body.List {
			cc := cc.(*ast.CaseClause)
			if obj := w.a.pass.TypesInfo.Implicits[cc]; obj != nil && derived {
				w.tainted[obj] = true
			}
			w.stmts(cc.Body, claimed)
		}
		return claimed
	case *ast.SelectStmt:
		for _, cc := range s.Body.List {
			cc := cc.(*ast.CommClause)
			w.stmts(cc.Body, w.stmt(cc.Comm, claimed))
		}
		return claimed
	}
	return w.simple(s, claimed)
}

// simple handles a statement or expression without nested statements
// (function literals aside).
func (w *walker) simple(node ast.Node, claimed bool) bool {
	if node == nil || isNilNode(node) {
		return claimed
	}
	w.taint(node)
	if claimed {
		return true
	}
	if name, call := w.claimIn(node); name != "" {
		w.claim, w.claimCall = name, call
		return true
	}
	if call := singleCall(node); call != nil && w.depth < 3 {
		if decl, params := w.delegate(call); decl != nil {
			sub := &walker{a: w.a, tainted: params, depth: w.depth + 1}
			c := sub.stmts(decl.Body.List, false)
			w.note(sub.first)
			w.note(sub.second)
			if sub.claim != "" {
				w.claim, w.claimCall = sub.claim, sub.claimCall
			}
			return c
		}
	}
	w.note(w.a.eff.OfNode(node).NonIdempotent)
	return false
}

// note records an unprotected effect that is not naturally idempotent.
func (w *walker) note(desc string) {
	switch {
	case desc == "" || desc == w.first:
	case w.first == "":
		w.first = desc
	case w.second == "":
		w.second = desc
	}
}

func isNilNode(n ast.Node) bool {
	switch n := n.(type) {
	case ast.Expr:
		return n == nil
	case ast.Stmt:
		return n == nil
	}
	return false
}

// singleCall returns the call node consists of: f(...), !f(...),
// x, err := f(...), return f(...).
func singleCall(node ast.Node) *ast.CallExpr {
	switch n := node.(type) {
	case *ast.ExprStmt:
		return singleCall(n.X)
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 {
			return singleCall(n.Rhs[0])
		}
	case *ast.ReturnStmt:
		if len(n.Results) == 1 {
			return singleCall(n.Results[0])
		}
	case *ast.UnaryExpr:
		return singleCall(n.X)
	case *ast.ParenExpr:
		return singleCall(n.X)
	case *ast.CallExpr:
		return n
	}
	return nil
}

// delegate returns the declaration of a function of the package that call
// passes a value derived from the message to, and the parameters that
// receive such values.
func (w *walker) delegate(call *ast.CallExpr) (*ast.FuncDecl, map[types.Object]bool) {
	fn, ok := typeutil.Callee(w.a.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return nil, nil
	}
	decl := w.a.idx.Decl(fn)
	if decl == nil {
		return nil, nil
	}
	params := make(map[types.Object]bool)
	for i, x := range call.Args {
		if w.refers(x) {
			if p := w.a.param(decl.Type, i); p != nil {
				params[p] = true
			}
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && w.refers(sel.X) && decl.Recv != nil {
		for _, f := range decl.Recv.List {
			for _, n := range f.Names {
				params[w.a.pass.TypesInfo.Defs[n]] = true
			}
		}
	}
	if len(params) == 0 {
		return nil, nil
	}
	return decl, params
}

// claimIn returns the name and the call of a dedup claim called in node
// with a key derived from the message, or "".
func (w *walker) claimIn(node ast.Node) (string, *ast.CallExpr) {
	name := ""
	var call *ast.CallExpr
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fn, ok := typeutil.Callee(w.a.pass.TypesInfo, n).(*types.Func)
			if !ok || !w.a.dirs.Is(fn, directives.Dedup) {
				break
			}
			for _, x := range n.Args {
				if _, lit := ast.Unparen(x).(*ast.FuncLit); lit {
					continue // the code the claim runs (Exec(ctx, key, fn)), not its key
				}
				if w.refers(x) {
					name, call = fn.Name(), n
					if recv := fn.Signature().Recv(); recv != nil {
						if nt := typesutil.NamedOf(recv.Type()); nt != nil {
							name = nt.Obj().Name() + "." + name
						}
					}
				}
			}
		}
		return name == ""
	})
	return name, call
}

// refers reports whether x refers to the message or a value derived from
// it.
func (w *walker) refers(x ast.Node) bool {
	if x == nil || isNilNode(x) {
		return false
	}
	found := false
	ast.Inspect(x, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !found {
			found = w.tainted[w.a.pass.TypesInfo.Uses[id]]
		}
		return !found
	})
	return found
}

// taint marks the variables node assigns from values derived from the
// message, and the variables whose address it passes to a call along with
// such a value (json.Unmarshal(m.Value, &evt)).
func (w *walker) taint(node ast.Node) {
	switch n := node.(type) {
	case *ast.AssignStmt:
		for _, r := range n.Rhs {
			if w.refers(r) {
				for _, l := range n.Lhs {
					w.taintExpr(l)
				}
				break
			}
		}
	case *ast.DeclStmt:
		if gd, ok := n.Decl.(*ast.GenDecl); ok {
			for _, spec := range gd.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					for _, v := range vs.Values {
						if w.refers(v) {
							for _, id := range vs.Names {
								w.taintExpr(id)
							}
						}
					}
				}
			}
		}
	}
	ast.Inspect(node, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			_, lit := n.(*ast.FuncLit)
			return !lit
		}
		derived := false
		for _, x := range call.Args {
			derived = derived || w.refers(x)
		}
		if !derived {
			return true
		}
		for _, x := range call.Args {
			if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op.String() == "&" {
				w.taintExpr(u.X)
			}
		}
		return true
	})
}

func (w *walker) taintExpr(x ast.Expr) {
	if x == nil {
		return
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return
	}
	if obj := w.a.pass.TypesInfo.Defs[id]; obj != nil {
		w.tainted[obj] = true
	} else if obj := w.a.pass.TypesInfo.Uses[id]; obj != nil {
		w.tainted[obj] = true
	}
}
