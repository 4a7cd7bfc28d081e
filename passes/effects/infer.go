package effects

import (
	"go/ast"
	"go/types"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
)

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass} // nil maps until solve: most packages have no effects
	if !relevant(pass) {
		return res, nil
	}
	decls := 0
	for _, f := range pass.Files {
		decls += len(f.Decls)
	}
	res.bodies = make(map[*ast.FuncDecl]*Body, decls)
	in := &inferrer{
		pass:  pass,
		cfg:   pass.ResultOf[config.Analyzer].(*config.Config),
		dirs:  pass.ResultOf[directives.Analyzer].(*directives.Result),
		res:   res,
		units: make(map[ast.Node]*unit),
	}
	res.in = in
	in.collect()
	in.solve()
	in.export()
	// The result answers from its maps from now on: drop the units, which
	// the driver would otherwise keep until it exits.
	in.units, in.order, in.byFn = nil, nil, nil
	return res, nil
}

// A unit is one function body: a declared function or method, or a
// function literal.
type unit struct {
	fn       *types.Func  // nil for a literal
	lit      *ast.FuncLit // nil for a declaration
	name     string       // for messages about //idem:mutates
	body     *ast.BlockStmt
	items    []item // in source order
	override *Effects
	eff      Effects
	callers  []*unit // units whose items refer to this one
	queued   bool    // on the worklist of solve
}

// An item is one contribution to a unit's effects: an API effect, a
// function of the package, or a nested literal.
type item struct {
	eff Effects
	fn  *types.Func
	lit *ast.FuncLit
}

type inferrer struct {
	pass  *analysis.Pass
	cfg   *config.Config
	dirs  *directives.Result
	res   *Result
	units map[ast.Node]*unit // *ast.FuncDecl or *ast.FuncLit
	order []*unit
	byFn  map[*types.Func]*unit

	defsOnce sync.Once
	defs     map[types.Object]ast.Expr // local variable -> its only defining value

	// calleeID is the identifier naming the callee of the last call walk
	// visited, and calleeObj its object: the walk reaches the identifier
	// soon after the call, and need not look it up again. Only collect,
	// before the result is shared, uses them.
	calleeID  *ast.Ident
	calleeObj types.Object
	// body summarises the declared function being walked.
	body *Body
	// fact receives the facts imported: one variable for the whole
	// package, as a variable per import would be allocated each time.
	fact Fact
}

// ident adds to cur the item of a use of a function by id.
func (in *inferrer) ident(id *ast.Ident, cur *unit) {
	if cur == nil {
		return
	}
	obj := in.calleeObj
	if id != in.calleeID {
		obj = in.pass.TypesInfo.Uses[id]
	}
	if it, ok := in.useItem(obj); ok {
		cur.items = append(cur.items, it)
	}
}

// addCall records a call of a function of pkg.
func (b *Body) addCall(self, pkg *types.Package) {
	if pkg == nil || pkg == self {
		return
	}
	for _, p := range b.Calls {
		if p == pkg {
			return
		}
	}
	b.Calls = append(b.Calls, pkg)
}

// calleeIdent returns the identifier that names the callee of call, as
// typeutil.Callee finds it, or nil.
func calleeIdent(info *types.Info, call *ast.CallExpr) *ast.Ident {
	fun := ast.Unparen(call.Fun)
	switch x := fun.(type) {
	case *ast.IndexExpr:
		if info.Types[x.Index].IsType() {
			fun = ast.Unparen(x.X)
		}
	case *ast.IndexListExpr:
		fun = ast.Unparen(x.X)
	}
	switch x := fun.(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

func (in *inferrer) add(n ast.Node, u *unit) {
	in.units[n] = u
	in.order = append(in.order, u)
	p := n.Pos()
	if decl, ok := n.(*ast.FuncDecl); ok {
		p = decl.Name.Pos()
	}
	switch {
	case in.dirs.Find(directives.Readonly, p) != nil:
		u.override = &Effects{}
	case in.dirs.Find(directives.Mutates, p) != nil:
		u.override = &Effects{Kinds: Declared, NonIdempotent: "calls " + u.name + " (//idem:mutates)"}
	case u.fn != nil && in.dirs.Is(u.fn, directives.Dedup|directives.Consumer):
		u.override = &Effects{}
	}
}

// items lists the contributions of node in source order; nested literals
// are items of their own.
func (in *inferrer) items(node ast.Node) []item {
	var items []item
	ast.Inspect(node, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if n != node {
				items = append(items, item{lit: n})
				return false
			}
		case *ast.CallExpr:
			if e := in.apiEffects(n); !e.None() {
				items = append(items, item{eff: e})
			}
		case *ast.Ident:
			if it, ok := in.identItem(n); ok {
				items = append(items, it)
			}
		}
		return true
	})
	return items
}

