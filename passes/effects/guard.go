package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/idemlint/idemlint/internal/names"
	"github.com/idemlint/idemlint/internal/typesutil"
)

// Get-or-create: an insert reached only on the path where a lookup by the
// same key found nothing is naturally idempotent. A repeat finds the row
// the first call created and skips the insert:
//
//	if s.store.OrderExists(userID, ref) { continue }
//	s.store.CreateOrder(&Order{UserID: userID, Ref: ref})
//
//	tag, err := s.store.TagByName(userID, name)
//	if tag == nil { tag, err = s.store.CreateTag(userID, &Tag{Name: name}) }
//
// The rule is narrow on purpose. The lookup and the insert are static
// calls of functions of the analysed code, of the same receiver (or both
// package functions of one package); the lookup has no effect at all; the
// insert's name is Create, Insert or Add followed by a noun that the
// lookup's name contains (CreateOrder after OrderExists or OrderByRef);
// every argument of the lookup but a context is, or is a field of, or is
// a field value of a literal given as, an argument of the insert, and no
// variable it names is assigned between the two calls; the insert's
// effects are storage writes only (SQL, documents, key-value), no
// publish, request, mail or payment. The lookup tells found from absent
// by its result: a bool of a function whose name says Exists or starts
// with Has, a pointer compared with nil, or an integer (an ID) compared
// with 0 (id > 0, id == 0), directly or through a local variable: the one
// assigned by a statement before the if in its block, with no other value
// given it in between.
//
// The insert must be on the absent path only, and the found path must
// answer as the absent path does: either it skips to the next element of
// a loop (the if's body is a continue with no return), or the two
// branches meet again after the if (the found branch, and the absent
// branch's last statement, neither return nor jump; a return in an error
// check, if err != nil { return err }, is a failure, which answers as any
// failure does). A found branch that returns (a conflict: "already
// exists") leaves the insert as it is: the retry of a create that
// succeeded answers differently.

// A guard is a region of a unit's body reached only when lookup found
// nothing.
type guard struct {
	unit     *unit
	lookup   *ast.CallExpr
	from, to token.Pos
}

// guardIf records the regions that s, a statement of a list followed by
// rest, makes reachable only when a lookup found nothing.
func (in *inferrer) guardIf(s *ast.IfStmt, prev, rest []ast.Stmt, cur *unit) {
	if cur == nil {
		return
	}
	if s.Init != nil {
		prev = append(prev[:len(prev):len(prev)], s.Init)
	}
	lookup, found, ok := in.lookupCond(s.Cond, prev, 0)
	if !ok {
		return
	}
	add := func(from, to token.Pos) {
		in.guards = append(in.guards, guard{unit: cur, lookup: lookup, from: from, to: to})
	}
	if found {
		switch {
		case in.skips(s.Body):
			if len(rest) > 0 {
				add(rest[0].Pos(), rest[len(rest)-1].End())
			}
			if s.Else != nil {
				add(s.Else.Pos(), s.Else.End())
			}
		case s.Else != nil && !in.returnsIn(s.Body) && !jumps(s.Body) && !ends(s.Else):
			add(s.Else.Pos(), s.Else.End())
		}
		return
	}
	if (s.Else == nil || !in.returnsIn(s.Else) && !jumps(s.Else)) && !ends(s.Body) {
		add(s.Body.Pos(), s.Body.End())
	}
}

// guarded reports whether call, in unit cur, is an insert a lookup of the
// same key guards (see guardIf), its callee being fn.
func (in *inferrer) guarded(call *ast.CallExpr, fn *types.Func, cur *unit) (lookup *types.Func) {
	if len(in.guards) == 0 || call == nil {
		return nil
	}
	noun := insertNoun(fn.Name())
	if noun == "" {
		return nil
	}
	for i := len(in.guards) - 1; i >= 0; i-- {
		g := in.guards[i]
		if g.unit != cur || call.Pos() < g.from || call.End() > g.to {
			continue
		}
		lfn, _ := in.pass.TypesInfo.Uses[calleeIdent(in.pass.TypesInfo, g.lookup)].(*types.Func)
		if lfn == nil || !strings.Contains(strings.ToLower(lfn.Name()), strings.ToLower(noun)) {
			continue
		}
		if !in.sameReceiver(g.lookup, call, lfn, fn) || !in.sameKey(g.lookup, call) {
			continue
		}
		return lfn.Origin()
	}
	return nil
}

// insertVerbs are the verbs of an insert's name.
var insertVerbs = []string{"Create", "Insert", "Add"}

