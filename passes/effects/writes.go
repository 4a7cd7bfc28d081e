package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Writes through parameters.
//
// A function that writes through its receiver or a parameter (a setter,
// a builder's With method, a function filling a struct it is given) is
// not hidden for that: it records which of them it writes through
// (unit.writes, [Fact.Writes]), and each call judges its arguments in the
// caller instead. An argument that is memory the caller made (a composite
// literal, a local variable holding one, the result of a function that
// returns memory it made, [Fact.ReturnsFresh], or of a function that
// returns what it was given, [Fact.ReturnsArg], on such memory) is written as
// the caller's own; an argument that is one of the caller's parameters
// makes the caller write through it in turn; any other argument (a
// package variable, a field of memory held elsewhere) hides the caller.
// A function used as a value, not called, hides the function that uses
// it when it writes through a parameter: who calls it is not known.
//
// Memory reachable from the result of a function that returns memory it
// made is taken as made by it too: a builder given a map by its caller
// and writing into it is not told apart from one writing into its own.
//
// A handler that writes through its receiver changes state that outlives
// the request: it is not visible ([Result.Visible]), but writes through
// its *http.Request are.

// A retKind says what a function returns as its first result.
type retKind uint8

const (
	retUnknown retKind = iota
	retFresh           // memory it made (or nil)
	retBusy            // being computed: a recursive function
	retArg             // retArg+k: its argument of bit k (0 the receiver)
)

// A pendingWrite is a call of a function of the package, or a use of one
// as a value (arg nil), judged once the function's writes are known.
type pendingWrite struct {
	cur    *unit
	stack  []*unit // the units around the call
	fn     *types.Func
	bit    uint64
	arg    ast.Expr
	byAddr bool // the receiver of a pointer method, taken by address
	done   bool
}

// paramsOf records the bits of the receiver and parameters of n.
func (in *inferrer) paramsOf(n *ast.FuncDecl) {
	if !in.walked {
		return
	}
	if n.Recv != nil {
		for _, f := range n.Recv.List {
			for _, id := range f.Names {
				if obj := in.pass.TypesInfo.Defs[id]; obj != nil {
					in.paramBits[obj] = 1
				}
			}
		}
	}
	i := 0
	for _, f := range n.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, id := range f.Names {
			if obj := in.pass.TypesInfo.Defs[id]; obj != nil && i < 63 {
				in.paramBits[obj] = 1 << (i + 1)
			}
			i++
		}
	}
}

// argsWritten calls judge for every argument of call that fn, the callee,
// may write through, with its bit: the receiver and the parameters whose
// type can hold a pointer.
func argsWritten(info *types.Info, call *ast.CallExpr, fn *types.Func, judge func(bit uint64, arg ast.Expr, byAddr bool)) {
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				_, ptrRecv := recv.Type().(*types.Pointer)
				_, ptrArg := s.Recv().Underlying().(*types.Pointer)
				judge(1, sel.X, ptrRecv && !ptrArg)
			} else {
				judge(1, nil, false) // a method expression: not followed
			}
		}
	}
	n := sig.Params().Len()
	for i, a := range call.Args {
		p := i
		if p >= n {
			p = n - 1
		}
		if p < 0 || p >= 63 {
			judge(1<<63, nil, false)
			continue
		}
		if !mayHoldPointer(sig.Params().At(p).Type()) && !(sig.Variadic() && p == n-1) {
			continue
		}
		judge(1<<(p+1), a, false)
	}
}

// mayHoldPointer reports whether a value of type t can hold a pointer, a
// map, a slice or a channel a callee could write through (an interface
// cannot be written through: only its methods can be called).
func mayHoldPointer(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Basic, *types.Interface, *types.Signature:
		return false
	}
	return true
}

// reference reports whether t is a pointer, map, slice or channel type:
// a result through which its receiver can write.
func reference(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Map, *types.Slice, *types.Chan:
		return true
	}
	return false
}

// callWrites judges the arguments of call, a call of fn, for the
// parameters fn writes through: now for a function of another package,
// once every unit is known for one of the package.
func (in *inferrer) callWrites(call *ast.CallExpr, fn *types.Func, cur *unit) {
	if cur == nil || call == nil {
		return
	}
	if fn.Pkg() == in.pass.Pkg {
		if in.byFnDecl(fn) == nil {
			return
		}
		var stack []*unit
		argsWritten(in.pass.TypesInfo, call, fn, func(bit uint64, arg ast.Expr, byAddr bool) {
			if stack == nil {
				stack = append([]*unit(nil), in.stack...)
			}
			in.pending = append(in.pending, pendingWrite{cur: cur, stack: stack, fn: fn, bit: bit, arg: arg, byAddr: byAddr})
		})
		return
	}
	mask := in.importedWrites(fn)
	if mask == 0 {
		return
	}
	argsWritten(in.pass.TypesInfo, call, fn, func(bit uint64, arg ast.Expr, byAddr bool) {
		if mask&bit != 0 {
			in.writeArg(arg, byAddr, cur)
		}
	})
}

