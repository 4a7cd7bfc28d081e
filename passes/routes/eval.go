package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/idemlint/idemlint/internal/safe"
	"github.com/idemlint/idemlint/internal/typesutil"
	"github.com/idemlint/idemlint/internal/xpos"
	"github.com/idemlint/idemlint/passes/config"
	"github.com/idemlint/idemlint/passes/directives"
	"github.com/idemlint/idemlint/passes/effects"
	"github.com/idemlint/idemlint/passes/syntax"
)

// Abstract values. A value is one of *router, *handler, mwList, *slot,
// funcRef, litRef, or nil (unknown).
type value any

// A router is a router or mux instance. Routers that turn out to be the
// same instance (a constructor result stored in a field) are united.
type router struct {
	rep       *router // union-find link; nil for a representative
	framework string
	mws       []Middleware
	regs      []*reg
	mounts    []*mount
	// ref is set on a placeholder for a router the caller passes (a
	// parameter or the receiver): what is added to it is what a summary
	// tells the caller (see summarize). Placeholders are never united.
	ref *SRef
	// owner is the field or variable whose slot holds the router.
	owner types.Object
}

func (r *router) find() *router {
	for r.rep != nil {
		r = r.rep
	}
	return r
}

// unite merges b into a.
func unite(a, b *router) {
	a, b = a.find(), b.find()
	if a == b {
		return
	}
	if a.framework == "" {
		a.framework = b.framework
	}
	if a.ref != nil || b.ref != nil {
		return // a placeholder stands for the caller's router
	}
	if a.owner == nil {
		a.owner = b.owner
	}
	a.mws = append(a.mws, b.mws...)
	a.regs = append(a.regs, b.regs...)
	a.mounts = append(a.mounts, b.mounts...)
	b.rep = a
	b.mws, b.regs, b.mounts = nil, nil, nil
}

// A handler is a handler value: a target wrapped in middleware.
type handler struct {
	mws    []Middleware // outermost first
	router *router      // the target is a router
	slot   *slot        // the target is a package-level variable or field
	fn     *types.Func  // the target is a function or method
	lit    *ast.FuncLit // the target is a function literal
	strip  string       // http.StripPrefix prefix
	rpc    *rpcService  // the target is a connect service handler
	ref    *SRef        // the target is a handler the caller passes (a placeholder)
	procs  []*reg       // the target is a connect service handler of another package
}

func (h *handler) wrap(mws ...Middleware) *handler {
	c := *h
	c.mws = append(append([]Middleware(nil), mws...), h.mws...)
	return &c
}

// A reg is one route registration.
type reg struct {
	framework string
	method    string
	path      string
	call      *ast.CallExpr
	expr      ast.Expr // handler expression
	h         *handler
	mws       []Middleware // route-level middleware
	rpc       *rpcInfo     // the route is an RPC procedure
	order     order
	imp       *Registration // registered in another package, known through a summary
	seed      bool          // from the summary of a slot of another package: not exported again
	at        ast.Expr      // the element of a route table that gave the route, if any
}

// A mount attaches a sub-tree below a router.
type mount struct {
	prefix string
	method string
	mws    []Middleware
	h      *handler
	order  order
	seed   bool // from the summary of a slot of another package: not exported again
}

// A slot is a package-level variable or struct field holding a router or
// handler; every function of the package sees the same slot.
type slot struct {
	obj     types.Object // the variable or field
	router  *router
	handler *handler
	mws     mwList // a middleware list (a chain) assigned to it
	mixed   bool   // different middleware lists were assigned to it
	// outside is set on a field's slot when a list was stored in it other
	// than by a constructor whose instance the evaluation follows
	// (instance); global is the field's slot of a slot of an instance.
	outside bool
	global  *slot
	// unfollowed is set on a field's slot when a value of another
	// package whose field the evaluation does not follow was made.
	unfollowed bool
}

type mwList []Middleware

type funcRef struct{ fn *types.Func }

type litRef struct{ lit *ast.FuncLit }

// served records a handler served to the network.
type served struct {
	h   *handler
	pos token.Pos
}

// evaluator walks the functions of one package.
type evaluator struct {
	pass    *analysis.Pass
	dirs    *directives.Result
	idx     *syntax.Index
	slots   map[types.Object]*slot
	routers []*router
	served  []served
	// ctorStore is set while a constructor's stores are replayed for the
	// instance it returns (instance).
	ctorStore bool
	instances map[*handler]*instance
	made      *instance // the instance the call being evaluated returns

	defaultMux *router
	memo       map[*types.Func]value // results of context-free evaluations
	active     map[*types.Func]bool
	activeLits map[*ast.FuncLit]bool
	budget     int // remaining context-sensitive evaluations

	root, seq int                     // the top-level evaluation in progress and the last order stamped
	rootFunc  map[int]*types.Func     // the function evaluated as each top-level evaluation
	calls     map[*types.Func][]order // where context-free calls of package functions were made

	// sums records what the package's exportable functions do that their
	// callers can see (see summarize); stack holds the records of the
	// functions being evaluated, innermost last.
	sums        map[*types.Func]*fnSummary
	stack       []*fnSummary
	foreignRoot int // the last root made for orders of other packages that cannot be compared
	resolver    *xpos.Resolver
	pkgs        map[string]*types.Package // the package's imports, direct or not, by path

	eff      *effects.Result
	cfg      *config.Config
	regs     map[*reg]*Registration // registrations of the package, as summaries carry them
	reported map[*reg][]string      // registrations idemhandler reports here: their ReportKeys
	fin      *financialClassifier
	fix      *fixer
	serving  token.Pos // where the handler being resolved is served

	dedupArgs []DedupArg      // see dedupArg
	facts     map[*reg]*Route // the route whose handler facts each registration's routes share

	// Route tables (see rangeTable): the loop variables of the rounds
	// being unrolled, the element of the innermost one, and the values
	// of variables given one value once.
	bound []binding
	elem  ast.Expr

	// fr is the frame of the function being evaluated, in which strings
	// may be templates (see template.go).
	fr *frame
	// tmplOwner is the record of the function whose parameters the
	// templates being evaluated refer to, if any.
	tmplOwner *fnSummary
	// pendingInst is the instantiation the next function body evaluated
	// is called with.
	pendingInst *instantiation
	// inertFns are the functions that cannot change the model (inert).
	inertFns map[*types.Func]bool
}

