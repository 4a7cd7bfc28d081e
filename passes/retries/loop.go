package retries

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// loop recognises a hand-written retry loop: a for loop whose body makes
// a call, leaves the loop when the call's error is nil and goes round
// again otherwise. noCond is true for a loop without a condition.
func (a *finder) loop(s *site, loop ast.Stmt, body *ast.BlockStmt, noCond bool) *Retry {
	if body == nil {
		return nil
	}
	label := ""
	if n := len(s.stack); n >= 2 {
		if l, ok := s.stack[n-2].(*ast.LabeledStmt); ok {
			label = l.Label.Name
		}
	}
	success, attempts := a.successExits(body, label, false)
	condOnly := false // the condition is only `err != nil`
	if len(success) == 0 {
		if noCond {
			return a.poll(s, loop, body)
		}
		// for err != nil { err = attempt() }, for i := 0; i < n && err != nil; i++ { ... }
		f, ok := loop.(*ast.ForStmt)
		if !ok || f.Cond == nil {
			return nil
		}
		v := errTest(a.pass.TypesInfo, f.Cond, token.NEQ, token.LAND)
		if v == nil {
			return nil
		}
		for _, st := range body.List {
			if call := a.assigns(st, v); call != nil {
				attempts = append(attempts, call)
			}
		}
		if len(attempts) == 0 {
			return nil
		}
		b, _ := ast.Unparen(f.Cond).(*ast.BinaryExpr)
		condOnly = b != nil && b.Op == token.NEQ
	}
	if a.iterates(loop, body, attempts) {
		return nil
	}
	pos := loop.Pos()
	r := &Retry{Mechanism: "retry loop", Pos: pos, End: pos + token.Pos(len("for"))}
	if noCond || condOnly {
		// An exit when a context is done bounds the loop, unless the
		// context is visibly never done.
		notBounds := success
		if done, ctx := doneExits(body); len(done) > 0 {
			if a.ctxBounded(s, ctx, true) {
				r.Bound = "until the context is done"
			} else {
				notBounds = make(map[ast.Stmt]bool, len(success)+len(done))
				maps.Copy(notBounds, success)
				maps.Copy(notBounds, done)
			}
		}
		if !hasOtherExit(a.pass.TypesInfo, body, label, notBounds) {
			r.Bound = ""
			r.Unbounded = "it goes round until the call succeeds"
			r.BoundFix = "bound the attempts (for attempt := range maxAttempts) or stop when the context is done"
		}
	}
	var post ast.Stmt
	if f, ok := loop.(*ast.ForStmt); ok {
		post = f.Post
	}
	if !a.waits(body, 0) && (post == nil || !a.waits(post, 0)) {
		r.NoBackoff = "it tries again at once"
		r.BackoffFix = "sleep with exponential backoff and jitter between attempts"
	}
	a.retried(r, body, &frame{scope: s.fn, region: body})
	// Loops that call until success are common in code that talks to
	// nothing (rejection sampling, parsing, picking a free name): only a
	// loop whose attempts reach a dependency is held to a budget.
	if len(r.Ops) == 0 && !a.remoteCalls(attempts, 0) {
		return nil
	}
	return r
}

// remoteCalls reports whether one of the attempted calls reaches a
// dependency, directly or through a function of the package.
func (a *finder) remoteCalls(calls []*ast.CallExpr, depth int) bool {
	for _, call := range calls {
		if a.remote(call) {
			return true
		}
		fn := calleeFunc(a.pass.TypesInfo, call)
		if fn == nil || depth >= maxDepth {
			continue
		}
		if d := a.idx.Decl(fn); d != nil && a.remote(d.Body) {
			return true
		}
	}
	return false
}

// remotePackages are packages whose calls reach another process.
var remotePackages = map[string]bool{
	"net": true, netHTTP: true, "net/rpc": true, "net/smtp": true, "database/sql": true,
	grpcPkg: true, retryableHTTP: true, restyV2: true, restyV3: true,
}

// remote reports whether body calls something that reaches a dependency:
// a function taking a context.Context first, a function of a networking
// or database package, or a function with inferred side effects.
func (a *finder) remote(body ast.Node) bool {
	info := a.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		fn := calleeFunc(info, call)
		if fn == nil {
			return true
		}
		params := fn.Signature().Params()
		switch {
		case params.Len() > 0 && typesutil.IsNamed(params.At(0).Type(), "context", "Context"):
			found = true
		case fn.Pkg() != nil && remotePackages[fn.Pkg().Path()]:
			found = true
		case a.effects != nil && a.effects.OfCall(call).Kinds != 0:
			found = true
		}
		return !found
	})
	return found
}