// useWrites hides cur when it uses fn as a value and fn writes through a
// parameter.
func (in *inferrer) useWrites(fn *types.Func, cur *unit) {
	if cur == nil {
		return
	}
	if fn.Pkg() == in.pass.Pkg {
		if in.byFnDecl(fn) != nil {
			in.pending = append(in.pending, pendingWrite{cur: cur, fn: fn})
		}
		return
	}
	if in.importedWrites(fn) != 0 {
		in.hide(cur)
	}
}

// importedWrites returns the parameters fn, a function of another walked
// package, writes through.
func (in *inferrer) importedWrites(fn *types.Func) uint64 {
	if fn.Pkg() == nil || in.kindOf(fn.Pkg()) != pkgWalked || execLike(fn) != nil {
		return 0
	}
	var f Fact
	if in.pass.ImportObjectFact(fn, &f) {
		return f.Writes
	}
	return 0
}

// settle judges the pending calls until no unit writes through more
// parameters: a call judged may make its caller write through one of its
// own, which the calls of the caller then judge.
func (in *inferrer) settle() {
	outer := in.stack
	for changed := true; changed; {
		changed = false
		for i := range in.pending {
			p := &in.pending[i]
			callee := in.byFn[p.fn]
			if p.done || callee == nil || callee.writes&p.bit == 0 && p.arg != nil {
				continue
			}
			p.done = true
			if p.arg == nil {
				if callee.writes != 0 {
					in.hide(p.cur)
				}
				continue
			}
			before := p.cur.writes
			in.stack = p.stack
			in.writeArg(p.arg, p.byAddr, p.cur)
			changed = changed || p.cur.writes != before
		}
	}
	in.stack = outer
}

// writeArg judges a write through arg, an argument of a call in cur whose
// callee writes through it (through its address when byAddr).
func (in *inferrer) writeArg(arg ast.Expr, byAddr bool, cur *unit) {
	if arg == nil {
		in.hide(cur)
		return
	}
	if byAddr {
		in.write(arg, false, cur)
		return
	}
	switch e := ast.Unparen(arg).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			if _, lit := ast.Unparen(e.X).(*ast.CompositeLit); !lit {
				in.write(e.X, false, cur)
			}
			return
		}
	case *ast.CompositeLit, *ast.BasicLit, *ast.FuncLit:
		return
	case *ast.CallExpr:
		if in.freshExpr(e, 0) {
			return
		}
		if arg, byAddr, ok := in.returnedArg(e); ok {
			in.writeArg(arg, byAddr, cur)
			return
		}
		in.hide(cur)
		return
	}
	in.write(arg, true, cur)
}

// returnedArg returns the argument call passes to its callee for what
// the callee returns, when it returns what it was given (a method that
// returns its receiver, a function its parameter).
func (in *inferrer) returnedArg(call *ast.CallExpr) (arg ast.Expr, byAddr, ok bool) {
	fn, _ := typeutil.Callee(in.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil, false, false
	}
	k := in.retOf(fn.Origin())
	if k < retArg {
		return nil, false, false
	}
	want := uint64(1) << (k - retArg)
	argsWritten(in.pass.TypesInfo, call, fn, func(bit uint64, a ast.Expr, addr bool) {
		if bit == want && !ok {
			arg, byAddr, ok = a, addr, a != nil
		}
	})
	return arg, byAddr, ok
}