// An order is the point of the evaluation at which middleware was
// attached or a route or mount registered: n counts up through the
// evaluation of one top-level function (root; 0 for package variables).
// The zero order is no order.
type order struct{ root, n int }

// stamp returns the current point of the evaluation.
func (e *evaluator) stamp() order {
	e.seq++
	return order{e.root, e.seq}
}

// cmp returns -1 when a is known to come before b, 1 when it is known to
// come after, and 0 when the order is unknown: stamps of two top-level
// functions cannot be ordered, but package variables are initialised
// before any function runs.
func (a order) cmp(b order) int {
	switch {
	case a.n == 0 || b.n == 0:
		return 0
	case a.root == b.root && a.n < b.n, a.root == 0 && b.root != 0:
		return -1
	case a.root == b.root && a.n > b.n, b.root == 0 && a.root != 0:
		return 1
	}
	return 0
}

// cmpOrder compares two stamps like cmp. When they belong to different
// top-level evaluations, a function evaluated as one of its own that the
// package calls exactly once (with no router argument) is placed at that
// call, since that is when it runs.
func (e *evaluator) cmpOrder(a, b order) int {
	for range maxDepth {
		if c := a.cmp(b); c != 0 || a.root == b.root || a.n == 0 || b.n == 0 {
			return c
		}
		if at, ok := e.calledAt(a.root); ok {
			a = at
		} else if at, ok := e.calledAt(b.root); ok {
			b = at
		} else {
			return 0
		}
	}
	return 0
}

// calledAt returns where the function evaluated as a top-level
// evaluation is called, when it is called exactly once.
func (e *evaluator) calledAt(root int) (order, bool) {
	fn := e.rootFunc[root]
	if fn == nil || len(e.calls[fn]) != 1 {
		return order{}, false
	}
	return e.calls[fn][0], true
}

// attach adds middleware to r that applies only to routes and mounts
// registered on r after it (gin, fiber, echo groups), limited to routes
// whose path starts with prefix ("" for all; fiber's Use). Frameworks
// whose middleware applies to every route of the router (chi,
// gorilla/mux, echo's Use) append to r.mws instead, with no order.
func (e *evaluator) attach(r *router, prefix string, mws ...Middleware) {
	o := e.stamp()
	for _, m := range mws {
		m.order, m.prefix = o, prefix
		r.mws = append(r.mws, m)
	}
}

// frame is the local state of one function evaluation.
type frame struct {
	env     map[types.Object]value
	cond    int       // depth of conditional blocks
	condPos token.Pos // start of the outermost conditional block
	results []value
	returns int
	// guard is the condition of the conditional block being evaluated
	// when it tests a template (see template.go).
	guard *strGuard
	// inst is the call of a wrapper of the package that bound the
	// caller's constant strings to the parameters (template.go).
	inst *instantiation
	// loops counts the loops being evaluated that are not unrolled.
	loops int
}

// indexOf returns the syntax index pass was given, or, for a pass that
// does not require syntax.Analyzer, one of its own.
func indexOf(pass *analysis.Pass) *syntax.Index {
	if idx, ok := pass.ResultOf[syntax.Analyzer].(*syntax.Index); ok && idx != nil {
		return idx
	}
	return syntax.New(pass.TypesInfo, pass.Pkg, pass.Files)
}

func newEvaluator(pass *analysis.Pass, dirs *directives.Result) *evaluator {
	e := &evaluator{
		pass:       pass,
		dirs:       dirs,
		idx:        indexOf(pass),
		slots:      make(map[types.Object]*slot),
		memo:       make(map[*types.Func]value),
		active:     make(map[*types.Func]bool),
		activeLits: make(map[*ast.FuncLit]bool),
		budget:     5000,
		sums:       make(map[*types.Func]*fnSummary),
	}
	return e
}

// decl returns the declaration of fn, a function or method of the package
// declared with a body, or nil. An instance of a generic function or
// method is not followed.
func (e *evaluator) decl(fn *types.Func) *ast.FuncDecl {
	if fn == nil || fn.Origin() != fn {
		return nil
	}
	return e.idx.Decl(fn)
}

func (e *evaluator) newRouter(framework string) *router {
	r := &router{framework: framework}
	e.routers = append(e.routers, r)
	return r
}

// run evaluates package-level variables, then every function once,
// except those that cannot change the model on their own (inert).
func (e *evaluator) run() {
	global := &frame{env: map[types.Object]value{}}
	for _, f := range e.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				e.valueSpec(global, spec.(*ast.ValueSpec))
			}
		}
	}
	inert := e.inert()
	e.inertFns = inert
	for _, f := range e.idx.Funcs() {
		fn := f.Obj
		if inert[fn] {
			continue
		}
		e.root++
		if _, done := e.memo[fn]; !done {
			if e.rootFunc == nil {
				e.rootFunc = make(map[int]*types.Func)
			}
			e.rootFunc[e.root] = fn
		}
		e.callLocal(fn, nil, nil)
	}
}

// callLocal evaluates a function of the package. With no argument values
// the evaluation is context-free and done once; otherwise the parameters
// are bound to the arguments' values.
func (e *evaluator) callLocal(fn *types.Func, recv value, args []value) value {
	fd := e.decl(fn)
	if fd == nil || e.active[fn] {
		return nil
	}
	contextual := recv != nil
	for _, a := range args {
		contextual = contextual || a != nil
	}
	if contextual {
		if e.budget <= 0 {
			return nil
		}
		e.budget--
		saved := e.tmplOwner
		if !templateArgs(args) {
			e.tmplOwner = nil
		}
		defer func() { e.tmplOwner = saved }()
		return e.evalBody(fn, fd, recv, args)
	}
	if len(e.active) > 0 {
		if e.calls == nil {
			e.calls = make(map[*types.Func][]order)
		}
		e.calls[fn] = append(e.calls[fn], e.stamp())
	}
	if v, ok := e.memo[fn]; ok {
		e.inherit(fn)
		return v
	}
	e.memo[fn] = nil
	s := e.sums[fn]
	if s == nil {
		v := e.evalLocalWrapper(fn, fd)
		e.memo[fn] = v
		return v
	}
	// A function other packages may call: evaluated once, with
	// placeholders for the routers, handlers and middleware its callers
	// pass, so that what it does to them is its summary.
	s.root = e.root
	e.stack = append(e.stack, s)
	savedOwner := e.tmplOwner
	e.tmplOwner = s
	s.result = e.evalBody(fn, fd, s.recv, s.params)
	e.tmplOwner = savedOwner
	e.stack = e.stack[:len(e.stack)-1]
	v := withoutPlaceholders(s.result)
	e.memo[fn] = v
	return v
}

