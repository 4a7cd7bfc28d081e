package effects

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/names"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/syntax"
)

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass} // nil maps until solve: most packages have no effects
	walk := walked(pass)
	if !walk && !typesutil.IsStd(pass.Pkg.Path()) {
		pass.ExportPackageFact(new(Unseen))
	}
	res.relevant = relevant(pass)
	if !res.relevant && !walk {
		return res, nil
	}
	syn := pass.ResultOf[syntax.Analyzer].(*syntax.Index)
	res.bodies = make(map[*ast.FuncDecl]*Body, len(syn.Funcs()))
	in := &inferrer{
		pass:   pass,
		syn:    syn,
		cfg:    pass.ResultOf[config.Analyzer].(*config.Config),
		dirs:   pass.ResultOf[directives.Analyzer].(*directives.Result),
		res:    res,
		units:  make(map[ast.Node]*unit, len(syn.Funcs())),
		walked: walk,
	}
	if walk {
		// Sized for a few parameters a function: grown one by one, they
		// cost more than the walk that fills them.
		in.params = make(map[types.Object]bool, 4*len(syn.Funcs()))
		in.paramBits = make(map[types.Object]uint64, 3*len(syn.Funcs()))
	}
	res.in = in
	in.collect()
	in.solve()
	in.see()
	in.export()
	// The result answers from its maps from now on: drop the units, which
	// the driver would otherwise keep until it exits.
	in.units, in.order, in.byFn, in.params = nil, nil, nil, nil
	in.paramBits, in.pending, in.rets = nil, nil, nil
	return res, nil
}

// A unit is one function body: a declared function or method, or a
// function literal.
type unit struct {
	fn       *types.Func  // nil for a literal
	lit      *ast.FuncLit // nil for a declaration
	name     string       // for messages about //idem:mutates
	body     *ast.BlockStmt
	pos, end token.Pos // of the declaration or literal: its variables are declared within
	items    []item    // in source order
	override *Effects
	eff      Effects
	// base is eff without the verb effects of the interface calls the
	// unit is pending on; ifaces holds those methods (pending.go).
	base    Effects
	ifaces  []uint64
	callers []*unit // units whose items refer to this one
	queued  bool    // on the worklist of solve
	// opaque reports that the unit, or a unit it refers to, does
	// something the model cannot see (see visible.go); captures that a
	// literal writes a variable of a function around it, which hides the
	// literal but not that function.
	opaque, captures bool
	// writes holds the parameters the function writes through (see
	// writes.go): bit 0 the receiver, bit i+1 parameter i.
	writes uint64
}

// An item is one contribution to a unit's effects: an API effect, a
// function of the package, or a nested literal.
type item struct {
	eff Effects
	fn  *types.Func
	lit *ast.FuncLit
	// split reports that the item's part of the base (pending.go) is
	// base, not eff.
	split bool
	base  Effects
	// lookup, when not nil, is the function of the package whose lookup
	// by the same key guards this call of fn (guard.go): fn's writes are
	// naturally idempotent when lookup has no effect and fn writes only
	// storage.
	lookup *types.Func
}

type inferrer struct {
	pass  *analysis.Pass
	cfg   *config.Config
	dirs  *directives.Result
	res   *Result
	units map[ast.Node]*unit // *ast.FuncDecl or *ast.FuncLit
	order []*unit
	byFn  map[*types.Func]*unit

	syn *syntax.Index // declarations, values and calls of the package

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

	// walked reports that the pass computes visibility in the package;
	// stack holds the units around the walk's position, innermost last,
	// and params the parameters, receivers and results of every unit.
	walked bool
	stack  []*unit
	params map[types.Object]bool
	kinds  kinds

	// paramBits maps the receiver and parameters of declared functions to
	// their bit in unit.writes; pending holds the calls of the package's
	// own functions whose writes are judged once every unit is known;
	// calleeCall is the call whose callee is calleeID; rets holds what
	// the package's functions return, computed on first need.
	paramBits  map[types.Object]uint64
	pending    []pendingWrite
	calleeCall *ast.CallExpr
	rets       map[*types.Func]retKind
	assuming   map[*types.Var]bool // see freshVar

	// guards holds the regions of the walk's position reached only when
	// a lookup found nothing (guard.go).
	guards []guard
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
		if id == in.calleeID && len(in.guards) > 0 {
			it = in.guardItem(it, obj.(*types.Func), cur)
		}
		cur.items = append(cur.items, it)
	}
	if fn, ok := obj.(*types.Func); ok && in.walked && !isInterfaceMethod(fn) {
		fn = fn.Origin()
		switch {
		case !in.seenFunc(fn) && !in.awaitFact(fn, cur):
			in.hide(cur)
		case id == in.calleeID:
			in.callWrites(in.calleeCall, fn, cur)
		default:
			in.useWrites(fn, cur)
		}
	}
}