// identItem returns the item of a use of a function: the function itself
// when it belongs to the package, else its effects when it has some.
func (in *inferrer) identItem(id *ast.Ident) (item, bool) {
	return in.useItem(in.pass.TypesInfo.Uses[id])
}

// useItem returns the item of a use of obj, as identItem does.
func (in *inferrer) useItem(obj types.Object) (item, bool) {
	fn, ok := obj.(*types.Func)
	if !ok {
		return item{}, false
	}
	fn = fn.Origin()
	if fn.Pkg() == in.pass.Pkg {
		return item{fn: fn}, true
	}
	if e := in.imported(fn); !e.None() {
		return item{eff: e}, true
	}
	return item{}, false
}

// imported returns the effects of a function of another package, from its
// fact; functions of the recognised API families are judged by the tables
// only (at their call), and platform dedup claims and consumer wrappers
// have none.
func (in *inferrer) imported(fn *types.Func) Effects {
	if fn.Pkg() == nil || known(fn.Pkg().Path()) || in.dirs.Is(fn, directives.Dedup|directives.Consumer) {
		return Effects{}
	}
	if in.pass.ImportObjectFact(fn, &in.fact) {
		return in.fact.Effects
	}
	return Effects{}
}

// fold computes the effects of items from the current unit effects.
func (in *inferrer) fold(items []item) Effects {
	var e Effects
	for _, it := range items {
		switch {
		case it.fn != nil:
			if u := in.byFn[it.fn]; u != nil {
				e = e.union(u.eff)
			}
		case it.lit != nil:
			if u := in.units[it.lit]; u != nil {
				e = e.union(u.eff)
			}
		default:
			e = e.union(it.eff)
		}
	}
	return e
}

// solve computes the effects of every unit with a worklist: a unit is
// recomputed when a function or literal it refers to changes.
func (in *inferrer) solve() {
	for _, u := range in.order {
		for _, it := range u.items {
			var dep *unit
			switch {
			case it.fn != nil:
				dep = in.byFn[it.fn]
			case it.lit != nil:
				dep = in.units[it.lit]
			}
			if dep != nil && dep != u {
				dep.callers = append(dep.callers, u)
			}
		}
	}
	work := make([]*unit, 0, len(in.order))
	for i := len(in.order) - 1; i >= 0; i-- { // literals and callees tend to come later
		work = append(work, in.order[i])
		in.order[i].queued = true
	}
	// Kinds only grow; descriptions settle once every dependency has; the
	// budget ends pathological oscillations of descriptions.
	for budget := 20 * (len(in.order) + 1); len(work) > 0 && budget > 0; budget-- {
		u := work[0]
		work = work[1:]
		u.queued = false
		e := in.evaluate(u)
		if e == u.eff {
			continue
		}
		u.eff = e
		for _, c := range u.callers {
			if !c.queued {
				c.queued = true
				work = append(work, c)
			}
		}
		if in.self(u) && !u.queued {
			u.queued = true
			work = append(work, u)
		}
	}
	funcs, lits := 0, 0
	for _, u := range in.order {
		switch {
		case u.eff.None():
		case u.fn != nil:
			funcs++
		default:
			lits++
		}
	}
	in.res.funcs = make(map[*types.Func]Effects, funcs)
	in.res.lits = make(map[*ast.FuncLit]Effects, lits)
	for _, u := range in.order {
		switch {
		case u.eff.None():
		case u.fn != nil:
			in.res.funcs[u.fn] = u.eff
		default:
			in.res.lits[u.lit] = u.eff
		}
	}
}