// iterates reports whether a for loop walks a collection or a set of
// targets: its body indexes with the counter its init statement (or an
// integer range) defines, or an attempted call takes the counter, or a
// variable the body computes from it. Each round then tries another item,
// shard or replica, which is failover or fan-out, not a retry.
func (a *finder) iterates(loop ast.Stmt, body *ast.BlockStmt, attempts []*ast.CallExpr) bool {
	info := a.pass.TypesInfo
	vars := make(map[types.Object]bool)
	switch l := loop.(type) {
	case *ast.ForStmt:
		if as, ok := l.Init.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			for _, lhs := range as.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] != nil {
					vars[info.Defs[id]] = true
				}
			}
		}
	case *ast.RangeStmt:
		if id, ok := l.Key.(*ast.Ident); ok && info.Defs[id] != nil {
			vars[info.Defs[id]] = true
		}
	}
	if len(vars) == 0 {
		return false
	}
	uses := func(n ast.Node, vars map[types.Object]bool) bool {
		found := false
		ast.Inspect(n, func(m ast.Node) bool {
			if id, ok := m.(*ast.Ident); ok && vars[info.Uses[id]] {
				found = true
			}
			return !found
		})
		return found
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if ix, ok := n.(*ast.IndexExpr); ok && !found {
			found = uses(ix.Index, vars)
		}
		return !found
	})
	if found {
		return true
	}
	// Variables the body assigns from the counter (target :=
	// fmt.Sprintf("queue-%d", i)), a few assignments deep.
	derived := maps.Clone(vars)
	for range maxDepth {
		ast.Inspect(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, lhs := range as.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && uses(as.Rhs[i], derived) {
					if obj := info.ObjectOf(id); obj != nil {
						derived[obj] = true
					}
				}
			}
			return true
		})
	}
	for _, call := range attempts {
		if uses(call, derived) {
			return true
		}
	}
	return false
}

// successExits returns the statements by which a loop body leaves the
// loop when an attempted call's error is nil:
//
//	if err == nil { ...; return/break }     (also nested: if err == nil { if ok { return } })
//	if err != nil { ...; continue } ... return/break
//
// and looks into the clauses of a select in the body (case <-ticker.C:
// if err := try(); err == nil { return }). In a select, inSelect, an
// unlabeled break leaves the select, not the loop.
func (a *finder) successExits(body *ast.BlockStmt, label string, inSelect bool) (map[ast.Stmt]bool, []*ast.CallExpr) {
	info := a.pass.TypesInfo
	exits := make(map[ast.Stmt]bool)
	var attempts []*ast.CallExpr
	leavesLoop := func(st ast.Stmt) bool {
		if inSelect && isBranch(st, token.BREAK, "") && st.(*ast.BranchStmt).Label == nil {
			return false
		}
		return leaves(st, label)
	}
	for i, st := range body.List {
		if sel, ok := st.(*ast.SelectStmt); ok {
			for _, c := range sel.Body.List {
				cc := c.(*ast.CommClause)
				e, calls := a.successExits(&ast.BlockStmt{List: cc.Body}, label, true)
				maps.Copy(exits, e)
				attempts = append(attempts, calls...)
			}
			continue
		}
		ifs, ok := st.(*ast.IfStmt)
		if !ok {
			continue
		}
		if v := errTest(info, ifs.Cond, token.EQL, token.LAND); v != nil {
			if calls := a.attempted(body, i, v); len(calls) > 0 {
				if last := lastStmt(ifs.Body); leavesLoop(last) {
					exits[last] = true
					attempts = append(attempts, calls...)
				} else if nested := exitsWithin(ifs.Body, label, inSelect); len(nested) > 0 {
					for _, x := range nested {
						exits[x] = true
					}
					attempts = append(attempts, calls...)
				}
			}
		}
		if v := errTest(info, ifs.Cond, token.NEQ, token.LOR); v != nil {
			calls := a.attempted(body, i, v)
			if len(calls) == 0 {
				continue
			}
			if last := lastStmt(ifs.Body); isBranch(last, token.CONTINUE, label) {
				for _, later := range body.List[i+1:] {
					if leavesLoop(later) {
						exits[later] = true
						attempts = append(attempts, calls...)
						break
					}
				}
			}
			if els, ok := ifs.Else.(*ast.BlockStmt); ok {
				if last := lastStmt(els); leavesLoop(last) {
					exits[last] = true
					attempts = append(attempts, calls...)
				}
			}
		}
	}
	return exits, attempts
}