// evalBody evaluates the body of fn with its receiver and parameters
// bound to recv and args (nil: unknown), and returns its result.
func (e *evaluator) evalBody(fn *types.Func, fd *ast.FuncDecl, recv value, args []value) value {
	e.active[fn] = true
	defer delete(e.active, fn)
	safe.At(e.pass, fd.Pos())

	fr := &frame{env: map[types.Object]value{}, inst: e.pendingInst}
	e.pendingInst = nil
	saved := e.fr
	e.fr = fr
	defer func() { e.fr = saved }()
	if recv != nil && fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
		fr.env[e.pass.TypesInfo.Defs[fd.Recv.List[0].Names[0]]] = recv
	}
	if recv != nil || len(args) > 0 {
		e.bindParams(fr, fn.Signature(), fd.Type.Params, args)
	}
	e.block(fr, fd.Body.List)
	return result(fr)
}

func (e *evaluator) bindParams(fr *frame, sig *types.Signature, params *ast.FieldList, args []value) {
	i := 0
	for _, field := range params.List {
		for _, name := range field.Names {
			obj := e.pass.TypesInfo.Defs[name]
			if sig.Variadic() && i == sig.Params().Len()-1 {
				var mws mwList
				for _, a := range args[min(i, len(args)):] {
					mws = append(mws, e.asMiddleware(a, name)...)
				}
				fr.env[obj] = mws
			} else if i < len(args) {
				fr.env[obj] = args[i]
			}
			i++
		}
	}
}

// callLit evaluates a function literal in place, binding its parameters.
func (e *evaluator) callLit(fr *frame, lit *ast.FuncLit, args ...value) value {
	if e.activeLits[lit] {
		return nil // a literal that calls itself
	}
	e.activeLits[lit] = true
	defer delete(e.activeLits, lit)
	inner := &frame{env: make(map[types.Object]value, len(fr.env)), cond: fr.cond, condPos: fr.condPos, inst: fr.inst, loops: fr.loops}
	saved := e.fr
	e.fr = inner
	defer func() { e.fr = saved }()
	for k, v := range fr.env {
		inner.env[k] = v
	}
	if sig, ok := e.pass.TypesInfo.TypeOf(lit).(*types.Signature); ok {
		e.bindParams(inner, sig, lit.Type.Params, args)
	}
	e.block(inner, lit.Body.List)
	for k, v := range inner.env {
		if _, ok := fr.env[k]; ok {
			fr.env[k] = v
		}
	}
	return result(inner)
}

// result returns the value a function evaluated in fr returns: the value
// every return statement gives, or nil.
func result(fr *frame) value {
	if fr.returns == 0 || len(fr.results) != fr.returns {
		return nil
	}
	v := fr.results[0]
	for _, r := range fr.results[1:] {
		if !same(r, v) {
			return nil
		}
	}
	return v
}

func (e *evaluator) block(fr *frame, stmts []ast.Stmt) {
	for _, s := range stmts {
		e.stmt(fr, s)
	}
}

// condBlock evaluates statements that may or may not run.
func (e *evaluator) condBlock(fr *frame, pos token.Pos, stmts []ast.Stmt) {
	e.guardedBlock(fr, pos, stmts, nil)
}

// loopBlock evaluates the body of a loop that is not unrolled: it may
// run any number of times, so that no test of a string in it is decided.
func (e *evaluator) loopBlock(fr *frame, pos token.Pos, stmts []ast.Stmt) {
	fr.loops++
	e.condBlock(fr, pos, stmts)
	fr.loops--
}

// guardedBlock evaluates statements that run when g holds (nil: an
// unknown condition).
func (e *evaluator) guardedBlock(fr *frame, pos token.Pos, stmts []ast.Stmt, g *strGuard) {
	if fr.cond == 0 {
		fr.condPos = pos
	}
	fr.cond++
	saved := fr.guard
	fr.guard = g
	e.block(fr, stmts)
	fr.guard = saved
	fr.cond--
}

func (e *evaluator) stmt(fr *frame, s ast.Stmt) {
	switch s := s.(type) {
	case *ast.ExprStmt:
		e.eval(fr, s.X)
	case *ast.AssignStmt:
		e.assign(fr, s.Lhs, s.Rhs)
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				e.valueSpec(fr, spec.(*ast.ValueSpec))
			}
		}
	case *ast.ReturnStmt:
		if len(s.Results) > 1 && e.isNil(s.Results[0]) {
			// return nil, err: a failure, which gives the caller
			// nothing to serve.
			for _, r := range s.Results[1:] {
				e.eval(fr, r)
			}
			return
		}
		fr.returns++
		if len(s.Results) > 0 {
			fr.results = append(fr.results, e.eval(fr, s.Results[0]))
			for _, r := range s.Results[1:] {
				e.eval(fr, r)
			}
		}
	case *ast.BlockStmt:
		e.block(fr, s.List)
	case *ast.IfStmt:
		if s.Init != nil {
			e.stmt(fr, s.Init)
		}
		e.eval(fr, s.Cond)
		g := e.guardOf(fr, s.Cond)
		if g != nil && !hasParams(g.tmpl) {
			// A test of the caller's constant: only one branch runs.
			if (g.tmpl != "") == g.nonEmpty {
				e.block(fr, s.Body.List)
			} else if s.Else != nil {
				e.stmt(fr, s.Else)
			}
			break
		}
		e.guardedBlock(fr, s.Pos(), s.Body.List, g)
		if s.Else != nil {
			if g != nil {
				g = &strGuard{g.tmpl, !g.nonEmpty}
			}
			e.guardedBlock(fr, s.Pos(), []ast.Stmt{s.Else}, g)
		}
	case *ast.ForStmt:
		if s.Init != nil {
			e.stmt(fr, s.Init)
		}
		e.loopBlock(fr, s.Pos(), s.Body.List)
	case *ast.RangeStmt:
		x := e.eval(fr, s.X)
		if sl, ok := x.(*slot); ok {
			if sl.mws != nil {
				x = sl.mws
			} else if h := e.heldList(sl, s.X); h != nil {
				x = h
			}
		}
		if !e.rangeTable(fr, s) {
			if l, ok := x.(mwList); ok && s.Value != nil {
				// Each element of a middleware list: any of them.
				if v := e.loopVar(s.Value); v != nil {
					fr.env[v] = l
				}
			}
			e.loopBlock(fr, s.Pos(), s.Body.List)
		}
	case *ast.SwitchStmt:
		if s.Init != nil {
			e.stmt(fr, s.Init)
		}
		for _, c := range s.Body.List {
			e.condBlock(fr, s.Pos(), c.(*ast.CaseClause).Body)
		}
	case *ast.TypeSwitchStmt:
		for _, c := range s.Body.List {
			e.condBlock(fr, s.Pos(), c.(*ast.CaseClause).Body)
		}
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			e.condBlock(fr, s.Pos(), c.(*ast.CommClause).Body)
		}
	case *ast.GoStmt:
		e.eval(fr, s.Call)
	case *ast.DeferStmt:
		e.eval(fr, s.Call)
	case *ast.LabeledStmt:
		e.stmt(fr, s.Stmt)
	}
}

