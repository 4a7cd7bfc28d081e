package routes

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/idemlint/idemlint/internal/typesutil"
)

// inert returns the declared functions of the package that the evaluator
// need not evaluate on their own: their code can create or change no
// router, handler, middleware list or slot, nor serve anything. That holds
// when nothing they use (their function literals included) can:
//
//   - no object of a router package, apart from the request and response
//     side of net/http (inertHTTP), which most handlers use;
//   - no function whose parameters or results carry such a type, or whose
//     result is a handler or middleware;
//   - no variable or field of the package whose type can hold a router,
//     handler or middleware (a slot);
//   - no function of the package that is not inert itself.
//
// A call still evaluates an inert function, as before; only its own
// top-level evaluation, which would record nothing, is skipped. Most
// functions of a service are handlers and repositories, and the
// evaluation is the costliest part of the pass. The test is made from the
// package's uses of objects, without walking any body.
func (e *evaluator) inert() map[*types.Func]bool {
	type span struct {
		fn         *types.Func
		start, end int
	}
	decls := e.idx.Funcs()
	spans := make([]span, 0, len(decls))
	for _, f := range decls {
		spans = append(spans, span{f.Obj, int(f.Decl.Pos()), int(f.Decl.End())})
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	enclosing := func(id *ast.Ident) *types.Func {
		i, found := slices.BinarySearchFunc(spans, int(id.Pos()), func(s span, p int) int { return s.start - p })
		if found {
			i++
		}
		// spans[i-1] is the last span starting at or before id.
		if i == 0 || int(id.Pos()) >= spans[i-1].end {
			return nil
		}
		return spans[i-1].fn
	}

	active := make(map[*types.Func]bool) // uses something that can change the model
	var uses [][2]*types.Func            // a function of the package and one using it
	vars, funcs := make(map[*types.Var]bool), make(map[*types.Func]bool)
	for id, obj := range e.pass.TypesInfo.Uses {
		var risky bool
		switch obj := obj.(type) {
		case *types.Var:
			if obj.Pkg() == e.pass.Pkg && !obj.IsField() && obj.Parent() != e.pass.Pkg.Scope() {
				continue // a local variable: most uses
			}
			risky = remember(e, vars, obj)
		case *types.Func:
			if fn := obj.Origin(); e.decl(fn) != nil {
				if user := enclosing(id); user != nil && user != fn {
					uses = append(uses, [2]*types.Func{fn, user})
				}
			}
			risky = remember(e, funcs, obj)
		case *types.TypeName:
			risky = e.risky(obj)
		default:
			continue // constants, packages, built-ins, labels, nil
		}
		if risky {
			if user := enclosing(id); user != nil {
				active[user] = true
			}
		}
	}

	// A function using an active function of the package is active. Call
	// chains within a package are short: few rounds reach the fixed point.
	for changed := true; changed; {
		changed = false
		for _, u := range uses {
			if active[u[0]] && !active[u[1]] {
				active[u[1]] = true
				changed = true
			}
		}
	}
	inert := make(map[*types.Func]bool, len(decls)-len(active))
	for _, f := range decls {
		if !active[f.Obj] {
			inert[f.Obj] = true
		}
	}
	return inert
}

// remember returns e.risky(obj), computed once per object.
func remember[T interface {
	types.Object
	comparable
}](e *evaluator, memo map[T]bool, obj T) bool {
	r, ok := memo[obj]
	if !ok {
		r = e.risky(obj)
		memo[obj] = r
	}
	return r
}

// risky reports whether the use of obj can make a function active; see
// inert. For a function of the package, whether it is inert itself is
// found apart, by propagation.
func (e *evaluator) risky(obj types.Object) bool {
	if supported(obj.Pkg()) {
		return routerObject(obj)
	}
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Pkg() != e.pass.Pkg && e.summaryOf(obj.Origin()) != nil {
			return true // it does something to routers the caller can see
		}
		sig := obj.Signature()
		for i := range sig.Params().Len() {
			if t := sig.Params().At(i).Type(); !plain(t) && carriesRouterType(t) {
				return true
			}
		}
		for i := range sig.Results().Len() {
			if t := sig.Results().At(i).Type(); !plain(t) && (carriesRouterType(t) || handlerResult(t) || isMiddlewareType(t) || webMiddlewareType(t)) {
				return true
			}
		}
		return false
	case *types.Var:
		if obj.Pkg() != e.pass.Pkg && e.summaryOf(obj) != nil {
			return true // it holds a router, handler or middleware
		}
		t := obj.Type()
		return !plain(t) && (carriesRouterType(t) || handlerResult(t) || isMiddlewareType(t) || holdsAnything(t))
	case *types.TypeName:
		return false // a type of another package or this one: its values count where they are used
	}
	return false
}