// freshExpr reports whether x evaluates to memory the function makes: a
// composite literal (or its address), make, new, nil, a copy of a string
// as bytes or runes, a standard function that returns a new slice or map,
// a call of a function that returns memory it made (a function of the
// standard library or of a harmless library among them), a method that
// returns its receiver called on such memory, or a local variable given
// one such value.
func (in *inferrer) freshExpr(x ast.Expr, depth int) bool {
	if depth > syntax.MaxDepth {
		return false
	}
	info := in.pass.TypesInfo
	switch def := ast.Unparen(x).(type) {
	case *ast.CompositeLit:
		return true
	case *ast.UnaryExpr:
		switch x := ast.Unparen(def.X).(type) {
		case *ast.CompositeLit:
			return def.Op == token.AND
		case *ast.Ident:
			// The address of a local variable: memory made for this call.
			v, ok := info.Uses[x].(*types.Var)
			return def.Op == token.AND && ok && v.Kind() == types.LocalVar
		}
		return false
	case *typesutil.Element:
		// An element of a collection it made.
		return in.freshExpr(def.Expr, depth+1)
	case *ast.SliceExpr:
		return in.freshExpr(def.X, depth+1)
	case *ast.IndexExpr:
		switch info.TypeOf(def.X).Underlying().(type) {
		case *types.Map, *types.Slice, *types.Array:
			return in.freshExpr(def.X, depth+1)
		}
		return false
	case *ast.TypeAssertExpr:
		// A value of a context (the request's): made for this request.
		return in.contextValue(def.X, depth+1)
	case *ast.Ident:
		if def.Name == "nil" {
			return true
		}
		v, ok := info.Uses[def].(*types.Var)
		if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		return in.freshVar(v, depth+1)
	case *ast.CallExpr:
		if tv, ok := info.Types[def.Fun]; ok && tv.IsType() && len(def.Args) == 1 {
			// []byte(s), []rune(s): a copy of a string.
			arg := info.TypeOf(def.Args[0])
			return arg != nil && isStringType(arg) && !isStringType(tv.Type)
		}
		if id, ok := ast.Unparen(def.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok {
				switch b.Name() {
				case "make", "new":
					return true
				case "append":
					return len(def.Args) > 0 && in.freshExpr(def.Args[0], depth+1)
				}
				return false
			}
		}
		fn, ok := typeutil.Callee(info, def).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		fn = fn.Origin()
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "slices.Clone", "bytes.Clone", "maps.Clone", "strings.Split", "strings.Fields", "bytes.Split", "bytes.Fields":
			return true
		}
		if in.retOf(fn) == retFresh {
			return true
		}
		if arg, byAddr, ok := in.returnedArg(def); ok && !byAddr {
			return in.freshExpr(arg, depth+1)
		}
	}
	return false
}

// freshVar reports whether every value the local variable v is given is
// memory the function made (a zero value included). While v is being
// judged, a use of v in one of its values (b = b.WithStatus(1), xs =
// append(xs, x)) counts as fresh.
func (in *inferrer) freshVar(v *types.Var, depth int) bool {
	if in.assuming[v] {
		return true
	}
	if k := v.Kind(); k != types.LocalVar && k != types.ResultVar {
		return false // a parameter holds what its caller gave until reassigned
	}
	values := in.valuesOfVar(v)
	if len(values) == 0 {
		return false
	}
	if in.assuming == nil {
		in.assuming = make(map[*types.Var]bool)
	}
	in.assuming[v] = true
	defer delete(in.assuming, v)
	for _, x := range values {
		if x != typesutil.ZeroValue && (x == nil || !in.freshExpr(x, depth)) {
			return false
		}
	}
	return true
}

// paramAlias returns the parameters of cur, a declared function, whose
// memory the local variable v may hold: every value it is given is memory
// cur made, or memory reached from one of its parameters (the element of
// a slice it was given, a field of one). It returns 0 when a value is
// neither.
func (in *inferrer) paramAlias(v *types.Var, cur *unit, depth int) uint64 {
	if cur.fn == nil || v.Kind() != types.LocalVar || depth > syntax.MaxDepth || in.assuming[v] {
		return 0
	}
	if in.assuming == nil {
		in.assuming = make(map[*types.Var]bool)
	}
	in.assuming[v] = true
	defer delete(in.assuming, v)
	var bits uint64
	for _, x := range in.valuesOfVar(v) {
		if x == typesutil.ZeroValue || x != nil && in.freshExpr(x, depth) {
			continue
		}
		b := in.reachedFrom(x, cur, depth+1)
		if b == 0 {
			return 0
		}
		bits |= b
	}
	return bits
}

// reachedFrom returns the bit of the parameter of cur whose memory x
// reaches (an element, a field, the parameter itself), or 0.
func (in *inferrer) reachedFrom(x ast.Expr, cur *unit, depth int) uint64 {
	for range syntax.MaxDepth {
		switch e := ast.Unparen(x).(type) {
		case *typesutil.Element:
			x = e.Expr
		case *ast.IndexExpr:
			x = e.X
		case *ast.SelectorExpr:
			if in.pass.TypesInfo.Selections[e] == nil {
				return 0
			}
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.SliceExpr:
			x = e.X
		case *ast.Ident:
			v, ok := in.pass.TypesInfo.Uses[e].(*types.Var)
			if !ok {
				return 0
			}
			if bit := in.paramBits[v]; bit != 0 && cur.pos <= v.Pos() && v.Pos() < cur.end {
				return bit
			}
			return in.paramAlias(v, cur, depth)
		default:
			return 0
		}
	}
	return 0
}

