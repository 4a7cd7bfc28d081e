package routes

import (
	"go/ast"
	"go/types"
)

// Middleware a field holds: an application's router type keeps the
// middleware its constructor is given in a field,
//
//	func NewApp(log Logger, mw ...MidFunc) *App { return &App{mux: ..., mw: mw} }
//
// and its registration method wraps each handler in it. The package that
// declares the type seldom stores anything there itself: the constructor
// is called in main. So a handler wrapped in what such a field holds,
// when the package stored nothing there, is wrapped in one layer that
// stands for the field's middleware (Middleware.held), carried through
// summaries as a reference to the field (SMW.Held), and looked up in the
// package that decides the route, where the constructor's summary stored
// the caller's middleware in the field. A field nothing was stored in
// there, or different lists were, is middleware of unknown identity.

// heldList returns the one layer standing for the middleware s holds,
// when s is a field or variable of a middleware type or a list of them
// and the package stored none there; else nil.
func (e *evaluator) heldList(s *slot, x ast.Expr) mwList {
	if s.mws != nil || s.obj == nil || !heldType(s.obj.Type()) {
		return nil
	}
	return mwList{{Name: exprName(x), Pos: x.Pos(), held: s}}
}

// heldType reports whether a field or variable of type t holds
// middleware, or a list of it, that heldList follows.
func heldType(t types.Type) bool {
	if sl, ok := t.Underlying().(*types.Slice); ok {
		t = sl.Elem()
	}
	return (isMiddlewareType(t) || webMiddlewareType(t)) && !isInterceptorType(t)
}

// unknownStore records in the summaries of the functions being evaluated
// a value the model does not follow (a.mw = nil) stored in a field
// holding middleware: for the caller, the field then holds middleware of
// unknown identity, on the instance it was given or not (see instance).
func (e *evaluator) unknownStore(obj types.Object, v value, lhs ast.Expr) {
	if _, ok := v.(mwList); ok || len(e.stack) == 0 {
		return
	}
	if f, ok := obj.(*types.Var); !ok || !f.IsField() || !heldType(f.Type()) {
		return
	}
	for _, s := range e.stack {
		s.stores = append(s.stores, storeRec{obj, mwList{{Name: exprName(lhs), Pos: lhs.Pos(), Unknown: true}}})
	}
}

// expandHeld replaces in chain each layer standing for the middleware a
// field holds with that middleware, or with middleware of unknown
// identity when it is not known.
func expandHeld(chain []Middleware) []Middleware {
	return expand(chain, false)
}

// expandKnownHeld is expandHeld for a summary: a layer whose field holds
// nothing known yet is kept, for the importer to look up.
func expandKnownHeld(chain []Middleware) []Middleware {
	return expand(chain, true)
}

func expand(chain []Middleware, keep bool) []Middleware {
	held := false
	for _, m := range chain {
		held = held || m.held != nil
	}
	if !held {
		return chain
	}
	out := make([]Middleware, 0, len(chain))
	for _, m := range chain {
		s := m.held
		if s != nil && s.global != nil && s.global.outside {
			s = s.global // a list stored in the field since: the field's
		}
		switch {
		case s == nil:
			out = append(out, m)
		case s.mws == nil && keep:
			out = append(out, m)
		case s.mws == nil || s.mixed || s.global == nil && s.unfollowed:
			m.held, m.Unknown = nil, true
			out = append(out, m)
		default:
			for _, in := range s.mws {
				if in.held != nil {
					in.held, in.Unknown = nil, true
				}
				if in.Scope == 0 {
					in.Scope = m.Scope
				}
				// Attached where the layer is, not where the list was
				// stored: gin, echo and fiber groups count the order.
				in.order, in.prefix, in.seed = m.order, m.prefix, m.seed
				out = append(out, in)
			}
		}
	}
	return out
}

// An instance is the value a constructor of another package returns
// when its summary stores middleware lists in fields of the struct it
// returns (NewApp(log, mw...) storing mw in a.mw): the lists the call
// gives are the instance's own, so that two instances built with
// different middleware are told apart. A method called on the instance
// looks up what its summary applies from those fields in the instance's
// slots. The field's own slot still gets every list, for the instances
// the evaluation does not follow (one passed to a function, stored in a
// field); and when a list is stored in the field in any other way (a
// method of the type, an assignment), the instance's slots give way to
// it.
type instance struct {
	st     *types.Struct
	fields map[types.Object]*slot
}

