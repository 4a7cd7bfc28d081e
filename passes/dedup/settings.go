// Package dedup reads the dedup-store policy that code passes to
// idempotency middleware: fail-open options and fields, dedup windows and
// in-process stores. It follows option values through variables, slices,
// struct fields and helper functions of the package, and evaluates
// windows only when they are constant expressions.
//
// Its Analyzer reads the settings guarding the routes and consumers of a
// package once; idemfailopen, idemttl, idemstore and the inventory share
// its result through passes.Results.Dedup.
package dedup

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/routes"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Kind is the kind of a setting.
type Kind int

// Setting kinds.
const (
	FailOpen   Kind = iota + 1 // the store's outage lets requests through
	TTL                        // the dedup window
	LocalStore                 // an in-process store
)

// A Setting is one dedup-store setting found in code.
type Setting struct {
	Kind  Kind
	Node  ast.Node      // the option call, struct field or constructor call
	Value string        // as written, shortened: "idem.FailOpen()", "TTL: 12 * time.Hour"
	TTL   time.Duration // the window, when Const
	Const bool          // TTL: the window is a constant expression
}

// A Reader reads the settings of the middleware of one package.
type Reader struct {
	pass *analysis.Pass
	dirs *directives.Result
	syn  *syntax.Index
	memo map[routesKey][]Setting
}

type routesKey struct {
	call *ast.CallExpr
	obj  types.Object
	pos  token.Pos
}

// NewReader returns a Reader for pass, whose syntax index is syn.
func NewReader(pass *analysis.Pass, dirs *directives.Result, syn *syntax.Index) *Reader {
	return &Reader{pass: pass, dirs: dirs, syn: syn, memo: make(map[routesKey][]Setting)}
}

// Middleware returns the settings of one layer of a route's chain: the
// arguments of the call that built it (idem.New(store, opts...)), or, for
// a function of the package that applies platform middleware, the calls
// of platform middleware inside it.
func (r *Reader) Middleware(m *routes.Middleware) []Setting {
	key := routesKey{m.Call, m.Obj, m.Pos}
	if s, ok := r.memo[key]; ok {
		return s
	}
	r.memo[key] = nil
	var out []Setting
	call := m.Call
	if call == nil && m.Obj != nil && m.Pos.IsValid() {
		call = r.callAt(m.Pos, m.Obj)
	}
	if call != nil {
		if fiberIdempotency(m.Obj) {
			out = r.fiber(call)
		} else if fn, ok := m.Obj.(*types.Func); ok && r.dirs.Is(fn, directives.Middleware) {
			out = r.callSettings(call)
		}
	} else if fn, ok := m.Obj.(*types.Func); ok && fn.Pkg() == r.pass.Pkg && r.dirs.Is(fn, directives.Middleware) {
		out = r.inFunc(fn, 0)
	}
	r.memo[key] = out
	return out
}

// inFunc returns the settings of the platform middleware calls inside a
// function of the package.
func (r *Reader) inFunc(fn *types.Func, depth int) []Setting {
	fd := r.syn.Decl(fn)
	if fd == nil || depth > 3 {
		return nil
	}
	var out []Setting
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		callee, _ := typeutil.Callee(r.pass.TypesInfo, call).(*types.Func)
		switch {
		case callee == nil:
		case fiberIdempotency(callee):
			out = append(out, r.fiber(call)...)
		case r.dirs.Is(callee, directives.Middleware) && callee.Pkg() != r.pass.Pkg:
			out = append(out, r.callSettings(call)...)
		case callee.Pkg() == r.pass.Pkg && r.dirs.Is(callee, directives.Middleware):
			out = append(out, r.inFunc(callee, depth+1)...)
		}
		return true
	})
	return out
}

// Stores returns the in-process stores x may be: an argument the
// package hands to platform middleware through a function of another
// package (routes.Result.DedupArgs).
func (r *Reader) Stores(x ast.Expr) []Setting {
	w := &walker{r: r, seen: make(map[any]bool)}
	w.expr(x, nil, false, 0)
	var out []Setting
	for _, s := range w.out {
		if s.Kind == LocalStore {
			out = append(out, s)
		}
	}
	return out
}