// writable reports whether importers can write through a result of type
// t, so that what the result is matters to them: a pointer to a struct
// with an exported field, or whose methods write through their receiver,
// or a slice or map of such pointers. Other results (a slice of numbers,
// a set, an opaque handle) carry no fact, to keep facts few: an importer
// writing into such a slice a function returned is not seen whole.
func (in *inferrer) writable(t types.Type) bool {
	return in.writableAt(t, 0)
}

func (in *inferrer) writableAt(t types.Type, depth int) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return depth == 0 && in.writableAt(u.Elem(), depth+1)
	case *types.Map:
		return depth == 0 && in.writableAt(u.Elem(), depth+1)
	}
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n := typesutil.NamedOf(ptr.Elem())
	if n == nil {
		return false
	}
	if st, ok := n.Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if st.Field(i).Exported() {
				return true
			}
		}
	}
	mset := types.NewMethodSet(ptr)
	for i := range mset.Len() {
		fn, ok := mset.At(i).Obj().(*types.Func)
		if !ok {
			continue
		}
		if fn.Pkg() == in.pass.Pkg {
			if u := in.byFn[fn.Origin()]; u != nil && u.writes&1 != 0 {
				return true
			}
		} else if in.importedWrites(fn)&1 != 0 {
			return true
		}
	}
	return false
}

// contextValue reports whether x is a value looked up in a context,
// ctx.Value(key), directly or through a local variable given it.
func (in *inferrer) contextValue(x ast.Expr, depth int) bool {
	if depth > syntax.MaxDepth {
		return false
	}
	switch e := ast.Unparen(x).(type) {
	case *ast.Ident:
		v, ok := in.pass.TypesInfo.Uses[e].(*types.Var)
		return ok && v.Kind() == types.LocalVar && in.contextValue(in.definition(v), depth+1)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(in.pass.TypesInfo, e).(*types.Func)
		return ok && fn.Name() == "Value" && isContext(recvType(fn))
	}
	return false
}

// retOf returns what fn returns as its first result: from its body for a
// function of the package, its fact for one of another walked package;
// a constructor of the standard library or of a harmless library returns
// memory it made.
func (in *inferrer) retOf(fn *types.Func) retKind {
	res := fn.Signature().Results()
	if res.Len() == 0 || !reference(res.At(0).Type()) || isInterfaceMethod(fn) {
		return retUnknown
	}
	if fn.Pkg() == nil {
		return retUnknown
	}
	if fn.Pkg() != in.pass.Pkg {
		switch in.kindOf(fn.Pkg()) {
		case pkgStd, pkgHarmless:
			if recvType(fn) == nil && !types.IsInterface(res.At(0).Type()) {
				return retFresh
			}
		case pkgWalked:
			var f Fact
			if in.pass.ImportObjectFact(fn, &f) {
				switch {
				case f.ReturnsFresh:
					return retFresh
				case f.ReturnsArg != 0 && f.ReturnsArg <= 64:
					return retArg + retKind(f.ReturnsArg-1)
				}
			}
		}
		return retUnknown
	}
	if k, ok := in.rets[fn]; ok {
		if k == retBusy {
			return retUnknown
		}
		return k
	}
	if in.rets == nil {
		in.rets = make(map[*types.Func]retKind)
	}
	in.rets[fn] = retBusy
	k := in.returns(fn)
	in.rets[fn] = k
	return k
}

// returns computes what fn, a function of the package, returns: every
// return statement of its body (not of its literals) must agree.
func (in *inferrer) returns(fn *types.Func) retKind {
	decl := in.byFnDecl(fn)
	if decl == nil || decl.Body == nil {
		return retUnknown
	}
	// The receiver and the parameters, by bit.
	given := make(map[types.Object]int)
	if decl.Recv != nil && len(decl.Recv.List) == 1 && len(decl.Recv.List[0].Names) == 1 {
		given[in.pass.TypesInfo.Defs[decl.Recv.List[0].Names[0]]] = 0
	}
	i := 1
	for _, f := range decl.Type.Params.List {
		for _, id := range f.Names {
			if obj := in.pass.TypesInfo.Defs[id]; obj != nil && i < 64 {
				given[obj] = i
			}
			i++
		}
		if len(f.Names) == 0 {
			i++
		}
	}
	kind := retUnknown
	agree := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if !agree {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			k := retUnknown
			if len(n.Results) > 0 {
				first := ast.Unparen(n.Results[0])
				if b, ok := given[identObj(in.pass.TypesInfo, first)]; ok {
					k = retArg + retKind(b)
				} else if in.freshExpr(first, 0) {
					k = retFresh
				}
			}
			if k == retUnknown || (kind != retUnknown && k != kind) {
				agree = false
				return false
			}
			kind = k
		}
		return true
	})
	if !agree {
		return retUnknown
	}
	return kind
}