// exitsWithin returns the statements of block, in nested if statements,
// that leave the loop: returns, and breaks of it.
func exitsWithin(block *ast.BlockStmt, label string, inSelect bool) []ast.Stmt {
	var out []ast.Stmt
	var walk func(list []ast.Stmt)
	walk = func(list []ast.Stmt) {
		for _, st := range list {
			switch st := st.(type) {
			case *ast.ReturnStmt:
				out = append(out, st)
			case *ast.BranchStmt:
				if st.Tok == token.BREAK && (st.Label != nil && st.Label.Name == label || st.Label == nil && !inSelect) {
					out = append(out, st)
				}
			case *ast.IfStmt:
				walk(st.Body.List)
				if els, ok := st.Else.(*ast.BlockStmt); ok {
					walk(els.List)
				} else if els, ok := st.Else.(*ast.IfStmt); ok {
					walk([]ast.Stmt{els})
				}
			case *ast.BlockStmt:
				walk(st.List)
			}
		}
	}
	walk(block.List)
	return out
}

// doneExits returns the statements that leave the loop in the `case
// <-ctx.Done():` clauses of the selects of its body, and the context.
func doneExits(body *ast.BlockStmt) (map[ast.Stmt]bool, ast.Expr) {
	var ctx ast.Expr
	exits := make(map[ast.Stmt]bool)
	for _, st := range body.List {
		sel, ok := st.(*ast.SelectStmt)
		if !ok {
			continue
		}
		for _, c := range sel.Body.List {
			cc := c.(*ast.CommClause)
			es, ok := cc.Comm.(*ast.ExprStmt)
			if !ok {
				continue
			}
			recv, ok := ast.Unparen(es.X).(*ast.UnaryExpr)
			if !ok || recv.Op != token.ARROW {
				continue
			}
			call, ok := ast.Unparen(recv.X).(*ast.CallExpr)
			if !ok {
				continue
			}
			done, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok || done.Sel.Name != "Done" || len(call.Args) != 0 {
				continue
			}
			for _, x := range exitsWithin(&ast.BlockStmt{List: cc.Body}, "", true) {
				exits[x] = true
			}
			ctx = done.X
		}
	}
	return exits, ctx
}

// errTest returns the error variable v of a condition `v OP nil`, alone or
// joined to others by join.
func errTest(info *types.Info, cond ast.Expr, op, join token.Token) *types.Var {
	switch c := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		if c.Op == join {
			if v := errTest(info, c.X, op, join); v != nil {
				return v
			}
			return errTest(info, c.Y, op, join)
		}
		if c.Op != op {
			return nil
		}
		x, y := ast.Unparen(c.X), ast.Unparen(c.Y)
		if id, ok := y.(*ast.Ident); !ok || id.Name != "nil" {
			return nil
		}
		v := localVar(info, x)
		if v == nil || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
			return nil
		}
		return v
	}
	return nil
}

// attempted returns the call whose error the if statement body.List[i]
// tests as v: assigned in the statement's init, or by the last statement
// before it that assigns v.
func (a *finder) attempted(body *ast.BlockStmt, i int, v *types.Var) []*ast.CallExpr {
	if ifs, ok := body.List[i].(*ast.IfStmt); ok && ifs.Init != nil {
		if call := a.assigns(ifs.Init, v); call != nil {
			return []*ast.CallExpr{call}
		}
	}
	for j := i - 1; j >= 0; j-- {
		as, ok := body.List[j].(*ast.AssignStmt)
		if !ok || !a.assignsVar(as, v) {
			continue
		}
		if call := a.assigns(as, v); call != nil {
			return []*ast.CallExpr{call}
		}
		return nil
	}
	return nil
}

// assignsVar reports whether as assigns v.
func (a *finder) assignsVar(as *ast.AssignStmt, v *types.Var) bool {
	info := a.pass.TypesInfo
	for _, lhs := range as.Lhs {
		if id, ok := lhs.(*ast.Ident); ok && (info.Defs[id] == v || info.Uses[id] == v) {
			return true
		}
	}
	return false
}

// assigns returns the call whose result st assigns to v, or nil.
func (a *finder) assigns(st ast.Stmt, v *types.Var) *ast.CallExpr {
	as, ok := st.(*ast.AssignStmt)
	if !ok {
		return nil
	}
	info := a.pass.TypesInfo
	for i, lhs := range as.Lhs {
		id, ok := lhs.(*ast.Ident)
		if !ok || (info.Defs[id] != v && info.Uses[id] != v) {
			continue
		}
		rhs := as.Rhs[0]
		if len(as.Rhs) == len(as.Lhs) {
			rhs = as.Rhs[i]
		}
		if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
			return call
		}
	}
	return nil
}

func lastStmt(b *ast.BlockStmt) ast.Stmt {
	if b == nil || len(b.List) == 0 {
		return nil
	}
	return b.List[len(b.List)-1]
}