// self reports whether u refers to itself (direct recursion).
func (in *inferrer) self(u *unit) bool {
	for _, it := range u.items {
		if it.fn != nil && in.byFn[it.fn] == u {
			return true
		}
	}
	return false
}

// evaluate computes u's effects from its items and override.
func (in *inferrer) evaluate(u *unit) Effects {
	if u.override != nil && u.override.Kinds == 0 {
		return Effects{} // readonly, claim or wrapper
	}
	e := in.fold(u.items)
	if u.override != nil {
		e.Kinds |= u.override.Kinds
		if e.NonIdempotent == "" {
			e.NonIdempotent = u.override.NonIdempotent
		}
	}
	return e
}

// export records the effects of the package's functions and methods as
// facts.
func (in *inferrer) export() {
	for fn, e := range in.res.funcs {
		if e.None() || !exportable(in.pass.Pkg, fn) {
			continue
		}
		in.pass.ExportObjectFact(fn, &Fact{e})
	}
}

// exportable reports whether fn can carry a fact: a package-level function
// or a method of a package-level type.
func exportable(pkg *types.Package, fn *types.Func) bool {
	if recv := fn.Signature().Recv(); recv != nil {
		n := typesutil.NamedOf(recv.Type())
		return n != nil && n.Obj().Parent() == pkg.Scope()
	}
	return fn.Parent() == pkg.Scope()
}

// callEffects returns the effects of executing call.
func (in *inferrer) callEffects(call *ast.CallExpr) Effects {
	e := in.apiEffects(call)
	switch fn := typeutil.Callee(in.pass.TypesInfo, call).(type) {
	case *types.Func:
		e = e.union(in.res.Of(fn))
	case *types.Var:
		// a call of a function value: unknown
	}
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		e = e.union(in.res.OfLit(lit))
	}
	return e
}

// nodeEffects returns the effects of the code in node, once solve has
// computed the effects of every unit.
func (in *inferrer) nodeEffects(node ast.Node) Effects {
	var e Effects
	for _, it := range in.items(node) {
		switch {
		case it.fn != nil:
			e = e.union(in.res.funcs[it.fn])
		case it.lit != nil:
			e = e.union(in.res.lits[it.lit])
		default:
			e = e.union(it.eff)
		}
	}
	return e
}

// apiEffects returns the effect of call when it calls a recognised API, an
// interface method with a mutating verb, or a configured money-moving
// function.
func (in *inferrer) apiEffects(call *ast.CallExpr) Effects {
	fn, _ := typeutil.Callee(in.pass.TypesInfo, call).(*types.Func)
	return in.apiEffectsOf(call, fn)
}

// apiEffectsOf returns the effects of call, whose callee is fn (nil when
// it is not a function).
func (in *inferrer) apiEffectsOf(call *ast.CallExpr, fn *types.Func) Effects {
	if fn == nil {
		return Effects{}
	}
	fn = fn.Origin()
	if len(in.cfg.FinancialCalls) > 0 {
		name := directives.QualifiedName(fn)
		for _, c := range in.cfg.FinancialCalls {
			if c == name {
				return Effects{Kinds: Payment, NonIdempotent: "calls " + shortName(fn), MovesMoney: true}
			}
		}
	}
	if row := lookup(fn); row != nil {
		if e, ok := row.classify(&site{in: in, call: call, fn: fn, method: fn.Name()}); ok {
			return e.effects()
		}
		return Effects{}
	}
	if in.interfaceVerb(fn) {
		e := Effects{Kinds: Interface}
		if !idempotentVerb(in.cfg.MutatingVerbs, fn.Name()) {
			e.NonIdempotent = "calls " + shortName(fn)
		}
		return e
	}
	return Effects{}
}