// identObj returns the object x names when it is an identifier.
func identObj(info *types.Info, x ast.Expr) types.Object {
	if id, ok := x.(*ast.Ident); ok {
		return info.Uses[id]
	}
	return nil
}

// byFnDecl returns the declaration of fn, a function of the package.
func (in *inferrer) byFnDecl(fn *types.Func) *ast.FuncDecl { return in.syn.Decl(fn) }

// isPointer reports whether t is a pointer type.
func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// requestBits returns the bits of fn's parameters of type *http.Request,
// through which a handler may write: the request is its own.
func requestBits(fn *types.Func) uint64 {
	var bits uint64
	params := fn.Signature().Params()
	for i := 0; i < params.Len() && i < 63; i++ {
		if t := params.At(i).Type(); isPointer(t) && typesutil.IsNamed(t, "net/http", "Request") {
			bits |= 1 << (i + 1)
		}
	}
	return bits
}

// memoWrite reports whether s, an assignment m[k] = v (or m[k], err =
// load(k), err a local variable) to a package-level
// map, fills a cache: the function reads m[k], with the same key, in a
// comma-ok assignment, and v uses neither m nor what that read gave (a
// memo, not a counter). Filling a cache changes nothing a retry sees.
func (in *inferrer) memoWrite(s *ast.AssignStmt, cur *unit) bool {
	if cur == nil || s.Tok != token.ASSIGN || len(s.Lhs) > 2 || len(s.Rhs) != 1 {
		return false
	}
	info := in.pass.TypesInfo
	if len(s.Lhs) == 2 {
		// m[k], err = load(k): the second is a local variable, or _.
		id, ok := ast.Unparen(s.Lhs[1]).(*ast.Ident)
		if !ok {
			return false
		}
		if v, _ := info.Uses[id].(*types.Var); id.Name != "_" && (v == nil || v.Kind() != types.LocalVar) {
			return false
		}
		if _, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); !ok {
			return false
		}
	}
	ix, ok := ast.Unparen(s.Lhs[0]).(*ast.IndexExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return false
	}
	m, _ := info.Uses[id].(*types.Var)
	if m == nil || m.Kind() != types.PackageVar {
		return false
	}
	if _, isMap := m.Type().Underlying().(*types.Map); !isMap {
		return false
	}
	key := types.ExprString(ix.Index)
	var read []types.Object
	ast.Inspect(cur.body, func(n ast.Node) bool {
		a, ok := n.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 2 || len(a.Rhs) != 1 {
			return true
		}
		r, ok := ast.Unparen(a.Rhs[0]).(*ast.IndexExpr)
		if !ok || types.ExprString(r.Index) != key {
			return true
		}
		if rid, ok := ast.Unparen(r.X).(*ast.Ident); ok && info.Uses[rid] == m {
			if lid, ok := a.Lhs[0].(*ast.Ident); ok && lid.Name != "_" {
				obj := info.Defs[lid]
				if obj == nil {
					obj = info.Uses[lid]
				}
				read = append(read, obj)
			} else {
				read = append(read, m)
			}
		}
		return true
	})
	if len(read) == 0 {
		return false
	}
	mentions := func(x ast.Expr, objs ...types.Object) bool {
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && slices.Contains(objs, info.Uses[id]) {
				found = true
			}
			return !found
		})
		return found
	}
	// v may be a variable the read gave, then given a value of its own:
	// dict, ok := m[k]; ...; dict = load(k); m[k] = dict.
	if id, ok := ast.Unparen(s.Rhs[0]).(*ast.Ident); ok && slices.Contains(read, info.Uses[id]) {
		v := info.Uses[id]
		for _, x := range in.valuesOfVar(v) {
			if r, ok := ast.Unparen(x).(*ast.IndexExpr); ok && mentions(r.X, m) {
				continue // the read itself
			}
			if _, elem := x.(*typesutil.Element); elem || x == nil || mentions(x, m, v) {
				return false
			}
		}
		return true
	}
	return !mentions(s.Rhs[0], append(read, m)...)
}