// insertNoun returns what follows Create, Insert or Add (either case for
// its first letter) in name, when it is a word of its own, or "".
func insertNoun(name string) string {
	first, size := utf8.DecodeRuneInString(name)
	v := names.Verb(insertVerbs, string(unicode.ToUpper(first))+name[size:])
	if v == "" || len(name) == len(v) || !unicode.IsUpper(rune(name[len(v)])) {
		return ""
	}
	return name[len(v):]
}

// lookupCond tells whether cond, after the statements prev of its list,
// tests the result of a lookup: the lookup's call, and whether cond holds
// when it found something.
func (in *inferrer) lookupCond(cond ast.Expr, prev []ast.Stmt, depth int) (*ast.CallExpr, bool, bool) {
	if depth > 3 {
		return nil, false, false
	}
	switch x := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			call, found, ok := in.lookupCond(x.X, prev, depth+1)
			return call, !found, ok
		}
	case *ast.CallExpr:
		if fn := in.lookupFunc(x); fn != nil && existsName(fn.Name()) && isBool(resultOf(fn)) {
			return x, true, true
		}
	case *ast.Ident:
		if def := in.reaching(x, prev); def != nil {
			return in.lookupCond(def, prev, depth+1)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.EQL, token.NEQ, token.LEQ, token.GTR:
		default:
			return nil, false, false
		}
		// The result on the left, nil or 0 on the right: one shape is
		// enough.
		val := x.X
		if t := in.pass.TypesInfo.TypeOf(val); t == nil || !isPointer(t) && !isInteger(t) || !isZero(in.pass.TypesInfo, x.Y) {
			return nil, false, false // err != nil, len(s) == 0: not a lookup's result
		}
		call, t := in.lookupValue(val, prev, depth+1)
		if call == nil {
			return nil, false, false
		}
		switch t.Underlying().(type) {
		case *types.Pointer:
			if x.Op != token.EQL && x.Op != token.NEQ {
				return nil, false, false
			}
			return call, x.Op == token.NEQ, true
		case *types.Basic:
			if !isInteger(t) {
				return nil, false, false
			}
			switch x.Op {
			case token.EQL, token.LEQ:
				return call, false, true
			case token.NEQ, token.GTR:
				return call, true, true
			}
		}
	}
	return nil, false, false
}

// lookupValue returns the lookup call whose first result e is, directly or
// through a local variable, and the type of that result.
func (in *inferrer) lookupValue(e ast.Expr, prev []ast.Stmt, depth int) (*ast.CallExpr, types.Type) {
	for ; depth <= 3; depth++ {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			fn := in.lookupFunc(x)
			if fn == nil {
				return nil, nil
			}
			t := resultOf(fn)
			if t == nil {
				return nil, nil
			}
			return x, t
		case *ast.Ident:
			if e = in.reaching(x, prev); e == nil {
				return nil, nil
			}
		default:
			return nil, nil
		}
	}
	return nil, nil
}

// reaching returns the value the local variable named by id holds where
// id is: the value of the last statement of prev, before id, that assigns
// it whole (x := v, x, err = f(), var x = v), when no other value is given
// to the variable between that statement and id. The statements of prev
// run in order before the if that holds id: that assignment reaches it.
func (in *inferrer) reaching(id *ast.Ident, prev []ast.Stmt) ast.Expr {
	v, ok := in.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	for j := len(prev) - 1; j >= 0; j-- {
		st := prev[j]
		if st.End() > id.Pos() {
			continue
		}
		val, ok := in.assigns(st, v)
		if !ok {
			continue
		}
		if val == nil {
			return nil
		}
		for _, x := range in.valuesOfVar(v) {
			if x == nil {
				return nil // a value the syntax does not place
			}
			if x != typesutil.ZeroValue && x.Pos() > st.End() && x.Pos() < id.Pos() {
				return nil
			}
		}
		return val
	}
	return nil
}

// assigns reports whether st assigns v whole, and the value: the
// expression, or the call whose first result v is; nil when st gives it
// another result of a call.
func (in *inferrer) assigns(st ast.Stmt, v *types.Var) (ast.Expr, bool) {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && in.pass.TypesInfo.ObjectOf(id) == v
	}
	switch st := st.(type) {
	case *ast.AssignStmt:
		if st.Tok != token.DEFINE && st.Tok != token.ASSIGN {
			for _, l := range st.Lhs {
				if is(l) {
					return nil, true
				}
			}
			return nil, false
		}
		for i, l := range st.Lhs {
			if !is(l) {
				continue
			}
			switch {
			case len(st.Lhs) == len(st.Rhs):
				return st.Rhs[i], true
			case i == 0 && len(st.Rhs) == 1:
				return st.Rhs[0], true
			}
			return nil, true
		}
	case *ast.DeclStmt:
		gd, ok := st.Decl.(*ast.GenDecl)
		if !ok {
			return nil, false
		}
		for _, spec := range gd.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, n := range vs.Names {
				if in.pass.TypesInfo.Defs[n] != v {
					continue
				}
				switch {
				case len(vs.Values) == len(vs.Names):
					return vs.Values[i], true
				case i == 0 && len(vs.Values) == 1:
					return vs.Values[0], true
				}
				return nil, true
			}
		}
	}
	return nil, false
}