// isInterfaceMethod reports whether fn is a method of an interface.
func isInterfaceMethod(fn *types.Func) bool {
	t := recvType(fn)
	return t != nil && types.IsInterface(t)
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
			if e, _ := in.apiEffects(n); !e.None() {
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
		it := item{eff: e}
		if in.fact.pending != nil {
			it.split, it.base = true, in.fact.pending.Base
		}
		return it, true
	}
	return item{}, false
}

// imported returns the effects of a function of another package, from its
// fact; functions of the recognised API families are judged by the tables
// only (at their call), and platform dedup claims and consumer wrappers
// have none, nor the harmless libraries (visible.go) when their only
// effects are calls through interfaces.
func (in *inferrer) imported(fn *types.Func) Effects {
	in.fact.pending = nil
	if fn.Pkg() == nil || known(fn.Pkg().Path()) || execLike(fn) != nil || in.dirs.Is(fn, directives.Dedup|directives.Consumer) {
		return Effects{}
	}
	if in.pass.ImportObjectFact(fn, &in.fact) {
		if in.fact.Kinds&^Interface == 0 && in.kindOf(fn.Pkg()) == pkgHarmless {
			// A harmless library calling its own interfaces (an OPA
			// evaluation inserting into a syntax tree of its own): none
			// of the standard's.
			in.fact.pending = nil
			return Effects{}
		}
		return in.fact.Effects
	}
	return Effects{}
}