func (e *evaluator) valueSpec(fr *frame, spec *ast.ValueSpec) {
	lhs := make([]ast.Expr, len(spec.Names))
	for i, n := range spec.Names {
		lhs[i] = n
	}
	if len(spec.Values) == 0 && spec.Type != nil && isRPCOption(e.pass.TypesInfo.TypeOf(spec.Type)) {
		for _, n := range spec.Names {
			e.store(fr, n, mwList{}) // an empty option list
		}
		return
	}
	if len(spec.Values) == 0 && spec.Type != nil && isStringType(e.pass.TypesInfo.TypeOf(spec.Type)) && (e.tmplOwner != nil || fr.inst != nil) {
		for _, n := range spec.Names {
			e.store(fr, n, strTmpl("")) // the zero value, for the branches that set it
		}
		return
	}
	e.assign(fr, lhs, spec.Values)
}

func (e *evaluator) assign(fr *frame, lhs, rhs []ast.Expr) {
	vals := make([]value, len(lhs))
	if len(rhs) == len(lhs) {
		for i, r := range rhs {
			vals[i] = e.eval(fr, r)
			if vals[i] == nil && (e.tmplOwner != nil || fr.inst != nil) {
				// A constant string, which branches may add to.
				if s, ok := typesutil.ConstString(e.pass.TypesInfo, r); ok && len(s) <= maxTemplate {
					vals[i] = strTmpl(s)
				}
			}
		}
	} else {
		for i, r := range rhs {
			v := e.eval(fr, r)
			if i == 0 {
				vals[0] = v
				if t, ok := v.(tuple); ok && len(rhs) == 1 {
					copy(vals, t)
				}
			}
		}
	}
	for i, l := range lhs {
		e.store(fr, l, vals[i])
	}
}

// store assigns v to the variable, field or slot denoted by lhs.
func (e *evaluator) store(fr *frame, lhs ast.Expr, v value) {
	lhs = ast.Unparen(lhs)
	if sel, ok := lhs.(*ast.SelectorExpr); ok && e.serverHandlerField(fr, sel, v) {
		return
	}
	obj := e.lhsObject(lhs)
	if obj == nil {
		return
	}
	if s := e.slotFor(obj); s != nil {
		if e.recordStore(obj, v) {
			return // the caller's value: the summary says where it goes
		}
		e.unknownStore(obj, v, lhs)
		e.storeSlot(s, v, lhs)
		return
	}
	if old, had := fr.env[obj]; had && fr.cond > 0 && obj.Pos() < fr.condPos && !same(old, v) {
		a, ok1 := old.(strTmpl)
		b, ok2 := v.(strTmpl)
		if ok1 && ok2 && fr.guard != nil {
			fr.env[obj] = fr.guard.choice(b, a)
			return
		}
		fr.env[obj] = joinPaths(old, v)
		return
	}
	fr.env[obj] = v
}

// joinPaths returns the value of a variable assigned v on some paths
// and holding old on the others. A router or handler assigned where the
// variable held nothing (var r *mux.Router; if ... { r = a } else { r =
// b }) is taken: a nil router or handler would make the program panic
// where it is used. A router kept on some paths, where the others put a
// handler function in its place (a maintenance page, a disabled
// feature), is kept: on those paths no route is served at all. Two
// routers are the same router as far as routes go: whichever the program
// picks, its routes are registered on it. Anything else is unknown.
func joinPaths(old, v value) value {
	switch {
	case old == nil && routerish(v):
		return v
	case routerish(old) && opaque(v):
		return old // the other path serves a handler of its own
	case routerish(v) && opaque(old):
		return v
	}
	if a, ok := old.(*router); ok {
		if b, ok := v.(*router); ok {
			unite(a, b)
			return a.find()
		}
	}
	if a := handlerOf(old); a != nil {
		if b := handlerOf(v); b != nil && (b.wraps(a) || b.sameAs(a)) {
			// Middleware applied on some paths (a loop over a list,
			// a layer that may be nil): it counts as applied.
			return b
		}
	}
	return nil
}

// handlerOf returns v as a handler when it is one or a function that
// serves as one, else nil.
func handlerOf(v value) *handler {
	switch v := v.(type) {
	case *handler:
		return v
	case funcRef:
		return &handler{fn: v.fn}
	case litRef:
		return &handler{lit: v.lit}
	}
	return nil
}

// sameAs reports whether h and o serve the same target with the same
// middleware.
func (h *handler) sameAs(o *handler) bool {
	return h.sameTarget(o) && slices.Equal(h.mws, o.mws)
}

// sameTarget reports whether h and o serve the same function, literal or
// caller's handler, whatever middleware wraps them.
func (h *handler) sameTarget(o *handler) bool {
	return (h.fn != nil || h.lit != nil || h.ref != nil) && h.fn == o.fn && h.lit == o.lit && h.ref == o.ref &&
		h.router == nil && o.router == nil && h.slot == nil && o.slot == nil && h.strip == o.strip &&
		h.rpc == nil && o.rpc == nil && h.procs == nil && o.procs == nil
}

// wraps reports whether h is inner wrapped in more middleware.
func (h *handler) wraps(inner *handler) bool {
	if len(h.mws) <= len(inner.mws) || h.router != inner.router || h.slot != inner.slot || h.fn != inner.fn ||
		h.lit != inner.lit || h.strip != inner.strip || h.rpc != inner.rpc || h.ref != inner.ref || h.procs != nil || inner.procs != nil {
		return false
	}
	outer := h.mws[len(h.mws)-len(inner.mws):]
	for i := range outer {
		if outer[i] != inner.mws[i] {
			return false
		}
	}
	return true
}