// lookupFunc returns the function call calls when it can be a lookup:
// a static call of a function of the analysed code (not a method of an
// interface, not of the standard library) with a result.
func (in *inferrer) lookupFunc(call *ast.CallExpr) *types.Func {
	id := calleeIdent(in.pass.TypesInfo, call)
	if id == nil {
		return nil
	}
	fn, _ := in.pass.TypesInfo.Uses[id].(*types.Func)
	if fn == nil || fn.Pkg() == nil || isInterfaceMethod(fn) || typesutil.IsStd(fn.Pkg().Path()) || known(fn.Pkg().Path()) {
		return nil
	}
	if fn.Signature().Results().Len() == 0 {
		return nil
	}
	return fn
}

func resultOf(fn *types.Func) types.Type {
	if r := fn.Signature().Results(); r.Len() > 0 {
		return r.At(0).Type()
	}
	return nil
}

func isBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.Bool
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// isZero reports whether e is nil or the constant 0.
func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	return tv.Value != nil && tv.Value.String() == "0"
}

// existsName reports whether a lookup returning a bool says by its name
// that true means found: FeedExists, entryExists, HasOrder.
func existsName(name string) bool {
	if strings.Contains(name, "Exist") || strings.HasPrefix(name, "exist") {
		return true
	}
	rest, ok := strings.CutPrefix(name, "Has")
	if !ok {
		rest, ok = strings.CutPrefix(name, "has")
	}
	return ok && rest != "" && unicode.IsUpper(rune(rest[0]))
}

// skips reports whether a block jumps to the next iteration of a loop
// (ends in continue) without returning.
func (in *inferrer) skips(b *ast.BlockStmt) bool {
	if b == nil || len(b.List) == 0 || in.returnsIn(b) {
		return false
	}
	br, ok := b.List[len(b.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.CONTINUE && br.Label == nil
}

// ends reports whether the last statement of a block returns, jumps or
// panics: its path does not meet the other branch's after the if.
func ends(s ast.Stmt) bool {
	b, ok := s.(*ast.BlockStmt)
	if !ok {
		return true // an else if: not a shape the rule knows
	}
	if len(b.List) == 0 {
		return false
	}
	switch last := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := last.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// returnsIn reports whether node holds a return statement outside function
// literals and outside the body of an error check (if err != nil {
// return err }): a failure answers as any failure does, only an answer to
// what the lookup found matters.
func (in *inferrer) returnsIn(node ast.Node) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			found = true
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if n.Else == nil && in.errCheck(n.Cond) {
				return false
			}
		}
		return !found
	})
	return found
}

// errCheck reports whether cond is x != nil with x an error.
func (in *inferrer) errCheck(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ || !isZero(in.pass.TypesInfo, b.Y) {
		return false
	}
	t := in.pass.TypesInfo.TypeOf(b.X)
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// jumps reports whether node holds a break, continue or goto outside
// function literals and loops, switches and selects of its own.
func jumps(node ast.Node) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BranchStmt:
			if n.Tok != token.FALLTHROUGH {
				found = true
			}
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return false
		}
		return !found
	})
	return found
}

// sameReceiver reports whether the lookup and the insert are methods
// called on the same receiver expression, or functions of one package.
func (in *inferrer) sameReceiver(lookup, insert *ast.CallExpr, lfn, ifn *types.Func) bool {
	if lfn.Pkg() != ifn.Pkg() {
		return false
	}
	lrecv, irecv := lfn.Signature().Recv(), ifn.Signature().Recv()
	if (lrecv == nil) != (irecv == nil) {
		return false
	}
	if lrecv == nil {
		return true
	}
	ls, ok1 := ast.Unparen(lookup.Fun).(*ast.SelectorExpr)
	is, ok2 := ast.Unparen(insert.Fun).(*ast.SelectorExpr)
	return ok1 && ok2 && in.sameExpr(ls.X, is.X)
}

// sameKey reports whether every argument of the lookup but a context is
// covered by an argument of the insert (see covered), and no variable it
// names is assigned between the two calls.
func (in *inferrer) sameKey(lookup, insert *ast.CallExpr) bool {
	n := 0
	for _, a := range lookup.Args {
		if t := in.pass.TypesInfo.TypeOf(a); t != nil && typesutil.IsNamed(t, "context", "Context") {
			continue
		}
		n++
		ok := false
		for _, b := range insert.Args {
			if in.covered(a, b, 0) {
				ok = true
				break
			}
		}
		if !ok || in.assignedBetween(a, lookup.End(), insert.Pos()) {
			return false
		}
	}
	return n > 0
}