// fold computes the effects of items from the current unit effects, and
// their base (pending.go).
func (in *inferrer) fold(items []item) (e, base Effects) {
	for _, it := range items {
		var u *unit
		switch {
		case it.fn != nil:
			u = in.byFn[it.fn]
		case it.lit != nil:
			u = in.units[it.lit]
		default:
			e = e.union(it.eff)
			if it.split {
				base = base.union(it.base)
			} else {
				base = base.union(it.eff)
			}
		}
		if u != nil {
			ue, ub := u.eff, u.base
			if it.lookup != nil && in.lookupPure(it.lookup) && storageOnly(ue) {
				ue.NonIdempotent, ub.NonIdempotent = "", ""
			}
			e, base = e.union(ue), base.union(ub)
		}
	}
	return e, base
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
		e, base := in.evaluate(u)
		if e == u.eff && base == u.base {
			continue
		}
		u.eff, u.base = e, base
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

// evaluate computes u's effects and base from its items and override.
func (in *inferrer) evaluate(u *unit) (e, base Effects) {
	if u.override != nil && u.override.Kinds == 0 {
		return Effects{}, Effects{} // readonly, claim or wrapper
	}
	e, base = in.fold(u.items)
	if u.override != nil {
		e = e.union(Effects{Kinds: u.override.Kinds, NonIdempotent: u.override.NonIdempotent})
		base = base.union(Effects{Kinds: u.override.Kinds, NonIdempotent: u.override.NonIdempotent})
	}
	return e, base
}

// see computes visibility, once solve has run: a unit that refers to an
// opaque unit is opaque (a //idem:readonly, dedup or consumer override
// is visible whatever it does); the visible functions and bodies go to
// the result.
func (in *inferrer) see() {
	if !in.walked {
		return
	}
	in.settle()
	var work []*unit
	for _, u := range in.order {
		if in.trusted(u) {
			u.opaque, u.captures, u.ifaces = false, false, nil
		}
	}
	in.spread()
	for _, u := range in.order {
		if u.opaque && !in.trusted(u) {
			work = append(work, u)
		}
	}
	for len(work) > 0 {
		u := work[len(work)-1]
		work = work[:len(work)-1]
		if loggingMethod(u.fn) {
			continue // what a logging method does not show does not hide its callers
		}
		for _, c := range u.callers {
			if !c.opaque && !in.trusted(c) {
				c.opaque = true
				work = append(work, c)
			}
		}
	}
	funcs, bodies := 0, 0
	for _, u := range in.order {
		if !u.opaque && !u.captures {
			bodies++
			if u.fn != nil {
				funcs++
			}
		}
	}
	in.res.seenFuncs = make(map[*types.Func]bool, funcs)
	in.res.seenBodies = make(map[*ast.BlockStmt]bool, bodies)
	for _, u := range in.order {
		if !u.opaque && !u.captures {
			if u.fn != nil && u.writes&^requestBits(u.fn) != 0 {
				continue // it changes state its caller holds
			}
			if len(u.ifaces) > 0 {
				p := &Pending{Base: u.base, Methods: u.ifaces}
				if in.res.pending == nil {
					in.res.pending = make(map[*types.Func]*Pending)
					in.res.pendingBodies = make(map[*ast.BlockStmt]*Pending)
				}
				in.res.pendingBodies[u.body] = p
				if u.fn != nil {
					in.res.pending[u.fn] = p
				}
				continue
			}
			in.res.seenBodies[u.body] = true
			if u.fn != nil {
				in.res.seenFuncs[u.fn] = true
			}
		}
	}
}

// trusted reports whether a directive or a platform role makes u
// effect-free whatever it does.
func (in *inferrer) trusted(u *unit) bool { return u.override != nil && u.override.Kinds == 0 }

// export records the effects of the package's functions and methods as
// facts, and whether they are opaque: only where another package can call
// them (not in a main package, nor in a test file).
func (in *inferrer) export() {
	importable := in.pass.Pkg.Name() != "main"
	for _, u := range in.order {
		if u.fn == nil || !exportable(in.pass.Pkg, u.fn) {
			continue
		}
		if !importable || in.testFile(u.pos) {
			if !u.eff.None() {
				in.pass.ExportObjectFact(u.fn, &Fact{Effects: u.eff})
			}
			continue
		}
		f := &Fact{Effects: u.eff, Opaque: u.opaque}
		if !u.opaque {
			f.Writes = u.writes
			if len(u.ifaces) > 0 && !u.captures {
				f.Opaque, f.pending = true, &Pending{Base: u.base, Methods: u.ifaces}
			}
		}
		if res := u.fn.Signature().Results(); res.Len() > 0 && in.writable(res.At(0).Type()) {
			switch k := in.retOf(u.fn); {
			case k == retFresh:
				f.ReturnsFresh = true
			case k >= retArg:
				f.ReturnsArg = uint8(k-retArg) + 1
			}
		}
		if f.Effects.None() && !f.Opaque && f.Writes == 0 && !f.ReturnsFresh && f.ReturnsArg == 0 {
			continue
		}
		in.pass.ExportObjectFact(u.fn, f)
	}
}

// testFile reports whether pos is in a _test.go file.
func (in *inferrer) testFile(pos token.Pos) bool {
	return strings.HasSuffix(in.pass.Fset.File(pos).Name(), "_test.go")
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
	e, _ := in.apiEffects(call)
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
// function, and whether that effect is known (see apiEffectsOf).
func (in *inferrer) apiEffects(call *ast.CallExpr) (Effects, bool) {
	fn, _ := typeutil.Callee(in.pass.TypesInfo, call).(*types.Func)
	return in.apiEffectsOf(call, fn)
}

// apiEffectsOf returns the effects of call, whose callee is fn (nil when
// it is not a function), and false when call is one of an API the tables
// know whose effect they cannot tell (a request whose method is not
// constant).
func (in *inferrer) apiEffectsOf(call *ast.CallExpr, fn *types.Func) (Effects, bool) {
	if fn == nil {
		return Effects{}, true
	}
	fn = fn.Origin()
	if len(in.cfg.FinancialCalls) > 0 {
		name := directives.QualifiedName(fn)
		for _, c := range in.cfg.FinancialCalls {
			if c == name {
				return Effects{Kinds: Payment, NonIdempotent: "calls " + shortName(fn), MovesMoney: true}, true
			}
		}
	}
	if grpcInvoke(fn) {
		return in.outboundRPC(call)
	}
	classify := execLike(fn)
	if row := lookup(fn); row != nil {
		classify = row.classify
	} else if fn.Pkg() == in.pass.Pkg {
		classify = nil // the package's own wrapper: its unit decides
	}
	if classify != nil {
		if e, ok := classify(&site{in: in, call: call, fn: fn, method: fn.Name()}); ok {
			return e.effects(), !e.unknown
		}
		return Effects{}, true
	}
	if in.interfaceVerb(fn) {
		e := Effects{Kinds: Interface}
		if !idempotentVerb(in.cfg.MutatingVerbs, fn.Name()) {
			e.NonIdempotent = "calls " + shortName(fn)
		}
		return e, true
	}
	return Effects{}, true
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

func idempotentVerb(verbs []string, name string) bool {
	v := names.Verb(verbs, name)
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
	"go.opentelemetry.io/", "github.com/opentracing/", "github.com/prometheus/", "go.uber.org/zap",
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
	return names.Verb(cfg.MutatingVerbs, fn.Name()) != ""
}

// definition returns the value a local variable was defined or assigned
// with, when it was given exactly one value in the package.
func (in *inferrer) definition(obj types.Object) ast.Expr {
	return in.syn.Definition(obj)
}

// valuesOfVar returns the values a variable is given in the package.
func (in *inferrer) valuesOfVar(obj types.Object) []ast.Expr {
	return in.syn.Values(obj)
}

// relevant reports whether the package can have effects: it imports a
// recognised API (transitively), a dependency exports effects, or it calls
// interface methods with a mutating verb.
func relevant(pass *analysis.Pass) bool {
	if apis.Reached(pass.Pkg) {
		return true
	}
	for _, f := range pass.AllObjectFacts() {
		if f, ok := f.Fact.(*Fact); ok && !f.Effects.None() {
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
var apis = typesutil.NewImportSet(func(p *types.Package) bool { return known(p.Path()) || p.Path() == grpcPath })