// routerish reports whether v is a router or a handler the model follows.
func routerish(v value) bool {
	switch v.(type) {
	case *router, *handler, *slot, *fiberGroup:
		return true
	}
	return false
}

// opaque reports whether v is a handler function whose routes, if any,
// the model does not follow: a literal or a function.
func opaque(v value) bool {
	switch v.(type) {
	case litRef, funcRef:
		return true
	}
	return false
}

// storeSlot stores v in a slot; lhs is the expression assigned, or nil.
func (e *evaluator) storeSlot(s *slot, v value, lhs ast.Expr) {
	switch v := v.(type) {
	case *router:
		unite(s.routerNode(e), v)
	case *fiberGroup:
		unite(s.routerNode(e), v.app)
	case *slot:
		switch {
		case v == s:
		case v.router != nil:
			unite(s.routerNode(e), v.router)
		case v.handler != nil:
			s.handler = v.handler
		case v.mws != nil:
			s.mws = append(mwList{}, v.mws...)
		}
	case *handler:
		if v.router != nil && len(v.mws) == 0 && v.strip == "" {
			unite(s.routerNode(e), v.router)
		} else {
			s.handler = v
		}
	case mwList:
		if s.mws != nil && !slices.Equal(s.mws, v) {
			s.mixed = true // lists told apart by the instance, which a slot is not
		}
		s.mws = append(mwList{}, v...)
		s.outside = s.outside || !e.ctorStore
	default:
		if s.mws != nil && lhs != nil { // a list changed in a way we cannot follow
			s.mws = mwList{{Name: exprName(lhs), Pos: lhs.Pos(), Unknown: true}}
			s.outside = true
		}
	}
}

func (e *evaluator) lhsObject(lhs ast.Expr) types.Object {
	switch lhs := lhs.(type) {
	case *ast.Ident:
		if obj := e.pass.TypesInfo.Defs[lhs]; obj != nil {
			return obj
		}
		return e.pass.TypesInfo.Uses[lhs]
	case *ast.SelectorExpr:
		if sel := e.pass.TypesInfo.Selections[lhs]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
		return e.pass.TypesInfo.Uses[lhs.Sel]
	case *ast.StarExpr:
		return e.lhsObject(ast.Unparen(lhs.X))
	}
	return nil
}

// slotFor returns the shared slot of a package-level variable or a
// field, or nil for local variables. Every function of the package sees
// the same slot. The slot of an object of another package starts with
// what that package's summary says it holds.
func (e *evaluator) slotFor(obj types.Object) *slot {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil {
		return nil
	}
	if !v.IsField() && v.Parent() != v.Pkg().Scope() {
		return nil
	}
	s := e.slots[obj]
	if s == nil {
		if v.Pkg() != e.pass.Pkg && !holdsRouterValues(v.Type()) {
			return nil // a field of another package that holds no router, handler or middleware
		}
		s = &slot{obj: obj}
		e.slots[obj] = s
		if v.Pkg() != e.pass.Pkg {
			e.importSlot(s)
		}
	}
	return s
}

// holdsRouterValues reports whether a variable of type t can hold a
// router, handler or middleware.
func holdsRouterValues(t types.Type) bool {
	return !plain(t) && (carriesRouterType(t) || handlerResult(t) || isMiddlewareType(t) || webMiddlewareType(t) || holdsAnything(t) || middlewareSlice(t))
}

// middlewareSlice reports whether t is a list of middleware.
func middlewareSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && (isMiddlewareType(s.Elem()) || webMiddlewareType(s.Elem()))
}

func (s *slot) routerNode(e *evaluator) *router {
	if s.router == nil {
		s.router = e.newRouter("")
		s.router.owner = s.obj
	}
	return s.router.find()
}

// eval returns the abstract value of x, evaluating the calls inside it.
func (e *evaluator) eval(fr *frame, x ast.Expr) value {
	if b := e.boundExpr(x); b != nil {
		return e.eval(fr, b)
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return e.eval(fr, x.X)
	case *ast.Ident:
		obj := e.pass.TypesInfo.Uses[x]
		if obj == nil {
			obj = e.pass.TypesInfo.Defs[x]
		}
		return e.objValue(fr, obj)
	case *ast.SelectorExpr:
		if sel := e.pass.TypesInfo.Selections[x]; sel != nil {
			switch sel.Kind() {
			case types.FieldVal:
				recv := e.eval(fr, x.X)
				if ownServerField(sel.Obj()) {
					// A router's own server (echo's e.Server) serves it.
					if r, ok := recv.(*router); ok {
						e.serve(&handler{router: r}, x.Pos())
					}
					return nil
				}
				if s := e.slotFor(sel.Obj()); s != nil {
					return s
				}
				return nil
			case types.MethodVal:
				recv := e.eval(fr, x.X)
				if x.Sel.Name == "ServeHTTP" {
					if h := e.asHandler(recv); h != nil && (h.router != nil || h.slot != nil || len(h.mws) > 0) {
						return h // h.ServeHTTP serves h, wrapping included
					}
				}
				return funcRef{sel.Obj().(*types.Func)}
			}
			return nil
		}
		return e.objValue(fr, e.pass.TypesInfo.Uses[x.Sel])
	case *ast.CallExpr:
		return e.call(fr, x)
	case *ast.FuncLit:
		return litRef{x}
	case *ast.UnaryExpr:
		return e.eval(fr, x.X)
	case *ast.StarExpr:
		return e.eval(fr, x.X)
	case *ast.CompositeLit:
		return e.compositeLit(fr, x)
	case *ast.KeyValueExpr:
		return e.eval(fr, x.Value)
	case *ast.BinaryExpr:
		e.eval(fr, x.X)
		e.eval(fr, x.Y)
		return e.templateValue(fr, x)
	case *ast.IndexExpr:
		l := e.eval(fr, x.X)
		e.eval(fr, x.Index)
		switch l := l.(type) {
		case mwList:
			return l // an element of a middleware list: any of them
		case *slot:
			if l.mws != nil {
				return l.mws
			}
			if h := e.heldList(l, x.X); h != nil {
				return h // an element of a list a field holds: any of them
			}
		}
	case *ast.TypeAssertExpr:
		e.eval(fr, x.X)
	}
	return nil
}