// callSettings returns the settings passed to a platform middleware call.
func (r *Reader) callSettings(call *ast.CallExpr) []Setting {
	w := &walker{r: r, seen: make(map[any]bool)}
	for _, a := range call.Args {
		if handlerLike(r.pass.TypesInfo.TypeOf(a)) {
			continue // the handler being wrapped
		}
		w.expr(a, nil, false, 0)
	}
	w.overridden(0)
	return w.out
}

// A frame binds the parameters of a helper function to the arguments of
// the call being followed.
type frame struct {
	call   *ast.CallExpr
	fn     *types.Func
	parent *frame
}

// walker collects the settings an expression may carry.
type walker struct {
	r    *Reader
	seen map[any]bool
	out  []Setting
	// alternative counts the enclosing values that are assigned only on
	// some paths: a window found there is not known.
	alternative int
}

func (w *walker) add(s Setting) {
	if s.Kind == TTL && w.alternative > 0 {
		s.Const = false
	}
	w.out = append(w.out, s)
}

// overridden marks the windows found from index from on as unknown when
// there are several: one overrides the others, in an order the walk does
// not follow.
func (w *walker) overridden(from int) {
	n := 0
	for _, s := range w.out[from:] {
		if s.Kind == TTL {
			n++
		}
	}
	if n < 2 {
		return
	}
	for i := from; i < len(w.out); i++ {
		if w.out[i].Kind == TTL {
			w.out[i].Const = false
		}
	}
}

// expr follows x. nested is true inside the arguments of a call of
// another package: option builders there count, stores do not.
func (w *walker) expr(x ast.Expr, fr *frame, nested bool, depth int) {
	if x == nil || depth > syntax.MaxDepth {
		return
	}
	info := w.r.pass.TypesInfo
	switch x := ast.Unparen(x).(type) {
	case *ast.UnaryExpr:
		if lit, ok := ast.Unparen(x.X).(*ast.CompositeLit); ok && x.Op == token.AND && localStoreType(w.r.dirs, info.TypeOf(lit)) {
			if !nested {
				w.add(Setting{Kind: LocalStore, Node: x, Value: short(x)})
			}
			return
		}
		w.expr(x.X, fr, nested, depth+1)
	case *ast.StarExpr:
		w.expr(x.X, fr, nested, depth+1)
	case *ast.CompositeLit:
		w.compositeLit(x, fr, nested, depth)
	case *ast.CallExpr:
		w.call(x, fr, nested, depth)
	case *ast.Ident:
		w.variable(info.ObjectOf(x), x, fr, nested, depth)
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil {
			if sel.Kind() == types.FieldVal {
				w.variable(sel.Obj(), x, fr, nested, depth)
			}
			return
		}
		w.variable(info.ObjectOf(x.Sel), x, fr, nested, depth)
	}
}

func (w *walker) call(call *ast.CallExpr, fr *frame, nested bool, depth int) {
	info := w.r.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			w.expr(call.Args[0], fr, nested, depth+1) // a conversion
		}
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if _, ok := info.Uses[id].(*types.Builtin); ok {
			if id.Name == "append" {
				for _, a := range call.Args {
					w.expr(a, fr, nested, depth+1)
				}
			}
			return
		}
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return
	}
	dirs := w.r.dirs
	switch {
	case dirs.Is(fn, directives.FailOpen):
		if on, known := w.r.failOpenOption(fn, call); on && known {
			w.add(Setting{Kind: FailOpen, Node: call, Value: short(call)})
		}
		return
	case dirs.Is(fn, directives.TTL):
		w.add(w.r.ttlOption(fn, call))
		return
	case dirs.Is(fn, directives.LocalStore) || localStoreType(dirs, resultType(fn)):
		if !nested {
			w.add(Setting{Kind: LocalStore, Node: call, Value: short(call)})
		}
		return
	}
	if fd := w.r.syn.Decl(fn); fd != nil {
		if w.seen[fd] {
			return
		}
		w.seen[fd] = true
		defer delete(w.seen, fd)
		inner := &frame{call: call, fn: fn, parent: fr}
		from := len(w.out)
		for _, res := range returnedValues(fd.Body) {
			w.expr(res, inner, nested, depth+1)
		}
		w.overridden(from)
		return
	}
	if fn.Pkg() != w.r.pass.Pkg {
		for _, a := range call.Args {
			if !handlerLike(info.TypeOf(a)) {
				w.expr(a, fr, true, depth+1)
			}
		}
	}
}