// covered reports whether the key a is given to the insert as b: the same
// expression, a field reached from b (entry.Hash in entry), or the value
// of a field of a literal b is or points to (&Tag{Name: name}), through
// a local variable given one value.
func (in *inferrer) covered(a, b ast.Expr, depth int) bool {
	if in.sameExpr(a, b) {
		return true
	}
	for x := ast.Unparen(a); ; {
		sel, ok := x.(*ast.SelectorExpr)
		if !ok {
			break
		}
		if s := in.pass.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			break
		}
		x = ast.Unparen(sel.X)
		if in.sameExpr(x, b) {
			return true
		}
	}
	if depth > 0 {
		return false
	}
	lit, ok := in.syn.Resolve(b).(*ast.CompositeLit)
	if !ok {
		return false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && in.covered(a, kv.Value, depth+1) {
			return true
		}
	}
	return false
}

// sameExpr reports whether a and b are the same variable, field path or
// constant.
func (in *inferrer) sameExpr(a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch x := a.(type) {
	case *ast.Ident:
		y, ok := b.(*ast.Ident)
		if !ok {
			return false
		}
		ox, oy := in.pass.TypesInfo.ObjectOf(x), in.pass.TypesInfo.ObjectOf(y)
		return ox != nil && ox == oy
	case *ast.SelectorExpr:
		y, ok := b.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		ox, oy := in.pass.TypesInfo.ObjectOf(x.Sel), in.pass.TypesInfo.ObjectOf(y.Sel)
		if ox == nil || ox != oy {
			return false
		}
		if _, isPkg := in.pass.TypesInfo.ObjectOf(identOf(x.X)).(*types.PkgName); isPkg {
			return true
		}
		return in.sameExpr(x.X, y.X)
	case *ast.BasicLit:
		y, ok := b.(*ast.BasicLit)
		return ok && x.Kind == y.Kind && x.Value == y.Value
	case *ast.StarExpr:
		y, ok := b.(*ast.StarExpr)
		return ok && in.sameExpr(x.X, y.X)
	}
	return false
}

// assignedBetween reports whether a variable the key expression a starts
// from is given a value between from and to.
func (in *inferrer) assignedBetween(a ast.Expr, from, to token.Pos) bool {
	x := ast.Unparen(a)
	for {
		switch y := x.(type) {
		case *ast.SelectorExpr:
			x = ast.Unparen(y.X)
			continue
		case *ast.StarExpr:
			x = ast.Unparen(y.X)
			continue
		case *ast.Ident:
			v, ok := in.pass.TypesInfo.Uses[y].(*types.Var)
			if !ok {
				return false
			}
			for _, val := range in.valuesOfVar(v) {
				if val == nil {
					return true // a value the syntax does not show: it may be anywhere
				}
				if val != typesutil.ZeroValue && val.Pos() > from && val.Pos() < to {
					return true
				}
			}
		}
		return false
	}
}

// guardItem returns it, the item of a call of fn in cur, as a guarded
// insert when a lookup guards the call: an imported insert loses its
// non-idempotent description now, one of the package when solve knows
// the effects of both.
func (in *inferrer) guardItem(it item, fn *types.Func, cur *unit) item {
	lookup := in.guarded(in.calleeCall, fn, cur)
	if lookup == nil {
		return it
	}
	if it.fn != nil {
		// Of the package, as its lookup (sameReceiver): judged by fold.
		it.lookup = lookup
		return it
	}
	if !storageOnly(it.eff) || it.split || !in.pureImport(lookup) {
		return it
	}
	it.eff.NonIdempotent = ""
	return it
}

// pureImport reports whether fn, a function of another package the
// pass walks, has no effect and is seen whole: its fact says neither
// effect nor opacity, or it has none.
func (in *inferrer) pureImport(fn *types.Func) bool {
	if in.kindOf(fn.Pkg()) != pkgWalked {
		return false
	}
	var f Fact
	return !in.pass.ImportObjectFact(fn, &f) || f.Effects.None() && !f.Opaque
}

// lookupPure reports whether the lookup function, of the package, has no
// effect.
func (in *inferrer) lookupPure(fn *types.Func) bool {
	u := in.byFn[fn]
	return u != nil && u.eff.None()
}

// storageOnly reports whether e writes storage only: SQL, documents,
// key-value; no publish, request, mail, payment or declared mutation.
func storageOnly(e Effects) bool {
	return !e.MovesMoney && e.Kinds&^(SQL|Document|KeyValue) == 0
}