func (e *evaluator) objValue(fr *frame, obj types.Object) value {
	switch obj := obj.(type) {
	case *types.Func:
		return funcRef{obj}
	case *types.Var:
		if v, ok := fr.env[obj]; ok {
			return v
		}
		if s := e.slotFor(obj); s != nil {
			return s
		}
		if obj.Pkg() != nil && obj.Pkg().Path() == "net/http" && obj.Name() == "DefaultServeMux" {
			return e.defaultServeMux()
		}
	}
	return nil
}

func (e *evaluator) defaultServeMux() *router {
	if e.defaultMux == nil {
		e.defaultMux = e.newRouter(netHTTP)
	}
	return e.defaultMux.find()
}

func (e *evaluator) compositeLit(fr *frame, lit *ast.CompositeLit) value {
	if e.serverLiteral(fr, lit) {
		return nil
	}
	t := e.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return nil
	}
	if _, ok := t.Underlying().(*types.Slice); ok {
		var mws mwList
		for _, elt := range lit.Elts {
			v := e.eval(fr, elt)
			if t := e.pass.TypesInfo.TypeOf(elt); isMiddlewareType(t) || isRPCOption(t) {
				mws = append(mws, e.asMiddleware(v, elt)...)
				if mws == nil {
					mws = mwList{} // a list of options that install no middleware
				}
			}
		}
		if mws != nil {
			return mws
		}
		return nil
	}
	// A struct literal stores its fields, and one of a type with a
	// ServeHTTP method that holds a handler (a logging or tracing
	// wrapper holding next) wraps it.
	st, _ := t.Underlying().(*types.Struct)
	var inner *handler
	for i, elt := range lit.Elts {
		v := e.eval(fr, elt)
		if st == nil {
			continue
		}
		var field *types.Var
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				field, _ = e.pass.TypesInfo.Uses[id].(*types.Var)
			}
		} else if i < st.NumFields() {
			field = st.Field(i)
		}
		if field == nil || v == nil {
			continue
		}
		if s := e.slotFor(field); s != nil && !e.recordStore(field, v) {
			e.storeSlot(s, v, nil)
		}
		if h := e.asHandler(v); h != nil && inner == nil && handlerResult(field.Type()) {
			if _, fn := v.(funcRef); !fn {
				inner = h
			}
		}
	}
	if fn := serveHTTPMethod(t); fn != nil {
		if inner != nil {
			return inner.wrap(e.structWrapper(fn, lit))
		}
		return funcRef{fn}
	}
	return nil
}

// structWrapper describes a struct literal whose ServeHTTP method wraps
// the handler it holds: platform middleware when that method applies it.
func (e *evaluator) structWrapper(serve *types.Func, lit *ast.CompositeLit) Middleware {
	mw := Middleware{Name: exprName(lit.Type), Obj: serve, Pos: lit.Pos()}
	if fd := e.decl(serve); fd != nil {
		mw.Platform = e.dirs.UsesMiddleware(e.pass.TypesInfo, fd.Body)
	}
	return mw
}

// call evaluates a call expression.
func (e *evaluator) call(fr *frame, call *ast.CallExpr) value {
	info := e.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return e.eval(fr, call.Args[0]) // conversion, e.g. http.HandlerFunc(f)
		}
		return nil
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if isFunc(fn, "fmt", "Sprintf") {
		e.evalArgs(fr, call.Args)
		return e.templateValue(fr, call)
	}
	if fn != nil {
		if v, ok := e.generatedCall(fr, call, fn); ok {
			return v
		}
	}
	if fn != nil && fn.Pkg() != nil {
		if table := frameworks[fn.Pkg().Path()]; table != nil {
			if v, ok := table(e, fr, call, fn); ok {
				return v
			}
		}
	}
	var recv value
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil {
		recv = e.eval(fr, sel.X)
	}
	args := make([]value, len(call.Args))
	for i, a := range call.Args {
		if lit, ok := a.(*ast.FuncLit); ok && !isHandlerFunc(info.TypeOf(lit)) {
			e.callLit(fr, lit) // a callback that runs the code it wraps (errgroup.Go, ...)
			continue
		}
		args[i] = e.eval(fr, a)
	}
	if fn == nil {
		if v, ok := e.appendOptions(call, args); ok {
			return v
		}
		// A call of a function value: a literal called in place, or a
		// middleware applied to a handler.
		callee := e.eval(fr, call.Fun)
		if lit, ok := callee.(litRef); ok {
			v := e.callLit(fr, lit.lit, args...)
			if len(args) == 1 && isMiddlewareShape(e.pass.TypesInfo.TypeOf(lit.lit)) {
				// A local closure wrapping the handler it is given.
				switch v.(type) {
				case *handler, *router, *slot:
				default:
					if h := e.asHandler(args[0]); h != nil {
						return h.wrap(Middleware{Name: exprName(call.Fun), Pos: call.Pos(), Call: call, Platform: e.dirs.UsesMiddleware(e.pass.TypesInfo, lit.lit.Body)})
					}
				}
			}
			return v
		}
		if f, ok := callee.(funcRef); ok {
			// A function value or method value of a known function:
			// called as the function itself, its receiver unknown.
			if e.decl(f.fn) != nil {
				return e.callLocal(f.fn, nil, args)
			}
			return e.external(call, f.fn, nil, args)
		}
		if len(args) == 1 && callee != nil {
			if h := e.asHandler(args[0]); h != nil {
				return h.wrap(e.asMiddleware(callee, call.Fun)...)
			}
		}
		// Code we cannot see may add middleware to the routers it gets.
		for _, a := range args {
			if r, ok := a.(*router); ok && !r.fixed() {
				r = r.find()
				r.mws = append(r.mws, Middleware{Name: exprName(call.Fun), Pos: call.Pos(), Unknown: true})
			}
		}
		return nil
	}
	if fd := e.decl(fn); fd != nil {
		if !e.passesRouter(fn, recv) {
			recv = nil
		}
		saved := e.pendingInst
		e.pendingInst = e.instantiation(fr, fn, call, args)
		v := e.callLocal(fn, recv, args)
		e.pendingInst = saved
		if isMiddlewareShape(fn.Type()) && len(args) == 1 {
			// A middleware of the package applied to a handler, which
			// it returns wrapped in a closure: the closure wraps it.
			switch v.(type) {
			case *handler, *router, *slot:
			default:
				if h := e.asHandler(args[0]); h != nil {
					mw := e.wrapper(fn, call)
					mw.Platform = mw.Platform || e.dirs.UsesMiddleware(e.pass.TypesInfo, fd.Body)
					return h.wrap(mw)
				}
			}
		}
		return v
	}
	return e.external(call, fn, recv, args)
}

