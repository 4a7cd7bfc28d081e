package routes

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// Summaries, the evaluation side: while the package is evaluated, the
// evaluator records for each function that other packages may call what
// they can see of it, and export.go turns the records into facts.
//
// Such a function is evaluated once with placeholders bound to the
// routers, handlers and middleware its callers pass (a *router, *handler
// or Middleware whose ref or param is set). What it adds to a placeholder
// router is what it adds to the caller's; a placeholder handler or
// middleware stands for the caller's in what it returns, registers or
// serves. Placeholders are never united with other routers, nor stored in
// slots: a store of one is recorded instead, for the caller to replay.

// A fnSummary records what a function does that its callers can see.
type fnSummary struct {
	fn     *types.Func
	recv   value   // the receiver's placeholder, or nil
	params []value // the parameters' placeholders (nil elements: none)
	root   int     // the top-level evaluation it was evaluated in
	result value
	serves []served
	stores []storeRec
	// dedupStores are the parameters it hands to platform middleware as
	// the middleware's arguments (its store), with the middleware.
	dedupStores []SStoreParam
	// touched are the routers held by fields or variables of other
	// packages that it adds routes or middleware to.
	touched []*router
	// templates are the registrations whose method or path it builds
	// from its parameters, which each call instantiates (template.go).
	templates []templateReg
}

// A templateReg is a registration on r whose method or path is a
// template.
type templateReg struct {
	r *router
	g *reg
}

// A storeRec is a value stored in a field or package-level variable.
type storeRec struct {
	obj types.Object
	v   value
}

// planSummaries makes a record, with its placeholders, for every function
// of the package that importers may call and whose summary can say
// something: one that receives or returns a router, handler or
// middleware, or a method of a type holding one.
func (e *evaluator) planSummaries() {
	for _, f := range e.idx.Funcs() {
		fn := f.Obj
		sig := fn.Signature()
		recv := sig.Recv()
		if recv == nil && !fn.Exported() {
			continue // no importer can call it
		}
		if !e.risky(fn) && !e.reachesRouters(sig) {
			continue
		}
		s := &fnSummary{fn: fn}
		if recv != nil {
			s.recv = e.placeholder(recv.Type(), SRef{Kind: RefParam, Param: -1}, false)
		}
		any := s.recv != nil
		params := make([]value, sig.Params().Len())
		for i := range params {
			params[i] = e.placeholder(sig.Params().At(i).Type(), SRef{Kind: RefParam, Param: i}, sig.Variadic() && i == len(params)-1)
			any = any || params[i] != nil
		}
		if any {
			s.params = params
		}
		e.sums[fn] = s
	}
}

// reachesRouters reports whether a function's receiver or a parameter is
// a struct with a field that can hold a router, handler or middleware:
// it may serve them, return them, or add routes to them.
func (e *evaluator) reachesRouters(sig *types.Signature) bool {
	if r := sig.Recv(); r != nil && e.holdsRouters(r.Type()) {
		return true
	}
	for v := range sig.Params().Variables() {
		if e.holdsRouters(v.Type()) {
			return true
		}
	}
	return false
}

// holdsRouters reports whether t is a struct, or a pointer to one, with a
// field that can hold a router, handler or middleware.
func (e *evaluator) holdsRouters(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if t := f.Type(); !plain(t) && (carriesRouterType(t) || handlerResult(t) || isMiddlewareType(t) || webMiddlewareType(t)) {
			return true
		}
	}
	return false
}

// placeholder returns the value standing for what a caller passes as a
// parameter of type t (variadic: the elements of t), or nil when the
// model does not follow such values.
func (e *evaluator) placeholder(t types.Type, ref SRef, variadic bool) value {
	if variadic {
		if s, ok := t.Underlying().(*types.Slice); ok {
			t = s.Elem()
		}
	}
	if framework := routerFramework(t); framework != "" {
		r := &router{framework: framework, ref: &ref}
		e.routers = append(e.routers, r)
		if framework == "fiber" {
			return &fiberGroup{app: r}
		}
		return r
	}
	if s, ok := t.Underlying().(*types.Slice); ok && !variadic {
		t = s.Elem() // a list of middleware
	} else if isHTTPHandlerType(t) || isHandlerFunc(t) {
		return &handler{ref: &ref}
	}
	if isMiddlewareType(t) || webMiddlewareType(t) || typesutil.IsNamed(t, alicePath, "Chain") {
		return mwList{{Name: "(caller's middleware)", param: ref.Param + 1}}
	}
	if b, ok := types.Unalias(t).(*types.Basic); ok && b.Kind() == types.String && !variadic && ref.Param >= 0 {
		return paramTemplate(ref.Param)
	}
	return nil
}