// routerObject reports whether obj belongs to a supported router package
// and is not on the request and response side of net/http.
func routerObject(obj types.Object) bool {
	return supported(obj.Pkg()) && !(obj.Pkg().Path() == netHTTP && inertHTTP(obj))
}

// plain reports whether t is a basic type or error, most parameters and
// results: none carries a router, handler or middleware.
func plain(t types.Type) bool {
	_, basic := t.(*types.Basic)
	return basic || t == errorType
}

var errorType = types.Universe.Lookup("error").Type()

// carriesRouterType reports whether t is, or is built from (pointers,
// slices, maps, channels, function signatures, anonymous structs, type
// arguments), a type of a router package other than the request and
// response side of net/http.
func carriesRouterType(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if routerObject(t.Obj()) {
			return true
		}
		for a := range t.TypeArgs().Types() {
			if carriesRouterType(a) {
				return true
			}
		}
	case *types.Pointer:
		return carriesRouterType(t.Elem())
	case *types.Slice:
		return carriesRouterType(t.Elem())
	case *types.Array:
		return carriesRouterType(t.Elem())
	case *types.Map:
		return carriesRouterType(t.Key()) || carriesRouterType(t.Elem())
	case *types.Chan:
		return carriesRouterType(t.Elem())
	case *types.Signature:
		for v := range t.Params().Variables() {
			if carriesRouterType(v.Type()) {
				return true
			}
		}
		for v := range t.Results().Variables() {
			if carriesRouterType(v.Type()) {
				return true
			}
		}
	case *types.Struct:
		for f := range t.Fields() {
			if carriesRouterType(f.Type()) {
				return true
			}
		}
	}
	return false
}

// holdsAnything reports whether t, or the element type of a container t,
// is the empty interface.
func holdsAnything(t types.Type) bool {
	for {
		switch u := types.Unalias(t).(type) {
		case *types.Pointer:
			t = u.Elem()
		case *types.Slice:
			t = u.Elem()
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		case *types.Chan:
			t = u.Elem()
		default:
			i, ok := t.Underlying().(*types.Interface)
			return ok && i.Empty()
		}
	}
}

// inertHTTPTypes are the types of net/http whose values the evaluator
// never tracks: the request and response side a handler works with, and
// the outbound client.
var inertHTTPTypes = map[string]bool{
	"Request": true, "Response": true, "ResponseWriter": true, "Header": true,
	"Cookie": true, "SameSite": true, "Client": true, "ResponseController": true,
}

// inertHTTPFuncs are the functions of net/http that answer a request or
// make an outbound one, and build no handler.
var inertHTTPFuncs = map[string]bool{
	"Error": true, "StatusText": true, "Redirect": true, "NotFound": true,
	"ServeContent": true, "ServeFile": true, "ServeFileFS": true, "SetCookie": true,
	"MaxBytesReader": true, "DetectContentType": true, "CanonicalHeaderKey": true,
	"ParseHTTPVersion": true, "ParseTime": true, "ParseCookie": true, "ParseSetCookie": true,
	"NewRequest": true, "NewRequestWithContext": true, "NewResponseController": true,
	"Get": true, "Head": true, "Post": true, "PostForm": true,
	"ReadRequest": true, "ReadResponse": true, "ProxyFromEnvironment": true, "ProxyURL": true,
}

// inertHTTP reports whether obj, an object of net/http, is on the request
// and response side: a constant, one of those types, their methods,
// those functions, a package-level variable other than DefaultServeMux
// (errors, NoBody, DefaultClient), or a field. A field is reached through
// a value whose origin counts on its own: a Server's Handler through a
// use of the Server type, or of a function or slot carrying one.
func inertHTTP(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Const:
		return true
	case *types.TypeName:
		return inertHTTPTypes[obj.Name()]
	case *types.Func:
		if recv := obj.Signature().Recv(); recv != nil {
			n := typesutil.NamedOf(recv.Type())
			return n != nil && inertHTTPTypes[n.Obj().Name()]
		}
		return inertHTTPFuncs[obj.Name()]
	case *types.Var:
		return obj.IsField() || obj.Name() != "DefaultServeMux"
	}
	return false
}