// callback evaluates fn, a function given to call as a callback that
// the router calls with args (chi's Route, fiber's Route): a function of
// the package, or of another with a summary.
func (e *evaluator) callback(fn *types.Func, call *ast.CallExpr, args ...value) {
	if e.decl(fn) != nil {
		e.callLocal(fn, nil, args)
		return
	}
	if s := e.summaryOf(fn.Origin()); s != nil {
		e.replay(s, nil, call.Pos(), nil, args)
	}
}

// calleeOf returns the function a call calls statically, or nil.
func (e *evaluator) calleeOf(call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
	return fn
}

// passesRouter reports whether a method's receiver value matters.
func (e *evaluator) passesRouter(fn *types.Func, recv value) bool {
	switch recv.(type) {
	case *router, *handler, mwList:
		return true
	}
	return false
}

// external models a call to a function of another package that no
// framework table knows: one with a summary is applied as if inlined;
// others are platform middleware, other wrappers, or opaque.
func (e *evaluator) external(call *ast.CallExpr, fn *types.Func, recv value, args []value) value {
	saved := e.made
	e.made = nil
	v := e.externalCall(call, fn, recv, args)
	if e.made != nil {
		v = e.returnInstance(e.made, v, call)
	}
	e.made = saved
	e.unfollowed(call, v)
	return v
}

func (e *evaluator) externalCall(call *ast.CallExpr, fn *types.Func, recv value, args []value) value {
	platform := e.dirs.Is(fn, directives.Middleware)
	replayed := false
	if !platform {
		if s := e.summaryOf(fn.Origin()); s != nil {
			v := e.atCall(s, e.replay(s, call, call.Pos(), recv, args), fn, call)
			if !s.opaqueResult() {
				return v
			}
			// A handler the summary cannot describe, such as a
			// closure calling next: described below, as a wrapper of
			// the handler the call is given.
			replayed = true
		}
	}
	if platform {
		for _, a := range call.Args {
			if t := e.pass.TypesInfo.TypeOf(a); t != nil && !handlerResult(t) && !isHandlerFunc(t) {
				e.dedupArg(a, exprName(call.Fun), false)
			}
		}
	}
	sig := fn.Signature()
	// A function of a package the model ran on, and with no summary,
	// does nothing to the routers it gets; only a method of an
	// interface may hide code that does.
	silent := replayed || (sig.Recv() == nil || !types.IsInterface(sig.Recv().Type())) && e.analysed(fn.Pkg())
	for i, a := range args {
		var pt types.Type
		if i < sig.Params().Len() {
			pt = sig.Params().At(i).Type()
		} else if sig.Variadic() {
			pt = sig.Params().At(sig.Params().Len() - 1).Type()
		}
		switch a := a.(type) {
		case *router, *handler, *slot, funcRef, litRef:
			if r, ok := a.(*router); ok && r.fixed() {
				continue // its middleware cannot change after construction
			} else if ok && pt != nil && !isHTTPHandlerType(pt) {
				// The function takes the router itself and may add
				// middleware we cannot see.
				if !silent || platform {
					r.find().mws = append(r.find().mws, Middleware{Name: fn.Name(), Obj: fn, Pos: call.Pos(), Unknown: !platform, Platform: platform})
				}
				continue
			}
			if sig.Results().Len() > 0 && handlerResult(sig.Results().At(0).Type()) {
				if h := e.asHandler(a); h != nil {
					return h.wrap(e.wrapper(fn, call))
				}
			}
		}
	}
	if sig.Results().Len() > 0 && (isMiddlewareType(sig.Results().At(0).Type()) || webMiddlewareType(sig.Results().At(0).Type())) {
		mw := e.wrapper(fn, call)
		for _, a := range args {
			if l, ok := a.(mwList); ok && !mw.Platform && (&Route{Chain: l}).Protected() != nil {
				mw.Unknown = true // built from platform middleware by code we cannot see
			}
		}
		return mwList{mw}
	}
	return nil
}

// atCall returns the value of a call of fn whose summary s was applied.
// Middleware the call builds, or wraps around the handler the caller
// passed, is described as built at the call, like a call without a
// summary: named as written, with the call, whose arguments may carry
// the middleware's options.
func (e *evaluator) atCall(s *Summary, v value, fn *types.Func, call *ast.CallExpr) value {
	if s.Result == nil {
		return v
	}
	one := func(ms []SMW) Middleware {
		mw := e.wrapper(fn, call)
		for _, m := range ms {
			mw.Platform = mw.Platform || m.Platform
			mw.Unknown = mw.Unknown || m.Unknown
		}
		mw.Unknown = mw.Unknown && !mw.Platform
		return mw
	}
	res := s.Result
	switch res.Kind {
	case ValueMWs:
		if len(res.MWs) == 1 && res.MWs[0].Param == 0 {
			return mwList{one(res.MWs)}
		}
	case ValueHandler:
		h, ok := v.(*handler)
		if !ok || res.Router < 0 || s.Routers[res.Router].Ref.Kind != RefParam || len(res.MWs) == 0 || len(h.mws) < len(res.MWs) {
			break
		}
		for _, m := range res.MWs {
			if m.Param != 0 {
				return v
			}
		}
		c := *h
		c.mws = append([]Middleware{one(res.MWs)}, h.mws[len(res.MWs):]...)
		return &c
	}
	return v
}

// analysed reports whether the route model ran on pkg: it imports a
// supported router, or a package with summaries.
func (e *evaluator) analysed(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	for _, imp := range pkg.Imports() {
		if frameworks[imp.Path()] != nil {
			return true
		}
	}
	return e.pass.ImportPackageFact(pkg, new(Routing))
}

// wrapper describes fn, called at call, as the middleware the call
// applies or builds. Most calls wrap nothing, so external asks only when
// one does.
func (e *evaluator) wrapper(fn *types.Func, call *ast.CallExpr) Middleware {
	mw := e.middlewareOf(fn, call.Fun)
	mw.Call = call
	return mw
}