// routerFramework returns the framework of a router type: a type that
// routes are registered on, or "".
func routerFramework(t types.Type) string {
	n := namedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return ""
	}
	return routerTypes[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
}

// namedOf returns the named type t denotes, through one pointer.
func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// recordStore records a store of v in the field or variable obj for the
// summaries of the functions being evaluated, when a caller must replay
// it: v holds a placeholder, or obj belongs to another package (its
// package cannot see the store). It reports whether v holds a
// placeholder, which the slot must not take.
func (e *evaluator) recordStore(obj types.Object, v value) bool {
	ph := hasPlaceholder(v)
	_, mws := v.(mwList)
	if len(e.stack) > 0 && (ph || obj.Pkg() != e.pass.Pkg) && (routerish(v) || mws) {
		for _, s := range e.stack {
			s.stores = append(s.stores, storeRec{obj, v})
		}
	}
	return ph
}

// inherit adds what fn, evaluated before, serves and stores to the
// records of the functions being evaluated, which called it.
func (e *evaluator) inherit(fn *types.Func) {
	s := e.sums[fn]
	if s == nil || len(e.stack) == 0 || len(s.serves)+len(s.stores)+len(s.touched)+len(s.dedupStores) == 0 {
		return
	}
	for _, t := range e.stack {
		if t != s {
			t.serves = append(t.serves, s.serves...)
			t.stores = append(t.stores, s.stores...)
			for _, r := range s.touched {
				if !slices.Contains(t.touched, r) {
					t.touched = append(t.touched, r)
				}
			}
		}
	}
}

// hasPlaceholder reports whether v is, or wraps, a placeholder.
func hasPlaceholder(v value) bool {
	switch v := v.(type) {
	case *router:
		return v.find().ref != nil
	case *fiberGroup:
		return v.app.find().ref != nil
	case *handler:
		if v.ref != nil || (v.router != nil && v.router.find().ref != nil) {
			return true
		}
		return mwsHavePlaceholder(v.mws)
	case mwList:
		return mwsHavePlaceholder(v)
	case tuple:
		for _, x := range v {
			if hasPlaceholder(x) {
				return true
			}
		}
	case strTmpl:
		return hasParams(string(v))
	}
	return false
}

func mwsHavePlaceholder(mws []Middleware) bool {
	for _, m := range mws {
		if m.param != 0 {
			return true
		}
	}
	return false
}

// withoutPlaceholders returns v, or nil when it holds a placeholder: a
// caller that passes nothing the model follows gets nothing back.
func withoutPlaceholders(v value) value {
	if hasPlaceholder(v) {
		return nil
	}
	return v
}

// dedupArg records x, an argument given to platform middleware (through
// the middleware call itself, or through a function of another package
// whose summary says it hands a parameter on): the middleware's store,
// perhaps. A parameter of the function being summarised is handed on in
// its summary; an argument of a function of another package is kept for
// idemstore, which judges what it is (Result.DedupArgs).
func (e *evaluator) dedupArg(x ast.Expr, via string, imported bool) {
	if imported {
		e.dedupArgs = append(e.dedupArgs, DedupArg{Expr: x, Via: via})
	}
	if len(e.stack) == 0 {
		return
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return
	}
	top := e.stack[len(e.stack)-1]
	params := top.fn.Signature().Params()
	for i := range params.Len() {
		if e.pass.TypesInfo.Uses[id] == params.At(i) {
			top.dedupStores = append(top.dedupStores, SStoreParam{Param: i, Via: via})
		}
	}
}