// leaves reports whether st leaves the loop: a return, or a break of it.
func leaves(st ast.Stmt, label string) bool {
	if _, ok := st.(*ast.ReturnStmt); ok {
		return true
	}
	return isBranch(st, token.BREAK, label)
}

func isBranch(st ast.Stmt, tok token.Token, label string) bool {
	br, ok := st.(*ast.BranchStmt)
	return ok && br.Tok == tok && (br.Label == nil || br.Label.Name == label)
}

// hasOtherExit reports whether a loop body can leave the loop other than
// by its success exits: a return, a break of the loop, a goto, a panic
// or an exit.
func hasOtherExit(info *types.Info, body *ast.BlockStmt, label string, success map[ast.Stmt]bool) bool {
	found := false
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					walk(m, true)
					return false
				}
			case *ast.ReturnStmt:
				found = !success[m]
			case *ast.BranchStmt:
				switch m.Tok {
				case token.GOTO:
					found = true
				case token.BREAK:
					// a labeled break may leave an enclosing loop too
					if (m.Label == nil && !nested) || m.Label != nil {
						found = !success[m]
					}
				case token.CONTINUE:
					found = m.Label != nil && m.Label.Name != label
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(m.Fun).(*ast.Ident); ok && id.Name == "panic" {
					if _, ok := info.Uses[id].(*types.Builtin); ok {
						found = true
					}
				}
				fn := calleeFunc(info, m)
				if isFunc(fn, "os", "Exit") || isFunc(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") {
					found = true
				}
			}
			return !found
		})
	}
	walk(body, false)
	return found
}

// waits reports whether n pauses between attempts: a sleep, a timer, a
// channel receive, a select, or a call whose name says it waits, also in
// the functions of the package it calls.
func (a *finder) waits(n ast.Node, depth int) bool {
	info := a.pass.TypesInfo
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectStmt:
			found = true
		case *ast.UnaryExpr:
			found = m.Op == token.ARROW
		case *ast.CallExpr:
			if fn := calleeFunc(info, m); fn != nil {
				found = isFunc(fn, "time", "Sleep", "After", "NewTimer", "Tick", "NewTicker", "AfterFunc") ||
					lowerContains(fn.Name(), "sleep", "backoff", "wait", "delay", "pause", "throttle")
				if d := a.idx.Decl(fn); !found && d != nil && depth < maxDepth && !contains(d, m) {
					found = a.waits(d.Body, depth+1)
				}
			} else {
				found = lowerContains(types.ExprString(m.Fun), "sleep", "backoff", "wait", "delay", "pause", "throttle")
			}
		}
		return !found
	})
	return found
}

// poll recognises a poll: an unconditional loop that calls an HTTP
// client in its body and goes round again with no pause until a check of
// the answer leaves it. It is unbounded unless it stops when a context
// is done; a poll that pauses between rounds is a periodic poller and is
// not held to a budget.
func (a *finder) poll(s *site, loop ast.Stmt, body *ast.BlockStmt) *Retry {
	if a.waits(body, 0) || !a.httpCall(body) {
		return nil
	}
	pos := loop.Pos()
	r := &Retry{Mechanism: "poll loop", Pos: pos, End: pos + token.Pos(len("for")),
		NoBackoff: "it polls again at once", BackoffFix: "sleep with exponential backoff and jitter between rounds"}
	if ctx := a.ctxCheck(body); ctx == nil || !a.ctxBounded(s, ctx, true) {
		r.Unbounded = "it polls until the answer says it is done"
		r.BoundFix = "bound the rounds or stop when the context is done"
	} else {
		r.Bound = "until the context is done"
	}
	a.retried(r, body, &frame{scope: s.fn, region: body})
	return r
}

// httpCall reports whether body calls net/http to send a request, outside
// function literals.
func (a *finder) httpCall(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			fn := calleeFunc(a.pass.TypesInfo, call)
			found = isFunc(fn, netHTTP, "Get", "Head", "Post", "PostForm") ||
				isMethod(fn, netHTTP, "Client", "Do", "Get", "Head", "Post", "PostForm")
		}
		return !found
	})
	return found
}

// ctxCheck returns the context whose Err or Done body checks, or nil.
func (a *finder) ctxCheck(body ast.Node) ast.Expr {
	var ctx ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && ctx == nil {
			fn := calleeFunc(a.pass.TypesInfo, call)
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if ok && fn != nil && (fn.Name() == "Err" || fn.Name() == "Done") && fn.Pkg() != nil && fn.Pkg().Path() == "context" {
				ctx = sel.X
			}
		}
		return ctx == nil
	})
	return ctx
}