// middlewareOf describes fn used as, or building, middleware.
func (e *evaluator) middlewareOf(fn *types.Func, x ast.Expr) Middleware {
	return Middleware{
		Name:     exprName(x),
		Obj:      fn,
		Pos:      x.Pos(),
		Platform: e.dirs.Is(fn, directives.Middleware),
	}
}

// asMiddleware converts a value to the middleware it denotes.
func (e *evaluator) asMiddleware(v value, x ast.Expr) []Middleware {
	switch v := v.(type) {
	case mwList:
		return v
	case *slot:
		if v.mws != nil {
			return v.mws
		}
		if h := e.heldList(v, x); h != nil {
			return h
		}
	case funcRef:
		return []Middleware{e.middlewareOf(v.fn, x)}
	case litRef:
		return []Middleware{{Name: "func literal", Pos: x.Pos(), Platform: e.dirs.UsesMiddleware(e.pass.TypesInfo, v.lit.Body)}}
	}
	return []Middleware{{Name: exprName(x), Pos: x.Pos(), Unknown: true}}
}

// asHandler converts a value to a handler, or nil.
func (e *evaluator) asHandler(v value) *handler {
	switch v := v.(type) {
	case *handler:
		return v
	case *router:
		return &handler{router: v}
	case *slot:
		return &handler{slot: v}
	case funcRef:
		return &handler{fn: v.fn}
	case litRef:
		return &handler{lit: v.lit}
	}
	return nil
}

// asRouter converts a receiver value to a router. An unknown receiver
// yields a fresh router that is never served.
func (e *evaluator) asRouter(v value, framework string) *router {
	var r *router
	switch v := v.(type) {
	case *router:
		r = v
	case *slot:
		r = v.routerNode(e)
	case *handler:
		if v.router != nil && len(v.mws) == 0 {
			r = v.router
		}
	}
	if r == nil {
		r = e.newRouter(framework)
	}
	r = r.find()
	if r.framework == "" {
		r.framework = framework
	}
	if r.owner != nil && r.owner.Pkg() != e.pass.Pkg {
		// A router another package holds: what is added to it here
		// goes into the summaries of the functions adding it.
		for _, s := range e.stack {
			if !slices.Contains(s.touched, r) {
				s.touched = append(s.touched, r)
			}
		}
	}
	return r
}

// register records a route registration, or a mount when the handler is
// itself a router.
func (e *evaluator) register(r *router, method, path string, call *ast.CallExpr, hx ast.Expr, hv value, mws []Middleware) {
	if lit, ok := hv.(litRef); ok {
		if t := e.forwarded(lit.lit); t != nil {
			hv = t
		}
	}
	if h := e.handlerParam(hx, hv); h != nil {
		hv = h
	}
	if isTemplateReg(method, path) {
		e.templateReg(r, method, path, call, hx, hv, mws)
		return
	}
	h := e.asHandler(hv)
	if l, ok := hv.(mwList); ok && h == nil && e.wrapsHandler(hx) {
		// A handler built by a function that wraps one (gin, echo and
		// fiber handlers and middleware share a type): what it wraps it
		// in is known.
		h = &handler{mws: l}
	}
	if h == nil {
		h = &handler{}
		if !e.opaqueHandler(hx) {
			// A handler the evaluation lost (assigned on some paths,
			// built in a loop or by recursion) may carry any middleware.
			h.mws = []Middleware{{Name: exprName(hx), Pos: hx.Pos(), Unknown: true}}
		}
	}
	if h.rpc != nil {
		e.registerService(r, h, mws)
		return
	}
	if h.procs != nil {
		e.registerProcs(r, h, mws)
		return
	}
	if h.slot != nil && h.router == nil && !mayHoldRouter(h.slot.obj.Type()) {
		// A field or variable of a function type holds a handler, never a
		// router: the route is registered. Which of the values stored in
		// the slot it serves is not known, so neither is its middleware.
		h = &handler{mws: append(slices.Clip(h.mws), Middleware{Name: exprName(hx), Pos: hx.Pos(), Unknown: true})}
	}
	if h.router != nil || h.slot != nil {
		prefix := ""
		if h.strip != "" {
			prefix = h.strip
		}
		r.mounts = append(r.mounts, &mount{prefix: prefix, method: method, mws: mws, h: h, order: e.stamp()})
		return
	}
	g := &reg{framework: r.framework, method: method, path: path, call: call, expr: hx, h: h, mws: mws, order: e.stamp()}
	e.tableRow(g)
	e.callerSite(g)
	r.regs = append(r.regs, g)
}

func (e *evaluator) serve(h *handler, pos token.Pos) {
	if h != nil && !e.cfg.Tests && inTestFile(e.pass.Fset, pos) {
		return // a test server: the routes are served in production elsewhere, or not at all
	}
	if h != nil {
		e.served = append(e.served, served{h, pos})
		for _, s := range e.stack {
			s.serves = append(s.serves, served{h, pos})
		}
	}
}

// isMiddlewareShape reports whether t is a function from one handler to
// a handler: func(http.HandlerFunc) http.Handler as well as
// func(http.Handler) http.Handler.
func isMiddlewareShape(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return false
	}
	in := sig.Params().At(0).Type()
	return (handlerResult(in) || isHandlerFunc(in)) && handlerResult(sig.Results().At(0).Type())
}

// inTestFile reports whether pos is in a _test.go file.
func inTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// isNil reports whether x is the predeclared nil.
func (e *evaluator) isNil(x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && e.pass.TypesInfo.Uses[id] == types.Universe.Lookup("nil")
}

// wrapsHandler reports whether x is a call given a handler: a function
// that wraps one in what it returns.
func (e *evaluator) wrapsHandler(x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range call.Args {
		if t := e.pass.TypesInfo.TypeOf(a); t != nil && (handlerResult(t) || webMiddlewareType(t) || isHandlerFunc(t) || webHandlerType(t)) {
			return true
		}
	}
	return false
}

// same reports whether two values are the same abstract value.
func same(a, b value) bool {
	switch a.(type) {
	case mwList:
		return false
	}
	switch b.(type) {
	case mwList:
		return false
	}
	return a == b
}

// opaqueHandler reports whether x builds a handler in another package
// from no handler of ours (a handler factory such as api.NewCreate(db)):
// its middleware, if any, is its own business, so the route counts as
// bare.
func (e *evaluator) opaqueHandler(x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(e.pass.TypesInfo, call).(*types.Func)
	return ok && fn.Pkg() != e.pass.Pkg
}