func (w *walker) compositeLit(lit *ast.CompositeLit, fr *frame, nested bool, depth int) {
	info := w.r.pass.TypesInfo
	t := info.TypeOf(lit)
	if t == nil {
		return
	}
	if localStoreType(w.r.dirs, t) {
		if !nested {
			w.add(Setting{Kind: LocalStore, Node: lit, Value: short(lit)})
		}
		return
	}
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			w.expr(elt, fr, nested, depth+1)
		}
	case *types.Struct:
		if handlerLike(t) {
			return
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			w.field(info.ObjectOf(key), kv, kv.Value, fr, nested, depth)
		}
	}
}

// field handles a value assigned to a struct field, in a literal or by
// assignment; node is the key-value or assignment.
func (w *walker) field(field types.Object, node ast.Node, value ast.Expr, fr *frame, nested bool, depth int) {
	if field == nil {
		return
	}
	info := w.r.pass.TypesInfo
	switch {
	case w.r.dirs.Is(field, directives.FailOpen):
		if tv, ok := info.Types[value]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) {
			w.add(Setting{Kind: FailOpen, Node: node, Value: short(node)})
		}
	case w.r.dirs.Is(field, directives.TTL):
		s := Setting{Kind: TTL, Node: node, Value: short(node)}
		s.TTL, s.Const = durationConst(info, value)
		w.add(s)
	default:
		w.expr(value, fr, nested, depth+1)
	}
}

// variable follows the values assigned to a variable or field.
func (w *walker) variable(obj types.Object, x ast.Expr, fr *frame, nested bool, depth int) {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() != w.r.pass.Pkg || w.seen[v] {
		return
	}
	w.seen[v] = true
	defer delete(w.seen, v)
	if owner, i := w.r.syn.Param(v); owner != nil {
		// A parameter: the arguments of the call being followed, or of
		// the function's only call in the package.
		var call *ast.CallExpr
		outer := fr
		for f := fr; f != nil; f = f.parent {
			if f.fn == owner {
				call, outer = f.call, f.parent
				break
			}
		}
		if call == nil {
			if calls := w.r.syn.Calls(owner); len(calls) == 1 {
				call, outer = calls[0], nil
			}
		}
		if call != nil {
			for _, a := range argsFor(owner, call, i) {
				w.expr(a, outer, nested, depth+1)
			}
		}
		return
	}
	from := len(w.out)
	for _, a := range w.r.syn.Given(v) {
		alt := w.r.syn.Conditional(a)
		if alt {
			w.alternative++
		}
		w.expr(a, nil, nested, depth+1)
		if alt {
			w.alternative--
		}
	}
	for _, fa := range w.r.syn.FieldValuesOn(v) {
		alt := w.r.syn.Conditional(fa.Value)
		if alt {
			w.alternative++
		}
		w.field(fa.Field, fa.Assign, fa.Value, nil, nested, depth+1)
		if alt {
			w.alternative--
		}
	}
	w.overridden(from)
}

// argsFor returns the arguments of call bound to parameter i of fn.
func argsFor(fn *types.Func, call *ast.CallExpr, i int) []ast.Expr {
	sig := fn.Signature()
	if sig.Variadic() && i == sig.Params().Len()-1 {
		if i < len(call.Args) {
			return call.Args[i:]
		}
		return nil
	}
	if i < len(call.Args) {
		return call.Args[i : i+1]
	}
	return nil
}