// shortName is pkg.Func or Type.Method.
func shortName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if n := typesutil.NamedOf(recv.Type()); n != nil {
			return n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() != nil {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// idempotentVerbs are the mutating verbs whose calls are taken as
// naturally idempotent, like PUT and DELETE.
var idempotentVerbs = []string{"Put", "Set", "Save", "Delete", "Remove"}

// verbOf returns the mutating verb name starts with, as a whole word
// (Create, CreateOrder; not Created or Settings), or "".
func verbOf(verbs []string, name string) string {
	for _, v := range verbs {
		if rest, ok := strings.CutPrefix(name, v); ok {
			if rest == "" || unicode.IsUpper(rune(rest[0])) || unicode.IsDigit(rune(rest[0])) {
				return v
			}
		}
	}
	return ""
}

func idempotentVerb(verbs []string, name string) bool {
	v := verbOf(verbs, name)
	for _, iv := range idempotentVerbs {
		if v == iv {
			return true
		}
	}
	return false
}

// ignoredInterfaces are packages whose interfaces are instrumentation, not
// state: their Set and Add methods are not side effects.
var ignoredInterfaces = []string{
	"go.opentelemetry.io/", "github.com/prometheus/", "go.uber.org/zap",
	"github.com/sirupsen/logrus", "github.com/rs/zerolog", "github.com/go-logr/",
	"github.com/stretchr/testify", "go.opencensus.io", "github.com/DataDog/",
}

// interfaceVerb reports whether fn is an interface method with a mutating
// verb, declared outside the standard library, outside instrumentation
// packages and, when the module is known, in the analysed module.
func (in *inferrer) interfaceVerb(fn *types.Func) bool {
	return interfaceVerb(in.cfg, in.pass.Module, fn)
}

func interfaceVerb(cfg *config.Config, module *analysis.Module, fn *types.Func) bool {
	// Cheapest tests first: relevant asks for every method selection.
	recv := fn.Signature().Recv()
	if recv == nil || !types.IsInterface(recv.Type()) || fn.Pkg() == nil {
		return false
	}
	path := fn.Pkg().Path()
	if typesutil.IsStd(path) {
		return false
	}
	if m := module; m != nil && m.Path != "" && path != m.Path && !strings.HasPrefix(path, m.Path+"/") {
		return false
	}
	for _, p := range ignoredInterfaces {
		if strings.HasPrefix(path, p) {
			return false
		}
	}
	return verbOf(cfg.MutatingVerbs, fn.Name()) != ""
}

// definition returns the value a local variable was defined or assigned
// with, when it was given exactly one value in the package.
func (in *inferrer) definition(obj types.Object) ast.Expr {
	if obj == nil {
		return nil
	}
	in.defsOnce.Do(in.buildDefs)
	return in.defs[obj]
}

func (in *inferrer) buildDefs() {
	in.defs = make(map[types.Object]ast.Expr)
	count := make(map[types.Object]int)
	record := func(id *ast.Ident, x ast.Expr) {
		obj := in.pass.TypesInfo.Defs[id]
		if obj == nil {
			obj = in.pass.TypesInfo.Uses[id]
		}
		if v, ok := obj.(*types.Var); !ok || v.IsField() {
			return
		}
		count[obj]++
		if count[obj] == 1 {
			in.defs[obj] = x
		} else {
			delete(in.defs, obj)
		}
	}
	for _, file := range in.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							record(id, n.Rhs[i])
						}
					}
				} else if len(n.Rhs) == 1 {
					if id, ok := n.Lhs[0].(*ast.Ident); ok {
						record(id, n.Rhs[0])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, id := range n.Names {
						record(id, n.Values[i])
					}
				} else if len(n.Values) == 1 {
					record(n.Names[0], n.Values[0])
				}
			}
			return true
		})
	}
}

// relevant reports whether the package can have effects: it imports a
// recognised API (transitively), a dependency exports effects, or it calls
// interface methods with a mutating verb.
func relevant(pass *analysis.Pass) bool {
	if apis.Reached(pass.Pkg) {
		return true
	}
	for _, f := range pass.AllObjectFacts() {
		if _, ok := f.Fact.(*Fact); ok {
			return true
		}
	}
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	if typesutil.IsStd(pass.Pkg.Path()) {
		return len(cfg.FinancialCalls) > 0 // it sees only the standard library's interfaces
	}
	for _, sel := range pass.TypesInfo.Selections {
		if fn, ok := sel.Obj().(*types.Func); ok && sel.Kind() == types.MethodVal && interfaceVerb(cfg, pass.Module, fn) {
			return true
		}
	}
	return len(cfg.FinancialCalls) > 0
}

// apis tells whether a package's imports reach a recognised API.
var apis = typesutil.NewImportSet(func(p *types.Package) bool { return known(p.Path()) })