// newInstance returns the instance a call of a constructor with summary
// s returns, to be filled by its stores: a call of a function, not a
// method, whose result is a pointer to a struct that the summary
// describes as nothing or as a handler (the struct serves HTTP). It
// returns nil otherwise.
func (e *evaluator) newInstance(s *Summary, call *ast.CallExpr, recv value) *instance {
	if call == nil || recv != nil || s.Result != nil && s.Result.Kind != ValueHandler || len(s.Stores) == 0 {
		return nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s := e.pass.TypesInfo.Selections[sel]; s != nil {
			return nil // a method
		}
	}
	t := e.pass.TypesInfo.TypeOf(call)
	if tup, ok := t.(*types.Tuple); ok && tup.Len() > 0 {
		t = tup.At(0).Type() // NewApp(...) (*App, error)
	}
	if st := pointedStruct(t); st != nil {
		return &instance{st: st}
	}
	return nil
}

// pointedStruct returns the struct t points to, or nil.
func pointedStruct(t types.Type) *types.Struct {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return nil
	}
	st, _ := p.Elem().Underlying().(*types.Struct)
	return st
}

// unfollowed marks the fields holding middleware of each struct of
// another package the call returns a pointer to, when the value returned
// is not an instance the evaluation follows with that field: what that
// value's field holds is not known, so the field's own slot, which
// stands for every instance not followed, holds middleware of unknown
// identity. A route of such an instance is not decided rather than
// decided with another instance's middleware.
func (e *evaluator) unfollowed(call *ast.CallExpr, v value) {
	t := e.pass.TypesInfo.TypeOf(call)
	var ts []types.Type
	if tup, ok := t.(*types.Tuple); ok {
		for x := range tup.Variables() {
			ts = append(ts, x.Type())
		}
		if vt, ok := v.(tuple); ok && len(vt) > 0 {
			v = vt[0]
		}
	} else if t != nil {
		ts = []types.Type{t}
	}
	for i, t := range ts {
		st := pointedStruct(t)
		if st == nil {
			continue
		}
		var inst *instance
		if i == 0 {
			inst = e.instanceOf(v)
		}
		for f := range st.Fields() {
			if f.Pkg() == e.pass.Pkg || !heldType(f.Type()) || inst != nil && inst.fields[f] != nil {
				continue
			}
			if sl := e.slotFor(f); sl != nil {
				sl.unfollowed = true
			}
		}
	}
}

// has reports whether obj is a field of the instance's struct.
func (in *instance) has(obj types.Object) bool {
	if in == nil {
		return false
	}
	for f := range in.st.Fields() {
		if f == obj {
			return true
		}
	}
	return false
}

// store stores a list a constructor gives in the instance's slot of a
// field, and in the field's own slot.
func (in *instance) store(e *evaluator, sl *slot, l mwList) {
	if in.fields == nil {
		in.fields = make(map[types.Object]*slot)
	}
	own := in.fields[sl.obj]
	if own == nil {
		own = &slot{obj: sl.obj, global: sl}
		in.fields[sl.obj] = own
	}
	saved := e.ctorStore
	e.ctorStore = true
	e.storeSlot(sl, l, nil)
	e.storeSlot(own, l, nil)
	e.ctorStore = saved
}

// instanceOf returns the instance v is: an instance, or the handler a
// constructor returned for one.
func (e *evaluator) instanceOf(v value) *instance {
	switch v := v.(type) {
	case *instance:
		return v
	case *handler:
		return e.instances[v]
	}
	return nil
}

// returnInstance returns the value of a constructor's call: the instance,
// or a handler of its own standing for it (the value v the call has
// otherwise), in a tuple for a call with several results. Any other
// value is returned as it is: the instance is not followed.
func (e *evaluator) returnInstance(inst *instance, v value, call *ast.CallExpr) value {
	if tup, ok := e.pass.TypesInfo.TypeOf(call).(*types.Tuple); ok {
		t := make(tuple, tup.Len())
		if vt, ok := v.(tuple); ok && len(vt) == len(t) {
			copy(t, vt)
		}
		t[0] = e.returnInstance(inst, t[0], nil)
		return t
	}
	if v == nil {
		return inst
	}
	h, ok := v.(*handler)
	if !ok {
		return v
	}
	c := *h
	if e.instances == nil {
		e.instances = make(map[*handler]*instance)
	}
	e.instances[&c] = inst
	return &c
}