// failOpenOption reports whether a fail-open option call turns fail-open
// on: an option without arguments does; one with a bool argument does
// when the argument is constant true. known is false for a non-constant
// argument.
func (r *Reader) failOpenOption(fn *types.Func, call *ast.CallExpr) (on, known bool) {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if b, ok := params.At(i).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Bool && i < len(call.Args) {
			tv, ok := r.pass.TypesInfo.Types[call.Args[i]]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.Bool {
				return false, false
			}
			return constant.BoolVal(tv.Value), true
		}
	}
	return true, true
}

// ttlOption reads the window of a TTL option call: its time.Duration
// argument, or its only argument.
func (r *Reader) ttlOption(fn *types.Func, call *ast.CallExpr) Setting {
	s := Setting{Kind: TTL, Node: call, Value: short(call)}
	params := fn.Signature().Params()
	idx := -1
	for i := range params.Len() {
		if isDuration(params.At(i).Type()) {
			idx = i
			break
		}
	}
	if idx < 0 && len(call.Args) == 1 {
		idx = 0
	}
	if idx >= 0 && idx < len(call.Args) {
		s.TTL, s.Const = durationConst(r.pass.TypesInfo, call.Args[idx])
	}
	return s
}

// durationConst returns the value of a constant duration expression.
func durationConst(info *types.Info, x ast.Expr) (time.Duration, bool) {
	tv, ok := info.Types[x]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(v)
	if !exact {
		return 0, false
	}
	return time.Duration(n), true
}

func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// localStoreType reports whether t, or what it points to, is a type
// marked //idem:localstore (or configured in local-store).
func localStoreType(dirs *directives.Result, t types.Type) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && dirs.Is(n.Obj(), directives.LocalStore)
}

func resultType(fn *types.Func) types.Type {
	if res := fn.Signature().Results(); res.Len() > 0 {
		return res.At(0).Type()
	}
	return nil
}

// handlerLike reports whether t is an HTTP handler: a type with a
// ServeHTTP method, or a function taking an *http.Request.
func handlerLike(t types.Type) bool {
	if t == nil {
		return false
	}
	if sig, ok := t.Underlying().(*types.Signature); ok {
		for i := range sig.Params().Len() {
			pt := sig.Params().At(i).Type()
			if p, ok := pt.(*types.Pointer); ok {
				pt = p.Elem()
			}
			if n, ok := types.Unalias(pt).(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "net/http" && n.Obj().Name() == "Request" {
				return true
			}
		}
		return false
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	return obj != nil
}

// returnedValues returns the first result of every return statement of a
// function body, outside nested function literals.
func returnedValues(body *ast.BlockStmt) []ast.Expr {
	var out []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) > 0 {
				out = append(out, n.Results[0])
			}
		}
		return true
	})
	return out
}

// short renders a node for messages, shortened to one line.
func short(n ast.Node) string {
	var s string
	switch n := n.(type) {
	case *ast.KeyValueExpr:
		s = types.ExprString(n.Key) + ": " + types.ExprString(n.Value)
	case ast.Expr:
		s = types.ExprString(n)
	case *ast.AssignStmt:
		if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
			s = types.ExprString(n.Lhs[0]) + " = " + types.ExprString(n.Rhs[0])
		}
	}
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// A Guard is one idempotency layer of a route and its settings.
type Guard struct {
	Layer    *routes.Middleware
	Settings []Setting
}

// Guards returns the idempotency layers of a route's chain that carry
// settings.
func (r *Reader) Guards(rt *routes.Route) []Guard {
	var out []Guard
	for i := range rt.Chain {
		m := &rt.Chain[i]
		if m.Obj == nil {
			continue
		}
		if s := r.Middleware(m); len(s) > 0 {
			out = append(out, Guard{Layer: m, Settings: s})
		}
	}
	return out
}

// RouteName names a route for messages: "POST /v1/charges".
func RouteName(method string, rt *routes.Route) string {
	path := rt.Path
	if path == "" {
		path = "(dynamic path)"
	}
	return method + " " + path
}

// Pos returns the position of the setting.
func (s Setting) Pos() token.Pos { return s.Node.Pos() }

// End returns the end of the setting.
func (s Setting) End() token.Pos { return s.Node.End() }
